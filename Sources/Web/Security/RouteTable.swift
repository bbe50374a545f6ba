import Foundation
import HTTPTypes
import Hummingbird

/// The routes the router serves, by path template, so that a known path asked with the wrong method gets
/// a 405 naming the methods it takes (``MethodNotAllowed``). Filled once, when the router is built.
final class RouteTable: @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [(path: RouterPath, methods: Set<HTTPRequest.Method>)] = []

    /// Records the router's routes.
    func load(_ served: [(path: RouterPath, method: HTTPRequest.Method)]) {
        var byPath: [String: (path: RouterPath, methods: Set<HTTPRequest.Method>)] = [:]
        for route in served {
            byPath[route.path.description, default: (route.path, [])].methods.insert(route.method)
        }
        lock.withLock { routes = Array(byPath.values) }
    }

    /// The methods `path` is served with (HEAD wherever GET is), or none for a path nothing serves. When
    /// several templates match, the most specific wins, as in the router: a fixed segment before a
    /// parameter, left to right.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        let candidates = lock.withLock { routes }.compactMap { route -> ([Int], Set<HTTPRequest.Method>)? in
            Self.specificity(of: route.path, matching: segments).map { ($0, route.methods) }
        }
        guard let best = candidates.max(by: { $0.0.lexicographicallyPrecedes($1.0) }) else { return [] }
        var methods = best.1
        if methods.contains(.get) { methods.insert(.head) }
        let order: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
        return order.filter(methods.contains)
            + methods.filter { !order.contains($0) }.sorted { $0.rawValue < $1.rawValue }
    }

    /// How specifically `template` matches `segments` (2 a fixed segment, 1 a parameter or wildcard, 0 the
    /// rest of the path), or `nil` when it does not match.
    static func specificity(of template: RouterPath, matching segments: [Substring]) -> [Int]? {
        var scores: [Int] = []
        for (index, element) in template.components.enumerated() {
            if element == .recursiveWildcard { return scores + [0] }
            guard index < segments.count, element ~= segments[index] else { return nil }
            scores.append(element == .path(segments[index]) ? 2 : 1)
        }
        return template.components.count == segments.count ? scores : nil
    }
}

/// Turns "nothing here" into 405 with `Allow` when the path is served with other methods; an unknown path
/// stays a 404. (HEAD is answered for every GET route by the router itself.)
struct MethodNotAllowed<Context: RequestContext>: RouterMiddleware {
    let table: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && context.endpointPath == "NotFound" {
            // The router found no route for this method; a handler's own 404 has its route's template.
            let allowed = table.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            throw HeaderedProblem.methodNotAllowed(request.method, allowed: allowed)
        }
    }
}
