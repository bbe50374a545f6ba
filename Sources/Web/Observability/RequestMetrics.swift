import Hummingbird
import Prometheus

/// Prometheus metrics for every request: a count by method, route template and status, and a latency
/// histogram by route. Routes are their templates (`/areas/{code}`), never their values, so no identifier
/// (and nothing about a person) reaches the metrics.
struct RequestMetrics<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry

    /// `concordat_http_requests_total`, by method, route template and status.
    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "concordat", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "Requests answered, by method, route template and status")
    }

    /// `concordat_http_request_duration_seconds`, by route template.
    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "concordat", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time to answer a request, by route template")
    }

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
                descriptor: Self.requests,
                labels: [("method", request.method.rawValue), ("route", route), ("status", String(status))]
            ).increment()
            registry.makeDurationHistogram(
                descriptor: Self.duration, labels: [("route", route)], buckets: Self.buckets
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
