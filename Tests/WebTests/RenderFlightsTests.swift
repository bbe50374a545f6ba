import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import Web

/// A router with only the page cache in front of two routes: `/page` (a page for everyone) and `/api` (an
/// answer that is not), each counting its renders and holding every render until `release` says so.
private final class FlightRig: Sendable {
    let renders = Mutex<[String: Int]>([:])
    let holding = Mutex(true)
    let failFirst: Bool
    let flights = RenderFlights()
    let cache = PageCache()

    init(failFirst: Bool = false) { self.failFirst = failFirst }

    func count(_ path: String) -> Int { renders.withLock { $0[path, default: 0] } }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: PageCacheMiddleware(cache: cache, flights: flights) { "v1" })
        for path in ["page", "api"] {
            router.get(RouterPath(path)) { [self] _, _ -> Response in
                let render = renders.withLock { counts -> Int in
                    counts[path, default: 0] += 1
                    return counts[path]!
                }
                while holding.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
                if failFirst, render == 1 { throw HTTPError(.serviceUnavailable, message: "the first render failed") }
                let response = Response(
                    status: .ok, headers: [.contentType: "text/plain"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "\(path) render \(render)")))
                return path == "page" ? response.sameForEveryone() : response
            }
        }
        return router
    }

    /// Lets every render finish once `followers` requests wait for a leader (or at once, for none).
    func release(whenFollowing followers: Int) async throws {
        while flights.waitingCount < followers { try await Task.sleep(for: .milliseconds(5)) }
        holding.withLock { $0 = false }
    }
}

/// The time limits catch a hang, not slowness: alone these take milliseconds, but in the full suite on two
/// cores a task can wait minutes to be scheduled (CI saw 177 s), so the limits are generous.
@Suite("The page cache renders a page once however many ask for it together")
struct RenderFlightsTests {
    @Test(
        "eight requests that miss a page together: one render, eight identical answers with one tag",
        .timeLimit(.minutes(15)))
    func eightMissTogether() async throws {
        let rig = FlightRig()
        try await Application(router: rig.router()).test(.router) { client in
            let answers = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?, String).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await client.execute(uri: "/page", method: .get) {
                            ($0.status, $0.headers[.eTag], String(buffer: $0.body))
                        }
                    }
                }
                try await rig.release(whenFollowing: 7)
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(rig.count("page") == 1)
            #expect(answers.count == 8)
            #expect(answers.allSatisfy { $0.0 == .ok && $0.2 == "page render 1" })
            #expect(Set(answers.map(\.1)).count == 1 && answers[0].1 != nil)
            #expect(rig.flights.count == 0 && rig.flights.waitingCount == 0)
            // Kept: the next request renders nothing.
            #expect(try await client.execute(uri: "/page", method: .get) { String(buffer: $0.body) } == "page render 1")
            #expect(rig.count("page") == 1)
        }
    }

    @Test(
        "a leader whose render fails: its followers render for themselves and are answered; nothing waits on",
        .timeLimit(.minutes(15)))
    func leaderFails() async throws {
        let rig = FlightRig(failFirst: true)
        try await Application(router: rig.router()).test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await client.execute(uri: "/page", method: .get) { $0.status } }
                }
                try await rig.release(whenFollowing: 3)
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .serviceUnavailable }.count == 1)
            #expect(statuses.filter { $0 == .ok }.count == 3)
            // The failed render, then each follower's own (or, where one finished first, its kept page).
            #expect((2...4).contains(rig.count("page")))
            #expect(rig.flights.count == 0 && rig.flights.waitingCount == 0)
        }
    }

    @Test(
        "an answer that is not a page for everyone is learnt: later requests for it render alone, not queued",
        .timeLimit(.minutes(15)))
    func notForEveryone() async throws {
        let rig = FlightRig()
        try await Application(router: rig.router()).test(.router) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { _ = try await client.execute(uri: "/api", method: .get) { $0.status } }
                try await rig.release(whenFollowing: 0)
                try await group.waitForAll()
            }
            // Learnt for the path, whatever the query.
            for query in [nil, "a=1", String(repeating: "x", count: 4_000)] {
                let key = PageCache.Key(path: "/api", query: query, day: Day.today.daysSinceEpoch)
                #expect(rig.flights.begin(RenderFlights.Flight(key: key, version: "v1")) == .alone)
            }
            // Never kept, and every request renders (nobody waits for another's answer).
            rig.holding.withLock { $0 = true }
            try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await client.execute(uri: "/api", method: .get) { String(buffer: $0.body) } }
                }
                while rig.count("api") < 5 { try await Task.sleep(for: .milliseconds(5)) }
                #expect(rig.flights.waitingCount == 0)
                rig.holding.withLock { $0 = false }
                let bodies = try await group.reduce(into: Set<String>()) { $0.insert($1) }
                #expect(bodies.count == 4)
            }
            #expect(rig.cache.count == 0)
        }
    }

    @Test("a flight at one version is not joined by a request at another; a follower after the end looks again")
    func versions() async {
        let flights = RenderFlights()
        let key = PageCache.Key(path: "/money", query: nil, day: 1)
        let old = RenderFlights.Flight(key: key, version: "1")
        #expect(flights.begin(old) == .leader)
        #expect(flights.begin(old) == .follower)
        #expect(flights.begin(RenderFlights.Flight(key: key, version: "2")) == .leader)
        flights.end(old, with: nil)
        // The flight has ended: following it returns at once, with nothing.
        #expect(await flights.follow(old) == nil)
        #expect(flights.count == 1)
        // Hostile paths by the thousand: the paths rendered alone stay bounded.
        for number in 0..<(RenderFlights.rememberedAlone + 500) {
            let flight = RenderFlights.Flight(
                key: PageCache.Key(path: "/api/v1/areas/\(number)", query: nil, day: 1), version: "1")
            #expect(flights.begin(flight) == .leader)
            flights.end(flight, with: nil, forEveryone: false)
            #expect(flights.begin(flight) == .alone)
        }
        #expect(flights.aloneCount <= RenderFlights.rememberedAlone && flights.aloneCount > 0)
    }
}
