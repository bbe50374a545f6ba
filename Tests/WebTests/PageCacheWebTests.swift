import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import Testing

@testable import Web

/// What an anonymous GET answered: status, validators, body.
struct PageRead {
    var status: HTTPResponse.Status
    var etag: String?
    var lastModified: String?
    var cacheControl: String?
    var text: String
}

/// An anonymous GET (or HEAD) of `uri` with `headers`.
func read(
    _ client: some TestClientProtocol, _ uri: String, _ headers: HTTPFields = [:], method: HTTPRequest.Method = .get
)
    async throws -> PageRead
{
    try await client.execute(uri: uri, method: method, headers: headers) { response in
        PageRead(
            status: response.status, etag: response.headers[.eTag], lastModified: response.headers[.lastModified],
            cacheControl: response.headers[.cacheControl], text: response.text)
    }
}

/// Reads `uri` (kept in the cache), runs `write`, and expects the next anonymous read to show `shown`
/// with a new entity tag, and the old tag to be answered in full, not 304.
func expectShown(
    _ client: some TestClientProtocol, _ uri: String, _ shown: String, _ comment: Comment,
    after write: () async throws -> Void
) async throws {
    try await expectShown(client, uri, { $0.contains(shown) }, comment, after: write)
}

/// Reads `uri` (kept in the cache), runs `write`, and expects `shows` false of the page before and true
/// after, with a new entity tag, and the old tag answered in full, not 304.
func expectShown(
    _ client: some TestClientProtocol, _ uri: String, _ shows: (String) -> Bool, _ comment: Comment,
    after write: () async throws -> Void
) async throws {
    let before = try await read(client, uri)
    #expect(before.status == .ok, "\(uri): \(before.text.prefix(300))")
    #expect(!shows(before.text), comment)
    let tag = try #require(before.etag, "\(uri) is not kept by the page cache")
    #expect(try await read(client, uri, [.ifNoneMatch: tag]).status == .notModified)
    #expect(try await read(client, uri).etag == tag)  // served from the cache until the write
    try await write()
    let after = try await read(client, uri)
    #expect(after.status == .ok)
    #expect(shows(after.text), comment)
    #expect(after.etag != nil && after.etag != tag, comment)
    let revalidated = try await read(client, uri, [.ifNoneMatch: tag])
    #expect(revalidated.status == .ok && shows(revalidated.text), comment)
}

@Suite("The page cache on the web: once per data version, ETag and 304, every write shown at once", .serialized)
struct PageCacheWebTests {
    @Test(
        "a kept page: strong ETag, Last-Modified, no-cache; 304 on a match (GET and HEAD); 200 and a new tag after a write"
    )
    func validators() async throws {
        let store = try await makeGuardStore()
        let pages = PageCache()
        let app = Application(router: try buildRouter(store: store, security: WebSecurity(), pages: pages))
        try await app.test(.router) { client in
            let first = try await read(client, "/partnership")
            #expect(first.status == .ok)
            let tag = try #require(first.etag)
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && !tag.hasPrefix("W/"))
            #expect(first.cacheControl == "no-cache")
            #expect(first.lastModified.flatMap(HTTPDate.parse) != nil)
            #expect(pages.count == 1)
            let again = try await read(client, "/partnership")
            #expect(again.etag == tag && again.text == first.text)
            try await client.execute(uri: "/partnership", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == tag)
                #expect(response.headers[.cacheControl] == "no-cache")
            }
            try await client.execute(uri: "/partnership", method: .head, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified && response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/partnership", method: .head) { response in
                #expect(response.status == .ok && response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == tag)
            }
            for matching in ["*", "\"nope\", \(tag)", "W/\(tag)", " \(tag) "] {
                #expect(try await read(client, "/partnership", [.ifNoneMatch: matching]).status == .notModified)
            }
            // Hostile If-None-Match headers: a full answer, never an error.
            let hostile = [
                "garbage", "\"", "W/", "\"\"", String(repeating: "\"x\",", count: 3_000) + tag,
                String(tag.dropFirst()), "\(tag)\(tag)", ",,,,", "*,*", String(repeating: "W/", count: 4_000),
                "\"\u{7F}\"",
            ]
            for value in hostile {
                let answer = try await read(client, "/partnership", [.ifNoneMatch: value])
                #expect(answer.status == .ok, "\(value.prefix(30))")
                #expect(answer.text == first.text)
            }
            // Two If-None-Match lines are one list.
            var lines = HTTPFields()
            lines.append(HTTPField(name: .ifNoneMatch, value: "\"other\""))
            lines.append(HTTPField(name: .ifNoneMatch, value: tag))
            #expect(try await read(client, "/partnership", lines).status == .notModified)
            try await store.insertOrganisation(
                Organisation(code: "new-trust", name: "Newly Joined Trust", role: .nhsTrust))
            let changed = try await read(client, "/partnership", [.ifNoneMatch: tag])
            #expect(changed.status == .ok && changed.text.contains("Newly Joined Trust"))
            #expect(changed.etag != nil && changed.etag != tag)
            #expect(try await read(client, "/partnership", [.ifNoneMatch: changed.etag!]).status == .notModified)
        }
    }

    @Test(
        "If-Modified-Since: 304 at or after Last-Modified, unless If-None-Match is sent or two versions share the second"
    )
    func modifiedSince() async throws {
        let store = try await makeGuardStore()
        let clock = TestClock()
        let pages = PageCache(now: { clock.now })
        let app = Application(router: try buildRouter(store: store, security: WebSecurity(), pages: pages))
        try await app.test(.router) { client in
            clock.advance(10)
            let first = try await read(client, "/partnership")
            #expect(first.lastModified == HTTPDate.format(1_800_000_010))
            let stamp = try #require(first.lastModified)
            #expect(try await read(client, "/partnership", [.ifModifiedSince: stamp]).status == .notModified)
            let later = HTTPDate.format(1_800_000_500)
            #expect(try await read(client, "/partnership", [.ifModifiedSince: later]).status == .notModified)
            let earlier = HTTPDate.format(1_800_000_009)
            #expect(try await read(client, "/partnership", [.ifModifiedSince: earlier]).status == .ok)
            for bad in ["yesterday", "", "Sunday, 06-Nov-94 08:49:37 GMT", String(repeating: "x", count: 5_000)] {
                #expect(try await read(client, "/partnership", [.ifModifiedSince: bad]).status == .ok)
            }
            // If-None-Match wins: a tag that does not match is a full answer whatever the date.
            #expect(
                try await read(client, "/partnership", [.ifModifiedSince: later, .ifNoneMatch: "\"other\""]).status
                    == .ok)
            // A write in the same second: both versions carry the same date, so the date proves nothing.
            try await store.insertOrganisation(Organisation(code: "same-second", name: "Same Second", role: .nhsTrust))
            let changed = try await read(client, "/partnership", [.ifModifiedSince: stamp])
            #expect(changed.status == .ok && changed.text.contains("Same Second"))
            #expect(changed.lastModified == stamp)
            // A write a second later is dated after it.
            clock.advance(1)
            try await store.insertOrganisation(Organisation(code: "next-second", name: "Next Second", role: .nhsTrust))
            let next = try await read(client, "/partnership", [.ifModifiedSince: stamp])
            #expect(next.status == .ok && next.text.contains("Next Second"))
            #expect(next.lastModified == HTTPDate.format(1_800_000_011))
            #expect(
                try await read(client, "/partnership", [.ifModifiedSince: next.lastModified!]).status == .notModified)
        }
    }

    @Test("a signed-in analyst's page is never served to an anonymous request, nor an anonymous page to them")
    func signedInApart() async throws {
        let store = try await makeGuardStore()
        let pages = PageCache()
        let app = Application(router: try buildRouter(store: store, security: WebSecurity(), pages: pages))
        try await app.test(.router) { client in
            let (cookie, _) = try await SignInTests.signIn(client, "ann")
            for path in ["/partnership", "/decisions", "/risks", "/", "/programme"] {
                // Signed in first: their page is theirs, never kept.
                let theirs = try await read(client, path, [.cookie: cookie])
                #expect(theirs.status == .ok, "\(path)")
                #expect(theirs.text.contains("Signed in as ann (analyst)"), "\(path)")
                #expect(theirs.etag == nil && theirs.cacheControl == "private, no-store", "\(path)")
                let anonymous = try await read(client, path)
                #expect(!anonymous.text.contains("Signed in as"), "\(path)")
                #expect(anonymous.etag != nil && anonymous.cacheControl == "no-cache", "\(path)")
                // Now kept for everyone: still not given to the signed-in analyst, even with its tag.
                let again = try await read(client, path, [.cookie: cookie, .ifNoneMatch: anonymous.etag!])
                #expect(again.status == .ok && again.text.contains("Signed in as ann (analyst)"), "\(path)")
                #expect(again.etag == nil, "\(path)")
                for headers in [basic("ann"), basic("ann", password: "wrong"), [.authorization: "Bearer x"]] {
                    let other = try await read(client, path, headers + [.ifNoneMatch: anonymous.etag!])
                    #expect(other.status != .notModified && other.etag == nil, "\(path)")
                }
            }
            #expect(!pages.isEmpty)
            // Identifiable data is never kept, whoever asks.
            let before = pages.count
            _ = try await read(client, "/api/v1/practices/G82001/cohort")
            _ = try await read(client, "/api/v1/access-log")
            #expect(pages.count == before)
        }
    }

    @Test("an error page is never kept: a 404, a 400, and a page that failed before a system was loaded")
    func errorsNotKept() async throws {
        let store = try SQLiteStore()
        let pages = PageCache()
        let app = Application(router: try buildRouter(store: store, security: WebSecurity(), pages: pages))
        try await app.test(.router) { client in
            let empty = try await read(client, "/partnership")
            #expect(empty.status.code >= 400 && empty.status.code < 500, "\(empty.status)")
            #expect(empty.etag == nil)
            #expect(pages.isEmpty)
            try await store.replaceSystem(try kentMedway.get())
            let loaded = try await read(client, "/partnership")
            #expect(loaded.status == .ok && loaded.etag != nil)
            for path in [
                "/areas/nowhere", "/areas/east-kent?sort=sideways", "/assurance/nowhere", "/decisions?page=-1",
            ] {
                for _ in 0..<2 {
                    let answer = try await read(client, path)
                    #expect(answer.status.code >= 400 && answer.status.code < 500, "\(path): \(answer.status)")
                    #expect(answer.etag == nil && answer.cacheControl != "no-cache", "\(path)")
                }
            }
            #expect(pages.count == 1)
            // Pages nobody declared the same for everyone (jobs held in memory, the API) are not kept.
            _ = try await read(client, "/jobs")
            _ = try await read(client, "/api/v1/system")
            _ = try await read(client, "/health")
            #expect(pages.count == 1)
        }
    }

    @Test("bounded: a flood of distinct queries keeps at most the limit, evicting the oldest")
    func bounded() async throws {
        let store = try await makeGuardStore()
        let pages = PageCache(limits: .init(entries: 4, bytes: 1 << 20))
        let app = Application(router: try buildRouter(store: store, security: WebSecurity(), pages: pages))
        try await app.test(.router) { client in
            for index in 0..<40 {
                let answer = try await read(client, "/partnership?flood=\(index)")
                #expect(answer.status == .ok && answer.etag != nil)
                #expect(pages.count <= 4 && pages.byteCount <= 1 << 20)
            }
            #expect(pages.count == 4)
            #expect(pages.holds(PageCache.Key(path: "/partnership", query: "flood=39", day: Day.today.daysSinceEpoch)))
            #expect(!pages.holds(PageCache.Key(path: "/partnership", query: "flood=0", day: Day.today.daysSinceEpoch)))
        }
        let tiny = PageCache(limits: .init(entries: 100, bytes: 1_000))  // smaller than any page
        let small = Application(router: try buildRouter(store: store, security: WebSecurity(), pages: tiny))
        try await small.test(.router) { client in
            let answer = try await read(client, "/partnership")
            #expect(answer.status == .ok && answer.text.contains("</html>"))
            #expect(tiny.isEmpty)
        }
    }
}

extension HTTPFields {
    static func + (left: HTTPFields, right: HTTPFields) -> HTTPFields {
        var fields = left
        fields.append(contentsOf: right)
        return fields
    }
}

extension PageCache {
    var isEmpty: Bool { count == 0 }
}
