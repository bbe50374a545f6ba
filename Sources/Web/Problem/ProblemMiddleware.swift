import Foundation
import Hummingbird
import Logging
import NIOCore
import Storage

/// Turns every error a route throws into a clear answer: `application/problem+json` under `/api/`,
/// a plain HTML error page elsewhere. Each error says what it is answered with (``ProblemConvertible``,
/// a file per error type beside this one), so the middleware knows no error's type; only an error that
/// does not say is a 500, and its details go to the log, not the client.
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
            if let convertible = error as? any ProblemConvertible {
                for field in convertible.responseHeaders { response.headers[field.name] = field.value }
            }
            return response
        }
    }

    /// The problem `error` is answered with: its own (``ProblemConvertible``, logged when it is a fault
    /// of the server's), a database failure's as the store's, another `HTTPResponseError`'s status, and
    /// otherwise a 500, logged, that says nothing of the error.
    static func problem(for error: any Error, logger: Logger) -> Problem {
        if let convertible = error as? any ProblemConvertible {
            if let fault = convertible.fault {
                logger.log(level: fault.level, "\(fault.message)", metadata: ["error": "\(error)"])
            }
            return convertible.problem
        }
        if let failure = StoreError(databaseFailure: error) {
            return problem(for: failure, logger: logger)
        }
        if let error = error as? any HTTPResponseError {
            return Problem(
                status: error.status, type: "about:blank", title: error.status.reasonPhrase,
                detail: error.status.reasonPhrase)
        }
        logger.error("unhandled error", metadata: ["error": "\(error)"])
        return Problem(
            status: .internalServerError, type: "about:blank", title: "Internal error",
            detail: "something went wrong on the server; it has been logged")
    }
}
