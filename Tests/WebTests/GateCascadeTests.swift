import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

/// The disclosure gate's cascade of complementary suppressions on small synthetic datasets (3,000–4,000
/// people over 175 practices): the system's and every place's population stay shown.
@Suite("Disclosure gate: the cascade keeps the system's and places' populations shown")
struct GateCascadeTests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    @Test(
        "on a small dataset the system's and each place's people are shown, rounded to 5",
        arguments: [(3_000, 41 as UInt64), (4_000, 41 as UInt64), (4_000, 11 as UInt64)])
    func totalsShown(people: Int, seed: UInt64) async throws {
        let store = try await makeDatasetStore(people: people, seed: seed, realLSOAs: true)
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let system = try await client.execute(uri: "/api/v1/system", method: .get) { try Self.json($0) }
            let root = try #require(system["code"] as? String)
            let area = try await client.execute(uri: "/api/v1/areas/\(root)", method: .get) { try Self.json($0) }
            let total = try #require((area["datasetPeople"] as? NSNumber)?.intValue, "system people withheld")
            #expect(total % 5 == 0 && total > people - 200 && total <= people + 2)
            let places = try #require(area["children"] as? [[String: Any]])
            #expect(!places.isEmpty)
            for place in places {
                let code = place["code"] as? String ?? "?"
                let count = (place["datasetPeople"] as? NSNumber)?.intValue
                #expect(count.map { $0 > 7 && $0 % 5 == 0 } ?? true, "place \(code) shown off the rule")
                #expect(count != nil, "place \(code) people withheld")
            }
            let needs = try await client.execute(uri: "/api/v1/areas/\(root)/needs", method: .get) {
                try Self.json($0)
            }
            #expect((needs["people"] as? NSNumber) != nil, "system needs people withheld")
        }
    }
}
