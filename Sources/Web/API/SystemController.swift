import ConcordatCore
import Hummingbird

/// The read-only system API: `GET /api/v1/system`, `/places`, `/places/{code}`, `/areas/{code}`.
struct SystemController<Context: RequestContext> {
    let registry: SystemRegistry

    /// The routes, to mount at `/api/v1`.
    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("system") { _, _ in SystemDocument(try await registry.snapshot()) }
        routes.get("dataset", use: dataset)
        routes.get("models/admission-risk", use: admissionRisk)
        routes.get("places", use: places)
        routes.get("places/:code", use: place)
        routes.get("areas/:code/needs", use: needs)
        routes.get("areas/:code", use: area)
        return routes
    }

    /// `GET /api/v1/dataset`: the loaded dataset's summary.
    @Sendable func dataset(_ request: Request, context: Context) async throws -> DatasetDocument {
        let snapshot = try await registry.snapshot()
        guard let summary = snapshot.dataset else {
            throw Problem.notFound("no integrated dataset is loaded: run `concordat import` (or `concordat demo`)")
        }
        return DatasetDocument(summary, in: snapshot)
    }

    /// `GET /api/v1/models/admission-risk`: the admission-risk model's report, as published.
    @Sendable func admissionRisk(_ request: Request, context: Context) async throws -> AdmissionRiskDocument {
        let snapshot = try await registry.analysedSnapshot()
        guard let report = snapshot.admissionRisk else {
            if let reason = snapshot.admissionRiskRefusal {
                throw Problem.notFound("the admission-risk model is not reported: \(reason)")
            }
            throw Problem.notFound("no admission-risk model: load an integrated dataset with `concordat import`")
        }
        return AdmissionRiskDocument(report, published: snapshot.published)
    }

    /// `GET /api/v1/places`: the system's places.
    @Sendable func places(_ request: Request, context: Context) async throws -> ListDocument<AreaSummary> {
        let snapshot = try await registry.snapshot()
        let system = snapshot.system
        return ListDocument(
            items: system.children(of: system.root.code).filter { $0.level == placeLevel(system) }
                .map { AreaSummary($0, in: snapshot) })
    }

    /// `GET /api/v1/places/{code}`: one place.
    @Sendable func place(_ request: Request, context: Context) async throws -> AreaDocument {
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

    /// `GET /api/v1/areas/{code}/needs`: an area's population health needs, as published.
    @Sendable func needs(_ request: Request, context: Context) async throws -> NeedsDocument {
        let snapshot = try await registry.analysedSnapshot()
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

    /// `GET /api/v1/areas/{code}`: an area at any level.
    @Sendable func area(_ request: Request, context: Context) async throws -> AreaDocument {
        let snapshot = try await registry.snapshot()
        let code = try context.parameters.require("code")
        guard let area = snapshot.system.area(code) else {
            throw Problem.notFound("no area has the code '\(code)'")
        }
        return AreaDocument(area, in: snapshot)
    }

    /// Places are the second level of the hierarchy, whatever the system calls them.
    private func placeLevel(_ system: HealthSystem) -> String? {
        system.levels.count > 1 ? system.levels[1].key : nil
    }
}
