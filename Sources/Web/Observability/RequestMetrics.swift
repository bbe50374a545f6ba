import Hummingbird
import Logging
import Prometheus

/// Prometheus metrics for every request: a count by method, route template and status, and a latency
/// histogram by route. With a `logger`, each request is also logged once answered, with the same route,
/// status and duration. Routes are their templates (`/areas/{code}`), never their values, so no
/// identifier (and nothing about a person) reaches the metrics or the log; the user is not logged either
/// (the access log records who read what restricted data).
struct RequestMetrics<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry
    /// Where requests are logged, or `nil` for no request log.
    var logger: Logger? = nil

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
            let elapsed = ContinuousClock.now - started
            registry.makeDurationHistogram(
                descriptor: Self.duration, labels: [("route", route)], buckets: Self.buckets
            ).record(elapsed)
            if let logger {
                let milliseconds =
                    Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
                logger.info(
                    "request",
                    metadata: [
                        "method": "\(request.method.rawValue)", "route": "\(route)", "status": "\(status)",
                        "duration_ms": "\(String(format: "%.1f", milliseconds))",
                    ])
            }
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        } catch let error as any ProblemConvertible {
            status = error.problem.statusCode
            throw error
        }
    }
}
