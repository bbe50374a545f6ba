import ConcordatCore
import Finance
import Foundation
import Governance
import Hummingbird
import Logging
import NIOCore
import Storage

/// Turns every error a route throws into a clear answer: `application/problem+json` under `/api/`,
/// a plain HTML error page elsewhere. Known errors map to 4xx; only a genuine fault is a 500, and its
/// details go to the log, not the client.
///
/// A store that is damaged or out of space answers 503 (not a bare 500), and the middleware tells
/// ``StoreHealth`` so `/health` reports the store degraded.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer
    var health = StoreHealth()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            let response = try await next(request, context)
            if ![.get, .head, .options].contains(request.method), response.status.code < 400 {
                health.writeSucceeded()
            }
            return response
        } catch {
            if let failure = StoreError(databaseFailure: error) { health.record(failure) }
            let problem = Self.problem(for: error, logger: context.logger)
            var response = request.uri.path.hasPrefix("/api/") ? problem.response() : pages.errorPage(problem)
            if let headered = error as? HeaderedProblem {
                for field in headered.headers { response.headers[field.name] = field.value }
            }
            return response
        }
    }

    static func problem(for error: any Error, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let headered as HeaderedProblem:
            return headered.problem
        case let refusal as VoteCount.Refusal:
            return Problem(
                status: .unprocessableContent, type: "https://concordat.dev/problems/refused-by-memorandum",
                title: "Refused by the memorandum", detail: refusal.description)
        case let refusal as MemorandumOfUnderstanding.Refusal:
            return Problem(
                status: .unprocessableContent, type: "https://concordat.dev/problems/refused-by-memorandum",
                title: "Refused by the memorandum", detail: refusal.description)
        case let refusal as WorkProgramme.Refusal:
            return Problem(
                status: .unprocessableContent, type: "https://concordat.dev/problems/refused-by-programme",
                title: "Refused by the work programme", detail: refusal.description)
        case let refusal as FieldRefusal:
            return .invalidRequest(
                "\(refusal.field) was refused: \(refusal.reason)",
                invalidParams: [.init(name: refusal.field, reason: refusal.reason)])
        case let refusal as PoolAccount.Refusal:
            return .ruleBroken(refusal.rule, refusal.description)
        case let problem as SystemFinances.Problem:
            return Problem(
                status: .conflict, type: "https://concordat.dev/problems/cannot-compute", title: "Cannot compute",
                detail: problem.description)
        case let problem as RiskShareAgreement.Invalid:
            return Problem(
                status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-settle",
                title: "Cannot settle",
                detail: problem.description)
        case let error as StoreError:
            switch error.code {
            case .notFound: return .notFound(error.message)
            case .conflict: return .conflict(error.message)
            case .noSystem:
                return Problem(
                    status: .conflict, type: "https://concordat.dev/problems/no-system", title: "No system loaded",
                    detail: error.message)
            case .unavailable:
                return Problem(
                    status: .serviceUnavailable, type: "https://concordat.dev/problems/unavailable",
                    title: "Store unavailable", detail: "the database cannot be reached; try again shortly")
            case .full:
                logger.critical("a write failed for lack of space", metadata: ["error": "\(error)"])
                return Problem(
                    status: .serviceUnavailable, type: "https://concordat.dev/problems/store-full",
                    title: "No space to write",
                    detail: "the change could not be saved: the server's store has no space left; nothing was changed")
            case .corrupt:
                logger.critical("the store is damaged", metadata: ["error": "\(error)"])
                return Problem(
                    status: .serviceUnavailable, type: "https://concordat.dev/problems/store-damaged",
                    title: "Store damaged",
                    detail: "the server's store is damaged and cannot be used until it is repaired or restored")
            default:
                logger.error("store fault", metadata: ["error": "\(error)"])
                return Problem(
                    status: .internalServerError, type: "about:blank", title: "Internal error",
                    detail: "the stored data could not be read")
            }
        case let error as HTTPError:
            let detail = error.body ?? error.status.reasonPhrase
            switch error.status {
            case .notFound:
                return .notFound(error.body ?? "there is nothing at this address")
            case .badRequest:
                return .invalidRequest(detail)
            default:
                return Problem(
                    status: error.status, type: "about:blank", title: error.status.reasonPhrase, detail: detail)
            }
        case is NIOTooManyBytesError:
            return Problem(
                status: .contentTooLarge, type: "https://concordat.dev/problems/too-large", title: "Too large",
                detail: "the request body is larger than the server accepts")
        case let error as DecodingError:
            return .invalidRequest("the request body is not valid: \(DecodingErrorText(error))")
        case let error where StoreError(databaseFailure: error) != nil:
            return problem(for: StoreError(databaseFailure: error)!, logger: logger)
        default:
            logger.error("unhandled error", metadata: ["error": "\(error)"])
            return Problem(
                status: .internalServerError, type: "about:blank", title: "Internal error",
                detail: "something went wrong on the server; it has been logged")
        }
    }
}

/// A readable sentence for a `DecodingError`, naming the field path.
struct DecodingErrorText: CustomStringConvertible {
    let error: DecodingError
    init(_ error: DecodingError) { self.error = error }

    var description: String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let prefix = path(context.codingPath)
            return "the field '\(prefix.isEmpty ? key.stringValue : prefix + "." + key.stringValue)' is required"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "the field '\(path(context.codingPath))' has the wrong type: \(context.debugDescription)"
        case .dataCorrupted(let context):
            let at = path(context.codingPath)
            return at.isEmpty ? "it is not valid JSON" : "the field '\(at)' is not valid: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
