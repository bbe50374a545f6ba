import Foundation
import Hummingbird
import Prometheus
import Storage

/// `GET /metrics`: Prometheus text with the request metrics, the dataset's size, background jobs and
/// their progress, and the rows imports have read. Aggregates only: never an identifier or a person.
struct MetricsController<Context: RequestContext> {
    let registry: PrometheusCollectorRegistry
    let store: any Store
    let runner: JobRunner

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/metrics") { _, _ -> Response in
            if let summary = try? await store.datasetSummary() {
                registry.makeGauge(name: "concordat_dataset_people").set(Int64(summary.people))
                registry.makeGauge(name: "concordat_dataset_events").set(Int64(summary.events))
                registry.makeGauge(name: "concordat_dataset_diagnoses").set(Int64(summary.diagnoses))
            }
            record(await runner.all)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: registry.emitToString())))
        }
        return routes
    }

    /// Jobs by kind and status, each running job's progress, and import rows loaded and refused.
    private func record(_ jobs: [JobRunner.Job]) {
        for kind in ["analysis", "import"] {
            for status in ["running", "done", "failed", "cancelled"] {
                let count = jobs.filter { $0.kind == kind && $0.status.rawValue == status }.count
                registry.makeGauge(name: "concordat_jobs", labels: [("kind", kind), ("status", status)])
                    .set(Int64(count))
            }
        }
        for job in jobs {
            let gauge = registry.makeGauge(
                name: "concordat_job_progress", labels: [("job", String(job.id)), ("kind", job.kind)])
            gauge.set(job.status == .running ? job.progress : (job.status == .done ? 1 : job.progress))
        }
        let imports = jobs.filter { $0.kind == "import" }
        registry.makeGauge(name: "concordat_import_rows", labels: [("outcome", "loaded")])
            .set(Int64(imports.map(\.rowsLoaded).reduce(0, +)))
        registry.makeGauge(name: "concordat_import_rows", labels: [("outcome", "refused")])
            .set(Int64(imports.map(\.rowsRefused).reduce(0, +)))
    }
}
