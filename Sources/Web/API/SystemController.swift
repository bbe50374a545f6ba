import ConcordatCore
import Hummingbird

/// The read-only system API: `GET /api/v1/system`, `/places`, `/places/{code}`, `/areas/{code}`.
struct SystemController<Context: RequestContext> {
    let registry: SystemRegistry

    /// The routes, to mount at `/api/v1`.
    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("system") { _, _ in SystemDocument(try await registry.snapshot()) }
        routes.get("dataset") { _, _ in
            let snapshot = try await registry.snapshot()
            guard let summary = snapshot.dataset else {
                throw Problem.notFound("no integrated dataset is loaded: run `concordat import` (or `concordat demo`)")
            }
            return DatasetDocument(summary, in: snapshot)
        }
        routes.get("models/admission-risk") { _, _ in
            let snapshot = try await registry.snapshot()
            guard let report = snapshot.admissionRisk else {
                throw Problem.notFound("no admission-risk model: load an integrated dataset with `concordat import`")
            }
            return AdmissionRiskDocument(report, published: snapshot.published)
        }
        routes.get("places") { _, _ in
            let snapshot = try await registry.snapshot()
            let system = snapshot.system
            return ListDocument(
                items: system.children(of: system.root.code).filter { $0.level == placeLevel(system) }
                    .map { AreaSummary($0, in: snapshot) })
        }
        routes.get("places/:code") { _, context in
            let snapshot = try await registry.snapshot()
            let system = snapshot.system
            let code = try context.parameters.require("code")
            guard let area = system.area(code), area.level == placeLevel(system) else {
                throw Problem.notFound(
                    "no place has the code '\(code)'; GET /api/v1/places lists them, and /api/v1/areas/{code} finds an area at any level"
                )
            }
            return AreaDocument(area, in: snapshot)
        }
        routes.get("areas/:code/needs") { _, context in
            let snapshot = try await registry.snapshot()
            let code = try context.parameters.require("code")
            guard let area = snapshot.system.area(code) else {
                throw Problem.notFound("no area has the code '\(code)'")
            }
            guard let needs = NeedsDocument(area: area, snapshot: snapshot) else {
                throw Problem.notFound(
                    "no population health profile for '\(code)': load an integrated dataset with `concordat import`")
            }
            return needs
        }
        routes.get("areas/:code") { _, context in
            let snapshot = try await registry.snapshot()
            let system = snapshot.system
            let code = try context.parameters.require("code")
            guard let area = system.area(code) else {
                throw Problem.notFound("no area has the code '\(code)'")
            }
            return AreaDocument(area, in: snapshot)
        }
        return routes
    }

    /// Places are the second level of the hierarchy, whatever the system calls them.
    private func placeLevel(_ system: HealthSystem) -> String? {
        system.levels.count > 1 ? system.levels[1].key : nil
    }
}
