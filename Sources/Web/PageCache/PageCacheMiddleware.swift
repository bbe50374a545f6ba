import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Serves pages declared ``Response/sameForEveryone()`` from the ``PageCache`` to anonymous GET and HEAD
/// requests, rendering each once per data version, with HTTP validators:
///
/// - a kept page carries a strong `ETag` (from the data version and what the page shows), a
///   `Last-Modified` (when this server first saw that version), `Cache-Control: no-cache` (any cache
///   may keep it but must revalidate) and `Vary: Cookie`;
/// - `If-None-Match` naming its tag (or `*`) is answered 304 with no body; otherwise `If-Modified-Since`
///   (ignored when `If-None-Match` is sent, as RFC 9110 §13.1.3 says) at or after its date, when that
///   date is unambiguous (``PageCache/isDatable(_:)``);
/// - a signed-in request (a session cookie, or `Authorization`) is never served from the cache and never
///   fills it: its page can differ by user, and ``SecurityHeaders`` marks it `private, no-store`. Nor is
///   identifiable data ever kept, nor anything but a 200.
///
/// The version is read *before* a page is rendered, so a page is never kept under a version newer than
/// the data it shows. If the version cannot be read, the page is rendered as if there were no cache.
/// Requests that miss the cache together render the page once (``RenderFlights``): the others wait for it.
struct PageCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache: PageCache
    /// The renders in progress.
    var flights = RenderFlights()
    /// The data version now: the store's, with whatever in memory pages also read.
    let version: @Sendable () async throws -> String
    /// Today (tests inject one).
    var today: @Sendable () -> Day = { .today }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .get || request.method == .head, Self.isAnonymous(request),
            !SecurityHeaders<Context>.isIdentifiable(request.uri.path), let version = try? await version()
        else {
            return Self.unmarked(try await next(request, context))
        }
        let key = PageCache.Key(path: request.uri.path, query: request.uri.query, day: today().daysSinceEpoch)
        if let entry = cache.entry(for: key, at: version) { return answer(entry, to: request) }
        let flight = RenderFlights.Flight(key: key, version: version)
        switch flights.begin(flight) {
        case .alone:
            return try await render(request, context: context, key: key, version: version, next: next).response
        case .follower:
            if let entry = await flights.follow(flight) ?? cache.entry(for: key, at: version) {
                return answer(entry, to: request)
            }
            // The leader kept nothing (it failed, or its answer differs by request): render for this one.
            return try await render(request, context: context, key: key, version: version, next: next).response
        case .leader:
            var (kept, forEveryone): (PageCache.Entry?, Bool) = (nil, true)
            defer { flights.end(flight, with: kept, forEveryone: forEveryone) }
            let rendered = try await render(request, context: context, key: key, version: version, next: next)
            (kept, forEveryone) = (rendered.kept, rendered.forEveryone)
            return rendered.response
        }
    }

    /// The page rendered for this request, and kept (returned as `kept`) if it is a page for everyone;
    /// `forEveryone` is false for an answer that is not (an API's, or one that differs by request).
    private func render(
        _ request: Request, context: Context, key: PageCache.Key, version: String,
        next: (Request, Context) async throws -> Response
    ) async throws -> (response: Response, kept: PageCache.Entry?, forEveryone: Bool) {
        let response = try await next(request, context)
        guard response.headers[.sameForEveryone] != nil else { return (response, nil, false) }
        guard response.status == .ok else { return (Self.unmarked(response), nil, true) }
        let body = try await BodyCollector.collect(response.body)
        let entry = cache.keep(key, version: version, contentType: response.headers[.contentType], body: body)
        return (answer(entry, to: request), entry, true)
    }

    /// The kept page, or 304 when the request's validators say the client already holds it.
    func answer(_ entry: PageCache.Entry, to request: Request) -> Response {
        var headers: HTTPFields = [
            .eTag: entry.etag, .lastModified: HTTPDate.format(entry.lastModified), .cacheControl: "no-cache",
            .vary: "Cookie",
        ]
        if isFresh(entry, request) { return Response(status: .notModified, headers: headers) }
        if let type = entry.contentType { headers[.contentType] = type }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: entry.body))
    }

    /// Whether the client holds `entry` already (RFC 9110 §13.2.2's order: If-None-Match first).
    func isFresh(_ entry: PageCache.Entry, _ request: Request) -> Bool {
        if let condition = EntityTagCondition(request.headers[values: .ifNoneMatch]) {
            return condition.matches(entry.etag)
        }
        guard let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) else { return false }
        return since >= entry.lastModified && cache.isDatable(entry.version)
    }

    /// Whether nobody is signed in: no session cookie and no `Authorization` (whether valid or not).
    static func isAnonymous(_ request: Request) -> Bool {
        request.headers[.authorization] == nil && request.cookies[SignedIn.cookie] == nil
    }

    /// `response` without the cache's marker.
    static func unmarked(_ response: Response) -> Response {
        guard response.headers[.sameForEveryone] != nil else { return response }
        var response = response
        response.headers[.sameForEveryone] = nil
        return response
    }
}
