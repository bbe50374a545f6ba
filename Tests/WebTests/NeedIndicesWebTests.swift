import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

@Suite("The place-based need indices on the API and the Money page")
struct NeedIndicesWebTests {
    static let keys: Set<String> = [
        "generalAndAcute", "community", "mentalHealth", "maternity", "prescribing", "overall", "primaryMedicalCare",
        "primaryMedicalCareNeed", "healthInequalities",
    ]

    @Test("GET /api/v1/allocation gives every row needIndices with exactly the tool's nine keys; /money shows them")
    func published() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/allocation?controlTotal=%C2%A33.1bn", method: .get) { response in
                #expect(response.status == .ok)
                let json = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                let rows = try #require(json?["allocations"] as? [[String: Any]])
                for row in rows {
                    let indices = try #require(row["needIndices"] as? [String: Double], "\(row["code"] ?? "")")
                    #expect(Set(indices.keys) == Self.keys)
                }
                let eastKent = try #require(rows.first { $0["code"] as? String == "east-kent" })
                #expect((eastKent["needIndices"] as? [String: Double])?["maternity"] == 0.87)
            }
            try await client.execute(uri: "/money", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("place-based need indices"))
                #expect(response.text.contains("including practices that have since closed"))
            }
        }
    }
}
