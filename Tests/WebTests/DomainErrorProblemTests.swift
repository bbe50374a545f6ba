import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Partnership
import PopulationHealth
import Testing

@testable import Assurance
@testable import Finance
@testable import Governance
@testable import Web

@Suite("Domain errors reach the user as problem+json 4xx with their message, never a 500", .serialized)
struct DomainErrorProblemTests {
    /// Every public domain error that can reach a route, with the status and problem type it answers.
    static let errors: [(name: String, error: any Error & CustomStringConvertible, status: Int, type: String)] = [
        (
            "risk-score", RiskScore.Invalid(description: "likelihood and consequence are each scored 1 to 5"), 400,
            invalid
        ),
        ("allocation", CapitationAllocation.Problem.negativeControlTotal, 422, cannotCompute),
        ("allocation-places", CapitationAllocation.Problem.placeBudgetsDoNotAddUp, 422, cannotCompute),
        ("ledger", Ledger.Invalid(description: "every line needs 3 months of actuals"), 422, cannotCompute),
        ("matrix", BudgetMatrix.Problem.rowWithoutWeights("east-kent"), 422, cannotCompute),
        ("pace", PaceOfChange.Problem.missingBaseline("east-kent"), 422, cannotCompute),
        ("care-network", CareNetworkModel.Problem.settingClaimedTwice("acute"), 422, cannotCompute),
        ("profile", SeasonalProfile.Invalid(description: "the weights sum to 0"), 422, cannotCompute),
        ("mssp", SharedSavingsProgram.Invalid(description: "no benchmark"), 422, cannotSettle),
        ("spc", XmRChart.Invalid(description: "no values"), 422, cannotCompute),
        ("statistic", StatisticInputError("the denominator is 0"), 422, cannotCompute),
        ("hierarchy", HealthSystemError.noLevels, 422, cannotCompute),
        ("money", MoneyParsingError(.fractionOfAPenny, text: "12.345"), 400, invalid),
        ("nhs-number", NHSNumber.Problem.wrongCheckDigit(expected: 3), 400, invalid),
        ("refused", ActionRefused(action: .reviewReturn, reason: "a viewer may not review returns"), 403, forbidden),
        ("fields", FieldsRefused("the risk was not saved", field: "area", reason: "no area"), 400, invalid),
        ("no-memorandum", Secretariat.Refusal.noMemorandum, 409, "https://concordat.dev/problems/no-memorandum"),
        ("no-programme", ProgrammeOffice.Refusal.noProgramme, 404, "https://concordat.dev/problems/not-found"),
    ]
    static let invalid = "https://concordat.dev/problems/invalid-request"
    static let cannotCompute = "https://concordat.dev/problems/cannot-compute"
    static let cannotSettle = "https://concordat.dev/problems/cannot-settle"
    static let forbidden = "https://concordat.dev/problems/forbidden"

    /// A router with the problem middleware and a route throwing each error.
    static func router() throws -> Router<ConcordatRequestContext> {
        let router = Router(context: ConcordatRequestContext.self)
        router.add(middleware: ProblemMiddleware(pages: try PageRenderer()))
        for row in errors {
            let error = row.error
            router.get("/api/throws/\(row.name)") { _, _ -> Response in throw error }
        }
        return router
    }

    @Test("each error is answered through HTTP with its status, its problem type and its own message")
    func throughHTTP() async throws {
        try await Application(router: try Self.router()).test(.router) { client in
            for row in Self.errors {
                try await client.execute(uri: "/api/throws/\(row.name)", method: .get) { response in
                    #expect(response.status.code == row.status, "\(row.name)")
                    #expect((400..<500).contains(response.status.code), "\(row.name)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(row.name)")
                    let problem = try JSONDecoder().decode(Problem.self, from: Data(response.text.utf8))
                    #expect(problem.type == row.type, "\(row.name)")
                    #expect(problem.statusCode == row.status, "\(row.name)")
                    if row.name == "fields" {
                        #expect(problem.detail == "the risk was not saved")
                        #expect(problem.invalidParams == [.init(name: "area", reason: "no area")])
                    } else {
                        #expect(problem.detail == row.error.description, "\(row.name)")
                    }
                }
            }
        }
    }
}
