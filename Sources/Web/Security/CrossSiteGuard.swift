import Foundation
import HTTPTypes
import Hummingbird

/// Refuses a change another site asks a browser to make: any request but GET, HEAD and OPTIONS that a
/// browser marks `Sec-Fetch-Site: cross-site`, or whose `Origin` is not this server's own host, is a 403;
/// and an API change (under `/api/`) must be JSON (`Content-Type: application/json`, else 415), which no
/// form on another site can send and no script on another site can send without a CORS preflight this
/// server never grants.
///
/// "Own host" is the request's `Host` (its authority: host and port, the port defaulting by the `Origin`'s
/// scheme), so a proxy in front must pass `Host` through unchanged. `Origin: null` passes only with
/// `Sec-Fetch-Site: same-origin`. A request with neither header (curl, scripts) passes.
struct CrossSiteGuard<Context: RequestContext>: RouterMiddleware {
    /// The routes served, so that only a request some route takes is asked for JSON.
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if !Self.isSafe(request.method) {
            let site = request.headers[Authentication.secFetchSite]?.lowercased()
            if site == "cross-site" {
                throw Self.refusal("the browser says this request comes from another site")
            }
            // A browser sends `Origin: null` for its own page's form when a referrer policy hides where it
            // came from; its `Sec-Fetch-Site: same-origin`, which no page can forge, vouches for it.
            if let origin = request.headers[.origin], !Self.isOwnOrigin(origin, of: request),
                !(origin == "null" && site == "same-origin")
            {
                throw Self.refusal("the request comes from \(origin.prefix(100)), not from this site's own pages")
            }
            // Only where the method is served: elsewhere the answer is a 404 or 405, not a 415.
            if request.uri.path.hasPrefix("/api/"), !Self.isJSON(request.headers[.contentType]),
                routes.methods(for: request.uri.path).contains(request.method)
            {
                throw Problem(
                    status: .unsupportedMediaType, type: "https://concordat.dev/problems/unsupported-media-type",
                    title: "Unsupported media type",
                    detail: "a change through the API must be sent as JSON, with Content-Type: application/json")
            }
        }
        return try await next(request, context)
    }

    /// Whether `method` only reads.
    static func isSafe(_ method: HTTPRequest.Method) -> Bool {
        method == .get || method == .head || method == .options
    }

    /// Whether a `Content-Type` names JSON (`application/json`, with or without parameters).
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let media = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        return media == "application/json"
    }

    /// Whether `origin` (`scheme://host[:port]`) is the host and port `request` was sent to.
    static func isOwnOrigin(_ origin: String, of request: Request) -> Bool {
        guard let components = URLComponents(string: origin), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host?.lowercased(), !host.isEmpty,
            let authority = request.head.authority
        else { return false }
        let defaultPort = scheme == "https" ? 443 : 80
        guard let own = hostAndPort(authority) else { return false }
        return own.host == host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            && (own.port ?? defaultPort) == (components.port ?? defaultPort)
    }

    /// The host (lower case, IPv6 without brackets) and port of a `Host` value.
    static func hostAndPort(_ authority: String) -> (host: String, port: Int?)? {
        let text = authority.lowercased()
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return (host, nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
            return (host, port)
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return (text, nil)
        case 2:
            guard let port = Int(parts[1]) else { return nil }
            return (String(parts[0]), port)
        default: return nil
        }
    }

    static func refusal(_ why: String) -> Problem {
        Problem(
            status: .forbidden, type: "https://concordat.dev/problems/cross-site", title: "Not allowed",
            detail: "\(why): changes are taken only from Concordat's own pages and from scripts")
    }
}
