import Foundation
import Hummingbird
import Prometheus
import Storage

/// `GET /metrics`: Prometheus text with the request metrics, the dataset's size, background jobs and
/// their progress, and the rows imports have read. Aggregates only: never an identifier or a person.
struct MetricsController<Context: RequestContext> {
    let registry: PrometheusCollectorRegistry
    let systems: SystemRegistry
    let runner: JobRunner

    /// The route.
    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/metrics", use: metrics)
        return routes
    }

    /// `GET /metrics`: the Prometheus text.
    @Sendable func metrics(_ request: Request, context: Context) async throws -> Response {
        // The dataset's size through the disclosure gate, as the pages show it.
        if let snapshot = try? await systems.snapshot(), let summary = snapshot.dataset {
            let policy = snapshot.published.policy
            let people = snapshot.datasetPeople(of: snapshot.system.root.code)?.value
            let sizes = [
                ("dataset_people", "People in the loaded dataset", people),
                ("dataset_events", "Care events in the loaded dataset", policy.count(summary.events).value),
                ("dataset_diagnoses", "Diagnoses in the loaded dataset", policy.count(summary.diagnoses).value),
            ]
            for (name, help, value) in sizes { gauge(name, help).set(Int64(value ?? 0)) }
        }
        record(await runner.all)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: registry.emitToString())))
    }

    /// Jobs by kind and status, each running job's progress, and import rows loaded and refused.
    private func record(_ jobs: [JobRunner.Job]) {
        for kind in JobKind.allCases {
            for status in JobRunner.Job.Status.allCases {
                let count = jobs.filter { $0.kind == kind && $0.status == status }.count
                gauge(
                    "jobs", "Background jobs by kind and status",
                    [("kind", kind.rawValue), ("status", status.rawValue)]
                )
                .set(Int64(count))
            }
        }
        for job in jobs {
            // A finished job's progress is already 1 (JobRunner sets it); a stopped one keeps where it got to.
            gauge(
                "job_progress", "Each job's progress, 0 to 1", [("job", String(job.id)), ("kind", job.kind.rawValue)]
            )
            .set(job.progress)
        }
        let imports = jobs.filter { $0.kind == .import }
        gauge("import_rows", "Rows read by imports, loaded or refused", [("outcome", "loaded")])
            .set(Int64(imports.map(\.rowsLoaded).reduce(0, +)))
        gauge("import_rows", "Rows read by imports, loaded or refused", [("outcome", "refused")])
            .set(Int64(imports.map(\.rowsRefused).reduce(0, +)))
    }

    /// The gauge `concordat_<name>` with `labels`.
    private func gauge(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> Gauge {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(namespace: "concordat", metricName: name, unitName: "", helpText: help),
            labels: labels)
    }
}
