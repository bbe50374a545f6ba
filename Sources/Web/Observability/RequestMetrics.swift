import Hummingbird
import Prometheus

/// Prometheus metrics for every request: a count by method, route template and status, and a latency
/// histogram by route. Routes are their templates (`/areas/{code}`), never their values, so no identifier
/// (and nothing about a person) reaches the metrics.
struct RequestMetrics<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry

    static var buckets: [Duration] {
        [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let started = ContinuousClock.now
        var status = 500
        defer {
            let route = context.endpointPath ?? "unmatched"
            registry.makeCounter(
                name: "concordat_http_requests_total",
                labels: [("method", request.method.rawValue), ("route", route), ("status", String(status))]
            ).increment()
            registry.makeDurationHistogram(
                name: "concordat_http_request_duration_seconds", labels: [("route", route)], buckets: Self.buckets
            ).record(ContinuousClock.now - started)
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as HTTPResponseError {
            status = error.status.code
            throw error
        } catch let problem as Problem {
            status = problem.status
            throw problem
        }
    }
}
