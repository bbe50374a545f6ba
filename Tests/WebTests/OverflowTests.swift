import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

/// The requests that once stopped the server with an arithmetic trap, and their neighbours: each is now a
/// 400 problem naming the parameter and saying why.
@Suite("No arithmetic trap reachable from a request")
struct OverflowTests {
    @Test(
        "control totals beyond £1tn, or with misplaced commas, are refused by name",
        arguments: [
            ("%C2%A392233720368547758", "more than"), ("%C2%A392233720368547757.99", "more than"),
            ("%C2%A33,1bn", "comma"), ("9223372036854775807", "more than"), ("1e309", "not an amount"),
        ])
    func controlTotals(query: String, reason: String) async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            for path in ["/api/v1/allocation", "/money", "/money/ledger", "/money/allocation.csv", "/api/v1/ledger"] {
                try await client.execute(uri: "\(path)?controlTotal=\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(path)")
                    guard path.hasPrefix("/api/") else { return }
                    let problem = try response.json(Problem.self)
                    #expect(problem.invalidParams?.first?.name == "controlTotal")
                    #expect(problem.invalidParams?.first?.reason.contains(reason) == true, "\(problem)")
                }
            }
        }
    }

    @Test(
        "pages past the last possible page are refused, not computed",
        arguments: ["9223372036854775807", "1000001", "0", "-1", "x"])
    func pages(page: String) async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/decisions?page=\(page)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("page"))
            }
            try await client.execute(uri: "/decisions?page=1000000", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
