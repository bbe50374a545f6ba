import ConcordatCore
import ConcordatTestSupport
import Finance
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Testing

@testable import Web

@Suite("Allocation in the API and on the Money page")
struct AllocationTests {
    @Test("GET /api/v1/allocation splits the control total to the penny at every level")
    func api() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/allocation?controlTotal=%C2%A33.1bn", method: .get) { response in
                #expect(response.status == .ok)
                let document = try response.json(CapitationAllocation.Document.self)
                #expect(document.controlTotalPence == 310_000_000_000)
                var sums: [String: Int64] = [:]
                for line in document.allocations {
                    if let parent = line.parent { sums[parent, default: 0] += line.budgetPence }
                }
                for line in document.allocations where sums[line.code] != nil {
                    #expect(sums[line.code] == line.budgetPence, "\(line.code)")
                }
                #expect(document.allocations.count == 225)
            }
            try await client.execute(uri: "/api/v1/allocation", method: .get) { response in
                #expect(response.status == .badRequest)
                let problem = try response.json(Problem.self)
                #expect(problem.invalidParams?.first?.name == "controlTotal")
            }
            try await client.execute(uri: "/api/v1/allocation?controlTotal=lots", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/money?controlTotal=250m", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("£250,000,000.00 split by needs-weighted population"))
                #expect(response.text.contains("Allocation of £250,000,000.00 by place"))
                #expect(response.text.contains("<form method=\"get\" action=\"/money\">"))
            }
        }
    }

    @Test("a system without published weights cannot be allocated: a 409 problem, not a 500")
    func llr() async throws {
        let app = try await makeApp(try BundledPacks.llrSystem.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/allocation?controlTotal=1000", method: .get) { response in
                #expect(response.status == .conflict)
                let problem = try response.json(Problem.self)
                #expect(problem.detail.contains("weighted population"))
            }
        }
    }
}
