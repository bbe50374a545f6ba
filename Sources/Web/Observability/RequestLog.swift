import Foundation
import Hummingbird
import Logging

/// Logs each request once it is answered: method, route template (`/api/v1/practices/{code}/cohort`,
/// never the values in the path or query), status and duration. The user is not logged; the access log
/// records who read what restricted data.
struct RequestLog<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: Int(response.status.code), since: started)
            return response
        } catch let error as HTTPResponseError {
            log(request, context, status: Int(error.status.code), since: started)
            throw error
        } catch {
            log(request, context, status: 500, since: started)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                "route": "\(context.endpointPath ?? "unmatched")",
                "status": "\(status)",
                "duration_ms": "\(String(format: "%.1f", milliseconds))",
            ])
    }
}
