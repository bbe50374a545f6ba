import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

@Suite("Throttling sign-ins: exponential back-off per account and per address, the same work for unknown names")
struct ThrottleTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("the throttle: free failures, then holds doubling up to the longest, forgotten after a quiet spell")
    func backOff() {
        var throttle = Throttle(
            .init(freeFailures: 3, firstHold: 10, longestHold: 60, forgetAfter: 600, capacity: 100))
        var now = Self.start
        for _ in 0..<2 {
            throttle.failed("ann", at: now)
            #expect(throttle.hold("ann", at: now) == nil)
        }
        throttle.failed("ann", at: now)
        #expect(throttle.hold("ann", at: now) == 10)
        #expect(throttle.hold("ann", at: now + 4) == 6)
        #expect(throttle.hold("ann", at: now + 10) == nil)
        #expect(throttle.hold("bob", at: now) == nil)  // per key
        var holds: [TimeInterval] = []
        for _ in 0..<4 {
            now += 100
            throttle.failed("ann", at: now)
            holds.append(throttle.hold("ann", at: now) ?? 0)
        }
        #expect(holds == [20, 40, 60, 60])
        #expect(throttle.failures("ann") == 7)
        // A quiet spell as long as forgetAfter forgets everything.
        #expect(throttle.hold("ann", at: now + 600) == nil)
        throttle.failed("ann", at: now + 600)
        #expect(throttle.failures("ann") == 1)
        #expect(throttle.hold("ann", at: now + 600) == nil)
        // A success forgets too.
        for _ in 0..<5 { throttle.failed("bob", at: now) }
        #expect(throttle.hold("bob", at: now) != nil)
        throttle.succeeded("bob")
        #expect(throttle.hold("bob", at: now) == nil && throttle.failures("bob") == 0)
    }

    @Test("checks under way: any number while a key has not failed; once it has, only its free failures left")
    func running() {
        var throttle = Throttle(.init(freeFailures: 3, firstHold: 10, longestHold: 60, forgetAfter: 600, capacity: 100))
        let now = Self.start
        for _ in 0..<10 {
            #expect(throttle.hold("ann", at: now) == nil)
            throttle.began("ann", at: now)
        }
        for _ in 0..<10 { throttle.succeeded("ann") }
        throttle.failed("ann", at: now)  // one failure: two free ones left
        throttle.began("ann", at: now)
        #expect(throttle.hold("ann", at: now) == nil)
        throttle.began("ann", at: now)
        #expect(throttle.hold("ann", at: now) == 1)  // two running: wait for one to end
        throttle.ended("ann")
        #expect(throttle.hold("ann", at: now) == nil)
        throttle.failed("ann", at: now)
        #expect(throttle.failures("ann") == 2)
        throttle.failed("ann", at: now)  // the third: held back
        #expect(throttle.hold("ann", at: now) == 10)
        // Past the hold, with no free failures left, one check at a time.
        throttle.began("ann", at: now + 10)
        #expect(throttle.hold("ann", at: now + 10) == 1)
    }

    @Test("a burst of guesses sent together gets no more checks than the account has free failures left")
    func burst() async throws {
        let store = try await makeGuardStore()
        let verifier = CountingVerifier()
        let clock = TestClock()  // a slow machine must not outlast a hold
        var security = WebSecurity()
        security.verifier = verifier
        security.now = { clock.now }
        try await guardedApp(store, security).test(.router) { client in
            // Many right passwords at once are all taken: no failure, no limit.
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        try await client.execute(uri: "/api/v1/access-log", method: .get, headers: basic("ada")) {
                            $0.status
                        }
                    }
                }
                for try await status in group { #expect(status == .ok) }
            }
            try await client.execute(uri: "/api/v1/access-log", method: .get, headers: basic("ada", password: "x")) {
                #expect($0.status == .unauthorized)
            }
            let before = verifier.hashes.count
            var statuses: [HTTPResponse.Status] = []
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/v1/access-log", method: .get, headers: basic("ada", password: "guess \(index)")
                        ) { $0.status }
                    }
                }
                for try await status in group { statuses.append(status) }
            }
            // One failure left four free: at most four of the thirty guesses were checked.
            let checked = verifier.hashes.count - before
            #expect((1...Throttle.Policy.account.freeFailures - 1).contains(checked), "\(checked) guesses checked")
            #expect(statuses.filter { $0 == .unauthorized }.count == checked)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 30 - checked)
        }
    }

    @Test("the throttle remembers a bounded number of keys")
    func bounded() {
        var throttle = Throttle(.init(freeFailures: 1, firstHold: 1, longestHold: 1, forgetAfter: 3600, capacity: 100))
        for index in 0..<1_000 { throttle.failed("guess-\(index)", at: Self.start + Double(index)) }
        #expect(throttle.failures("guess-999") == 1)
        #expect(throttle.failures("guess-0") == 0)  // the oldest were dropped
    }

    @Test(
        "the Nth wrong password is a 429 with Retry-After, and then the right one is refused too, until the hold ends")
    func basicThrottled() async throws {
        let store = try await makeGuardStore()
        let clock = TestClock()
        var security = WebSecurity()
        security.now = { clock.now }
        try await guardedApp(store, security).test(.router) { client in
            for attempt in 1...Throttle.Policy.account.freeFailures {
                try await client.execute(
                    uri: "/api/v1/access-log", method: .get, headers: basic("ada", password: "guess \(attempt)")
                ) { response in
                    #expect(response.status == .unauthorized, "attempt \(attempt)")
                }
            }
            for password in ["guess again", testPassword] {
                try await client.execute(
                    uri: "/api/v1/access-log", method: .get, headers: basic("ada", password: password)
                ) { response in
                    #expect(response.status == .tooManyRequests)
                    #expect(response.headers[.retryAfter] == "1")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try response.json(Problem.self)
                    #expect(problem.type.hasSuffix("too-many-attempts"))
                }
            }
            clock.advance(1)
            // Once the hold ends, one more wrong password doubles it.
            try await client.execute(uri: "/api/v1/access-log", method: .get, headers: basic("ada", password: "no")) {
                response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/access-log", method: .get, headers: basic("ada")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "2")
            }
            // Another account from the same address is not held back by ada's failures.
            try await client.execute(
                uri: "/api/v1/jobs", method: .post, headers: signedIn("ann"),
                body: ByteBuffer(string: #"{"kind":"none"}"#)
            ) { response in
                #expect(response.status == .badRequest)
            }
            clock.advance(2)
            try await client.execute(uri: "/api/v1/access-log", method: .get, headers: basic("ada")) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("the sign-in form is throttled the same way, with a page saying how long to wait")
    func formThrottled() async throws {
        let store = try await makeGuardStore()
        let clock = TestClock()
        var security = WebSecurity()
        security.now = { clock.now }
        try await guardedApp(store, security).test(.router) { client in
            func attempt(_ password: String, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
                var token = ""
                var cookie = ""
                try await client.execute(uri: "/sign-in", method: .get) { response in
                    token = try #require(SignInTests.field("csrf", in: response.text))
                    cookie = try #require(SignInTests.cookie("concordat_signin", in: response))
                }
                var headers = SignInTests.form
                headers[.cookie] = cookie
                let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                try await client.execute(
                    uri: "/sign-in", method: .post, headers: headers,
                    body: ByteBuffer(string: "username=ada&password=\(encoded)&csrf=\(token)"), testCallback: check)
            }
            for index in 1...Throttle.Policy.account.freeFailures {
                try await attempt("wrong \(index)") { #expect($0.status == .unauthorized) }
            }
            try await attempt(testPassword) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "1")
                #expect(response.text.contains("Too many failed attempts. Please wait 1 second and try again."))
                #expect(!response.headers[values: .setCookie].contains { $0.hasPrefix("concordat_session=") })
            }
            clock.advance(1)
            try await attempt(testPassword) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[values: .setCookie].contains { $0.hasPrefix("concordat_session=") })
            }
        }
    }

    @Test("an address that keeps failing is held back whoever it names; another address is not")
    func perAddress() async throws {
        let store = try await makeGuardStore()
        let clock = TestClock()
        var security = WebSecurity()
        security.now = { clock.now }
        security.trustsForwardedFor = true
        try await guardedApp(store, security).test(.router) { client in
            let guesser = "203.0.113.7"
            let free = Throttle.Policy.address.freeFailures
            for index in 0..<free {
                // Different names (no account reaches its limit), and tokens, from one address.
                let headers: HTTPFields =
                    index.isMultiple(of: 2)
                    ? basic("someone-\(index)", password: "guess") : [.authorization: "Bearer cct_guess\(index)"]
                try await client.execute(
                    uri: "/api/v1/access-log", method: .get,
                    headers: adding(headers, "X-Forwarded-For", "198.51.100.1, \(guesser)")
                ) { response in
                    #expect(response.status == .unauthorized)
                }
            }
            try await client.execute(
                uri: "/api/v1/access-log", method: .get, headers: adding(basic("ada"), "X-Forwarded-For", guesser)
            ) { response in
                #expect(response.status == .tooManyRequests)
            }
            try await client.execute(
                uri: "/api/v1/access-log", method: .get,
                headers: adding(basic("ada"), "X-Forwarded-For", "198.51.100.2")
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("an unknown username costs a bcrypt check against a dummy hash, as a known one costs its own")
    func sameWorkForUnknownNames() async throws {
        let store = try await makeGuardStore()
        let verifier = CountingVerifier()
        let clock = TestClock()  // a slow machine must not outlast a hold
        var security = WebSecurity()
        security.verifier = verifier
        security.now = { clock.now }
        let adaHash = try #require(try await store.user("ada")).passwordHash
        try await guardedApp(store, security).test(.router) { client in
            var answers: [String] = []
            for user in ["ada", "nobody-here"] {
                try await client.execute(
                    uri: "/api/v1/access-log", method: .get, headers: basic(user, password: "wrong password")
                ) { response in
                    #expect(response.status == .unauthorized)
                    answers.append(try response.json(Problem.self).detail)
                }
            }
            // The same answer for both: nothing says which name exists.
            #expect(answers.count == 2 && answers[0] == answers[1])
            #expect(verifier.hashes == [adaHash, CredentialCheck.dummyHash])
            // The dummy hash is a real bcrypt hash at the cost accounts are made with, so it takes as long.
            #expect(CredentialCheck.dummyHash.hasPrefix("$2b$\(PasswordHashing.defaultCost)$"))
            // And unknown names are throttled like known ones.
            for _ in 1..<Throttle.Policy.account.freeFailures {
                try await client.execute(
                    uri: "/api/v1/access-log", method: .get, headers: basic("nobody-here", password: "wrong")
                ) { _ in }
            }
            try await client.execute(
                uri: "/api/v1/access-log", method: .get, headers: basic("nobody-here", password: "wrong")
            ) { response in
                #expect(response.status == .tooManyRequests)
            }
            #expect(verifier.hashes.count == 1 + Throttle.Policy.account.freeFailures)  // no check while held back
        }
    }
}
