import ConcordatCore
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import Testing

@testable import Web

/// Structure-aware fuzzing of every API body: valid bodies are mutated (values swapped for other types,
/// extremes and odd text; keys dropped, added and nested; bytes flipped and cut) and sent by a role that
/// may use the operation, so they reach the decoding and checking behind the door. Every answer must be
/// below 500, and every refusal a problem+json. Runs for `CONCORDAT_FUZZ_SECONDS` (default 10 s, and at
/// least 300 bodies) from a fixed seed, so a failure names the iteration that reproduces it.
@Suite("Fuzzing the API bodies", .serialized)
struct APIBodyFuzzTests {
    /// One valid body per write operation, with the path to send it to.
    static let seeds: [(method: HTTPRequest.Method, uri: String, body: String)] = [
        (
            .post, "/api/v1/organisations",
            #"{"code":"medway-council","name":"Medway Council","role":"local_authority"}"#
        ),
        (.patch, "/api/v1/organisations/kent-lmc", #"{"name":"Kent LMC","isSignatory":false,"membership":"adviser"}"#),
        (
            .post, "/api/v1/pools/kcc-social-care/payments",
            #"{"partner":"kcc","setting":"adult_social_care","area":"east-kent","month":"2026-11","amountPence":100,"description":"home care"}"#
        ),
        (
            .post, "/api/v1/returns",
            #"{"place":"east-kent","month":"2026-10","values":[{"indicator":"ae-4-hour","value":72.5}],"narrative":"n","actions":"a"}"#
        ),
        (.post, "/api/v1/returns/1/review", #"{"status":"accepted","note":"Thank you."}"#),
        (
            .post, "/api/v1/governance/members",
            #"{"organisation":"medway-council","kind":"party","joined":"2018-03-01"}"#
        ),
        (
            .post, "/api/v1/governance/members/kcc/withdraw",
            #"{"effective":"2019-04-01","exitArrangements":"Notice served."}"#
        ),
        (
            .post, "/api/v1/proposals",
            #"{"id":"FZ-1","title":"Pool community budgets","type":"transfer-of-decision-making","tabled":"2018-06-14","hasGreenBookBusinessCase":true,"createsJointArrangement":true,"hasExitArrangements":true,"ringFenceBreaches":[],"plannedSpends":[{"pool":"kcc-social-care","partner":"kcc","setting":"adult_social_care","area":"east-kent","month":"2026-11","amountPence":100,"description":"x"}]}"#
        ),
        (
            .post, "/api/v1/proposals/EK-9/vote",
            #"{"present":["kcc","kent-community-health"],"votes":[{"organisation":"kcc","choice":"yes"}],"overrides":[]}"#
        ),
        (
            .post, "/api/v1/proposals/EK-9/ratifications",
            #"{"party":"kcc","body":"Full Council (reserved decision)","date":"2018-07-01","ratified":true,"minuteReference":"M1"}"#
        ),
        (
            .post, "/api/v1/risks",
            #"{"id":"R-FZ","title":"t","owner":"o","area":"east-kent","controls":"c","actions":"a","inherent":{"likelihood":4,"consequence":4},"current":{"likelihood":3,"consequence":4},"target":{"likelihood":2,"consequence":2}}"#
        ),
        (.post, "/api/v1/risks/R-FZ/review", #"{"likelihood":3,"consequence":3}"#),
        (.post, "/api/v1/programme/milestones/M1", #"{"status":"in-progress"}"#),
        (.post, "/api/v1/programme/gateways/G1/pass", #"{"decision":"EK-9"}"#),
        (.post, "/api/v1/jobs", #"{"kind":"import","directory":"/nonexistent","extractDate":"2026-11-01"}"#),
        (.post, "/api/v1/jobs/1/cancel", "{}"),
    ]

    /// Replacement values of every JSON type, chosen to break naive decoders.
    static var oddValues: [Any] {
        [
            NSNull(), true, false, 0, -1, Int64.max, Int64.min, 1e308, -1e-308, 0.1, "", " ", "\u{0}", "NaN",
            "Infinity",
            "-1", "2026-13-45", "9999-99-99", "£3.1bn", "east-kent", "<script>alert(1)</script>",
            "'; DROP TABLE area;--",
            String(repeating: "é", count: 5_000), "\u{202E}\u{FEFF}", [Any](), [NSNull()], [String: Any](),
            ["a": ["b": ["c": [1, 2, 3]]]],
        ]
    }

    @Test("mutated bodies never earn a 500, and every refusal is a problem+json")
    func fuzz() async throws {
        let store = try await makeDatasetStore(people: 500, seed: 71)
        try await adoptEastKentMemorandum(store)
        let kentProgramme = try #require(kentPack.programme)
        _ = try await store.updateWorkProgramme { _ in (kentProgramme, nil) }
        for (name, role) in [("admin", Role.administrator), ("secretary", .boardSecretary), ("fin", .finance)] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, organisation: role == .finance ? "886" : nil,
                    passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        }
        let app = Application(router: try buildRouter(store: store))
        let seconds = Double(ProcessInfo.processInfo.environment["CONCORDAT_FUZZ_SECONDS"] ?? "") ?? 10
        let deadline = Date().addingTimeInterval(seconds)
        // At least this many bodies however busy the machine (the full suite runs over 400 tests alongside on
        // two cores, where a body can take a second), within a hard cap.
        let minimum = 150
        let cap = Date().addingTimeInterval(max(180, seconds * 6))
        let (sent, statuses) = try await app.test(.router) { client -> (Int, [Int: Int]) in
            var generator = SeededRandom(seed: 20_261_123)
            var sent = 0
            var statuses: [Int: Int] = [:]
            // A proposal to vote on and ratify.
            try await client.execute(
                uri: "/api/v1/proposals", method: .post, headers: signedIn("secretary"),
                body: ByteBuffer(string: Self.seeds[7].body.replacingOccurrences(of: "FZ-1", with: "EK-9"))
            ) { #expect($0.status == .created) }
            while (Date() < deadline || sent < minimum) && Date() < cap {
                let seed = Self.seeds[Int(generator.next() % UInt64(Self.seeds.count))]
                let body = Self.mutate(seed.body, &generator)
                let user = seed.uri.contains("payments") ? "fin" : seed.uri.contains("jobs") ? "admin" : "secretary"
                sent += 1
                let iteration = sent
                try await client.execute(
                    uri: seed.uri, method: seed.method, headers: signedIn(user), body: ByteBuffer(bytes: body)
                ) { response in
                    statuses[Int(response.status.code), default: 0] += 1
                    #expect(
                        response.status.code < 500,
                        "iteration \(iteration): \(seed.method) \(seed.uri) \(String(decoding: body.prefix(200), as: UTF8.self))"
                    )
                    if response.status.code >= 400 {
                        #expect(response.headers[.contentType] == "application/problem+json", "\(seed.uri)")
                    }
                }
            }
            return (sent, statuses)
        }
        print("Fuzzed \(sent) bodies in \(Int(seconds)) s; statuses \(statuses.sorted { $0.key < $1.key })")
        #expect(sent >= minimum)
        // The mutations reach past decoding: some are accepted, some refused for their content.
        #expect(statuses.keys.contains { $0 < 300 })
        #expect(statuses[422, default: 0] + statuses[400, default: 0] > 0)
    }

    /// A mutation of `seed`: most structural (on the parsed JSON), some on the raw bytes.
    static func mutate(_ seed: String, _ generator: inout SeededRandom) -> [UInt8] {
        let roll = generator.next() % 10
        if roll < 2 { return Array(seed.utf8) }  // the valid body, to keep reaching the deeper paths
        if roll < 8, var value = try? JSONSerialization.jsonObject(with: Data(seed.utf8), options: [.fragmentsAllowed])
        {
            for _ in 0..<(1 + generator.next() % 3) { value = mutateValue(value, &generator) }
            if JSONSerialization.isValidJSONObject(value) || value is String || value is NSNumber || value is NSNull,
                let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
            {
                return Array(data)
            }
        }
        var bytes = Array(seed.utf8)
        for _ in 0..<(1 + generator.next() % 4) where !bytes.isEmpty {
            let index = Int(generator.next() % UInt64(bytes.count))
            switch generator.next() % 4 {
            case 0: bytes[index] ^= UInt8(truncatingIfNeeded: generator.next())
            case 1: bytes.removeSubrange(index...)
            case 2: bytes.insert(contentsOf: Array("\"\\u0000{[".utf8).shuffled(using: &generator), at: index)
            default: bytes.remove(at: index)
            }
        }
        return bytes
    }

    /// `value` with one part replaced, removed or added, chosen at random down the tree.
    static func mutateValue(_ value: Any, _ generator: inout SeededRandom) -> Any {
        let odd = oddValues[Int(generator.next() % UInt64(oddValues.count))]
        if var object = value as? [String: Any], !object.isEmpty {
            let keys = object.keys.sorted()
            let key = keys[Int(generator.next() % UInt64(keys.count))]
            switch generator.next() % 5 {
            case 0: object.removeValue(forKey: key)
            case 1: object[key] = odd
            case 2: object["unexpected\(generator.next() % 3)"] = odd
            default: object[key] = mutateValue(object[key]!, &generator)
            }
            return object
        }
        if var array = value as? [Any], !array.isEmpty {
            let index = Int(generator.next() % UInt64(array.count))
            switch generator.next() % 4 {
            case 0: array.remove(at: index)
            case 1: array.append(array[index])
            default: array[index] = mutateValue(array[index], &generator)
            }
            return array
        }
        return odd
    }
}
