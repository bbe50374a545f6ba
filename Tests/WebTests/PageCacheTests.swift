import Foundation
import NIOCore
import Testing

@testable import Web

@Suite("The page cache's parts: bounds and eviction, keys, entity tags, HTTP dates")
struct PageCacheTests {
    static func key(_ path: String, _ query: String? = nil) -> PageCache.Key {
        PageCache.Key(path: path, query: query, day: 20_000)
    }

    static func body(_ bytes: Int) -> ByteBuffer { ByteBuffer(repeating: 0x61, count: bytes) }

    @Test("at most its entries: the least recently served page goes first")
    func entryBound() {
        let cache = PageCache(limits: .init(entries: 3, bytes: 1 << 20))
        for index in 1...3 { cache.keep(Self.key("/\(index)"), version: "v", contentType: nil, body: Self.body(10)) }
        #expect(cache.count == 3)
        #expect(cache.entry(for: Self.key("/1"), at: "v") != nil)  // /1 served: /2 is now the oldest
        cache.keep(Self.key("/4"), version: "v", contentType: nil, body: Self.body(10))
        #expect(cache.count == 3)
        #expect(!cache.holds(Self.key("/2")))
        #expect(cache.holds(Self.key("/1")) && cache.holds(Self.key("/3")) && cache.holds(Self.key("/4")))
        // Keeping a page again replaces it rather than adding one.
        cache.keep(Self.key("/4"), version: "v", contentType: nil, body: Self.body(20))
        #expect(cache.count == 3)
    }

    @Test("at most its bytes: large pages push out old ones; one larger than the whole cache is not kept")
    func byteBound() {
        let cache = PageCache(limits: .init(entries: 100, bytes: 1_000))
        for index in 1...5 { cache.keep(Self.key("/\(index)"), version: "v", contentType: nil, body: Self.body(300)) }
        #expect(cache.byteCount <= 1_000)
        #expect(cache.count == 3)
        #expect(cache.holds(Self.key("/5")) && !cache.holds(Self.key("/1")))
        let huge = cache.keep(Self.key("/huge"), version: "v", contentType: "text/html", body: Self.body(5_000))
        #expect(huge.body.readableBytes == 5_000)  // still answered
        #expect(!cache.holds(Self.key("/huge")))
        #expect(cache.count == 3 && cache.byteCount <= 1_000)
        let none = PageCache(limits: .init(entries: 0, bytes: 1_000))
        none.keep(Self.key("/"), version: "v", contentType: nil, body: Self.body(1))
        #expect(none.count == 0)
    }

    @Test("a page kept at another version is never served, and is dropped")
    func versions() {
        let cache = PageCache()
        cache.keep(Self.key("/money"), version: "a", contentType: nil, body: Self.body(5))
        #expect(cache.entry(for: Self.key("/money"), at: "a") != nil)
        #expect(cache.entry(for: Self.key("/money"), at: "b") == nil)
        #expect(cache.count == 0 && cache.byteCount == 0)
        #expect(cache.entry(for: Self.key("/money"), at: "a") == nil)
    }

    @Test("keys: parameter order does not matter, their values' order does; the day is part of the key")
    func keys() {
        #expect(Self.key("/money", "b=2&a=1") == Self.key("/money", "a=1&b=2"))
        #expect(Self.key("/money", "a=1&&b=2&") == Self.key("/money", "b=2&a=1"))
        #expect(Self.key("/money", "a=1&a=2") != Self.key("/money", "a=2&a=1"))
        #expect(Self.key("/money", "") == Self.key("/money", nil))
        #expect(Self.key("/money", "a") != Self.key("/money", "a="))
        #expect(PageCache.Key(path: "/risks", query: nil, day: 1) != PageCache.Key(path: "/risks", query: nil, day: 2))
        // Tags differ by page, version and day; each is strong (quoted, no W/).
        let tags = [
            PageCache.etag(Self.key("/"), "v1"), PageCache.etag(Self.key("/"), "v2"),
            PageCache.etag(Self.key("/x"), "v1"), PageCache.etag(PageCache.Key(path: "/", query: nil, day: 1), "v1"),
        ]
        #expect(Set(tags).count == 4)
        #expect(tags.allSatisfy { $0.count == 18 && $0.hasPrefix("\"") && $0.hasSuffix("\"") })
        #expect(PageCache.etag(Self.key("/"), "v1") == PageCache.etag(Self.key("/"), "v1"))
    }

    @Test("If-None-Match: *, lists, weak tags; malformed, empty, huge and endless headers match nothing")
    func ifNoneMatch() {
        let tag = "\"0123456789abcdef\""
        #expect(EntityTagCondition([]) == nil)
        #expect(EntityTagCondition(["*"])?.matches(tag) == true)
        #expect(EntityTagCondition([" * "])?.matches(tag) == true)
        #expect(EntityTagCondition([tag])?.matches(tag) == true)
        #expect(EntityTagCondition(["W/\(tag)"])?.matches(tag) == true)  // weak comparison
        #expect(EntityTagCondition(["\"a\", W/\"b\" ,\(tag)"])?.matches(tag) == true)
        #expect(EntityTagCondition(["\"a\"", tag])?.matches(tag) == true)  // two header lines
        #expect(EntityTagCondition(["\"a\", \"b\""])?.tags == ["\"a\"", "\"b\""])
        for hostile in [
            "", "0123456789abcdef", "\"0123456789abcdef", "W/", "\"\"", ",,,", "*, \(tag)x", "\"a\"b\"",
            "\(tag.dropLast())\u{7F}\"", String(repeating: "\"x\",", count: 5_000) + tag,
            String(repeating: "a", count: 100_000), "\u{0}\(tag)\u{0}",
        ] {
            let condition = EntityTagCondition([hostile])
            #expect(condition?.matches(tag) != true, "\(hostile.prefix(40))")
        }
        // A list longer than the tags read stops at the limit.
        let many = (0..<100).map { "\"t\($0)\"" }.joined(separator: ",")
        #expect(EntityTagCondition([many])?.tags.count == EntityTagCondition.most)
        #expect(EntityTagCondition([many])?.matches("\"t99\"") == false)
    }

    @Test("HTTP dates: RFC 9110's example both ways; obsolete forms and nonsense are not read")
    func dates() {
        // RFC 9110 §5.6.7: Sun, 06 Nov 1994 08:49:37 GMT is 784,111,777 seconds after 1970.
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        for seconds in stride(from: Int64(0), to: 4_102_444_800, by: 7_654_321) {
            #expect(HTTPDate.parse(HTTPDate.format(seconds)) == seconds)
        }
        for text in [
            "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "", "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, +6 Nov 1994 08:49:37 GMT", "Sun, 06 Nov -994 08:49:37 GMT",
            "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT ", "Sun, 00 Nov 1994 08:49:37 GMT",
            String(repeating: "9", count: 29),
        ] {
            #expect(HTTPDate.parse(text) == nil, "\(text)")
        }
    }

    @Test("Last-Modified is when a version was first seen; a date shared by two versions answers no 304")
    func clock() {
        let now = TestClock()
        let cache = PageCache(now: { now.now })
        now.advance(10)
        let first = cache.keep(Self.key("/"), version: "v1", contentType: nil, body: Self.body(1))
        #expect(first.lastModified == 1_800_000_010)
        #expect(cache.isDatable("v1"))
        now.advance(0.5)
        let second = cache.keep(Self.key("/"), version: "v2", contentType: nil, body: Self.body(1))
        #expect(second.lastModified == 1_800_000_010)
        #expect(!cache.isDatable("v1") && !cache.isDatable("v2"))
        now.advance(1)
        #expect(
            cache.keep(Self.key("/"), version: "v3", contentType: nil, body: Self.body(1)).lastModified == 1_800_000_011
        )
        #expect(cache.isDatable("v3"))
        // The same version keeps its date.
        now.advance(100)
        #expect(
            cache.keep(Self.key("/x"), version: "v3", contentType: nil, body: Self.body(1)).lastModified
                == 1_800_000_011)
        // A version seen in the second the server started is never dated for If-Modified-Since.
        let fresh = PageCache(now: { now.now })
        fresh.keep(Self.key("/"), version: "v", contentType: nil, body: Self.body(1))
        #expect(!fresh.isDatable("v"))
        #expect(!cache.isDatable("never seen"))
    }
}
