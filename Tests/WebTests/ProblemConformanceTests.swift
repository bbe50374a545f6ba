import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Storage
import Testing

@testable import Finance
@testable import Governance
@testable import Web

/// A test-only error that says it is a teapot: nothing in the middleware knows its type.
private struct Teapot: ProblemConvertible {
    var problem: Problem {
        Problem(
            status: .init(code: 418), type: "https://concordat.dev/problems/teapot", title: "Teapot",
            detail: "short and stout")
    }
    var responseHeaders: HTTPFields { [HTTPField.Name("X-Teapot")!: "yes"] }
}

/// A test-only error that is Hummingbird's `HTTPResponseError` and nothing of Concordat's.
private struct HummingbirdTeapot: HTTPResponseError {
    var status: HTTPResponse.Status { .init(code: 418) }
    func response(from request: Request, context: some RequestContext) -> Response { Response(status: status) }
}

/// A test-only error that says nothing of how it is answered, carrying a secret it must not leak.
private struct Unexpected: Error, CustomStringConvertible {
    var description: String { "secret-internal-detail /var/lib/concordat" }
}

@Suite("Errors carry their own status and problem; the middleware asks them", .serialized)
struct ProblemConformanceTests {
    /// Every domain error a route may throw, with the status and problem type it is answered with.
    static let table: [(error: any Error, status: Int, type: String, title: String)] = [
        (
            VoteCount.Refusal(description: "an adviser has no vote"), 422,
            "https://concordat.dev/problems/refused-by-memorandum", "Refused by the memorandum"
        ),
        (
            MemorandumOfUnderstanding.Refusal(description: "no seat may have a veto"), 422,
            "https://concordat.dev/problems/refused-by-memorandum", "Refused by the memorandum"
        ),
        (
            WorkProgramme.Refusal(description: "no such milestone"), 422,
            "https://concordat.dev/problems/refused-by-programme", "Refused by the work programme"
        ),
        (
            FieldRefusal(field: "name", reason: "is empty"), 400, "https://concordat.dev/problems/invalid-request",
            "Invalid request"
        ),
        (
            PoolAccount.Refusal(pool: "BCF", rule: "pool balance", reason: "overdrawn"), 422,
            "https://concordat.dev/problems/rule-broken", "Refused by a rule"
        ),
        (
            SystemFinances.Problem(description: "no weights"), 409, "https://concordat.dev/problems/cannot-compute",
            "Cannot compute"
        ),
        (
            RiskShareAgreement.Invalid(description: "no partners"), 422, "https://concordat.dev/problems/cannot-settle",
            "Cannot settle"
        ),
        (
            RiskScore.Invalid(description: "scored 1 to 5"), 400, "https://concordat.dev/problems/invalid-request",
            "Invalid request"
        ),
        (
            CapitationAllocation.Problem.negativeControlTotal, 422, "https://concordat.dev/problems/cannot-compute",
            "Cannot compute"
        ),
        (
            Ledger.Invalid(description: "no months"), 422, "https://concordat.dev/problems/cannot-compute",
            "Cannot compute"
        ),
        (StoreError.notFound("pool", "X"), 404, "https://concordat.dev/problems/not-found", "Not found"),
        (StoreError.conflict("pool", "X"), 409, "https://concordat.dev/problems/conflict", "Conflict"),
        (StoreError.noSystem, 409, "https://concordat.dev/problems/no-system", "No system loaded"),
        (StoreError.unavailable("refused"), 503, "https://concordat.dev/problems/unavailable", "Store unavailable"),
        (StoreError.full("disk full"), 503, "https://concordat.dev/problems/store-full", "No space to write"),
        (StoreError.corrupt("bad page"), 503, "https://concordat.dev/problems/store-damaged", "Store damaged"),
        (HTTPError(.notFound), 404, "https://concordat.dev/problems/not-found", "Not found"),
        (
            HTTPError(.badRequest, message: "bad"), 400, "https://concordat.dev/problems/invalid-request",
            "Invalid request"
        ),
        (HTTPError(.unsupportedMediaType), 415, "about:blank", "Unsupported Media Type"),
        (
            HTTPError(.unsupportedMediaType, headers: [.contentType: "application/json"]), 415, "about:blank",
            "Unsupported Media Type"
        ),
        (NIOTooManyBytesError(maxBytes: 10), 413, "https://concordat.dev/problems/too-large", "Too large"),
        (
            DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "junk")), 400,
            "https://concordat.dev/problems/invalid-request", "Invalid request"
        ),
        (
            AnalysisUnreadable(reason: "it is not valid JSON"), 503,
            "https://concordat.dev/problems/analysis-unreadable", "Analysis unreadable"
        ),
        (Problem.forbidden("no"), 403, "https://concordat.dev/problems/forbidden", "Not allowed"),
        (
            HeaderedProblem.tooManyAttempts(retryAfter: 2), 429, "https://concordat.dev/problems/too-many-attempts",
            "Too many attempts"
        ),
    ]

    @Test("every domain error type is answered with its own status, type and title")
    func everyDomainError() {
        let logger = Logger(label: "test")
        for row in Self.table {
            #expect(row.error is any ProblemConvertible, "\(type(of: row.error)) says how it is answered")
            let problem = ProblemMiddleware<ConcordatRequestContext>.problem(for: row.error, logger: logger)
            #expect(problem.statusCode == row.status, "\(type(of: row.error))")
            #expect(problem.type == row.type, "\(type(of: row.error))")
            #expect(problem.title == row.title, "\(type(of: row.error))")
        }
    }

    @Test("the answers are the documents they were: details, invalid params, the rule, in the same bytes")
    func sameDocuments() throws {
        let logger = Logger(label: "test")
        let refusal = ProblemMiddleware<ConcordatRequestContext>.problem(
            for: FieldRefusal(field: "name", reason: "is empty"), logger: logger)
        #expect(refusal.detail == "name was refused: is empty")
        #expect(refusal.invalidParams == [.init(name: "name", reason: "is empty")])
        let pool = ProblemMiddleware<ConcordatRequestContext>.problem(
            for: PoolAccount.Refusal(pool: "BCF", rule: "pool balance", reason: "overdrawn"), logger: logger)
        #expect(pool.rule == "pool balance")
        #expect(pool.detail == "refused by BCF's rule 'pool balance': overdrawn")
        let full = ProblemMiddleware<ConcordatRequestContext>.problem(for: StoreError.full("/dev/sda1"), logger: logger)
        #expect(!full.detail.contains("/dev/sda1"), "the store's own words stay in the log")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(Problem.notFound("no area has the code 'X'")), as: UTF8.self)
        #expect(
            json
                == #"{"detail":"no area has the code 'X'","status":404,"title":"Not found","type":"https:\/\/concordat.dev\/problems\/not-found"}"#
        )
        let decoded = try JSONDecoder().decode(Problem.self, from: Data(json.utf8))
        #expect(decoded.status == .notFound && decoded.statusCode == 404)
    }

    /// A router with the problem middleware and routes that throw the test-only errors.
    static func router() throws -> Router<ConcordatRequestContext> {
        let router = Router(context: ConcordatRequestContext.self)
        router.add(middleware: ProblemMiddleware(pages: try PageRenderer()))
        router.get("/api/teapot") { _, _ -> Response in throw Teapot() }
        router.get("/teapot") { _, _ -> Response in throw Teapot() }
        router.get("/api/hummingbird-teapot") { _, _ -> Response in throw HummingbirdTeapot() }
        router.get("/api/http-error") { _, _ -> Response in
            throw HTTPError(.unsupportedMediaType, headers: [.contentType: "application/json"], message: "send JSON")
        }
        router.get("/api/unexpected") { _, _ -> Response in throw Unexpected() }
        router.get("/api/slow-down") { _, _ -> Response in throw HeaderedProblem.tooManyAttempts(retryAfter: 1.2) }
        return router
    }

    @Test("an error the middleware has never heard of is answered with the status it carries (418)")
    func teapot() async throws {
        try await Application(router: try Self.router()).test(.router) { client in
            try await client.execute(uri: "/api/teapot", method: .get) { response in
                #expect(response.status.code == 418)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[HTTPField.Name("X-Teapot")!] == "yes")
                let problem = try JSONDecoder().decode(Problem.self, from: Data(response.text.utf8))
                #expect(problem.title == "Teapot" && problem.detail == "short and stout")
            }
            try await client.execute(uri: "/teapot", method: .get) { response in
                #expect(response.status.code == 418)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("<h1>Teapot</h1>"))
            }
            try await client.execute(uri: "/api/hummingbird-teapot", method: .get) { response in
                #expect(response.status.code == 418)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/api/http-error", method: .get) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(
                    response.headers[.contentType] == "application/problem+json", "Hummingbird's headers are not ours")
                let problem = try JSONDecoder().decode(Problem.self, from: Data(response.text.utf8))
                #expect(problem.detail == "send JSON")
            }
            try await client.execute(uri: "/api/slow-down", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "2")
            }
        }
    }

    @Test("only an error that says nothing of itself is a 500, and its insides are not told")
    func unexpected() async throws {
        try await Application(router: try Self.router()).test(.router) { client in
            try await client.execute(uri: "/api/unexpected", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(!response.text.contains("secret-internal-detail"))
                #expect(!response.text.contains("/var/lib"))
                let problem = try JSONDecoder().decode(Problem.self, from: Data(response.text.utf8))
                #expect(problem.detail == "something went wrong on the server; it has been logged")
            }
        }
    }

    @Test("thrown past the middleware, a problem is still Hummingbird's HTTPResponseError with its status")
    func problemIsHTTPResponseError() async throws {
        let router = Router(context: ConcordatRequestContext.self)
        router.get("/gone") { _, _ -> Response in throw Problem.conflict("already there") }
        router.get("/wait") { _, _ -> Response in throw HeaderedProblem.tooManyAttempts(retryAfter: 3) }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/gone", method: .get) { response in
                #expect(response.status == .conflict)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.text.contains("already there"))
            }
            try await client.execute(uri: "/wait", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "3")
            }
        }
    }
}
