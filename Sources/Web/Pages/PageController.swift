import ConcordatCore
import Foundation
import Hummingbird
import Ingest
import Storage

/// The HTML pages: the system map (`/`), a page per area (`/areas/{code}`), the partnership
/// (`/partnership`) and the stylesheet.
struct PageController<Context: RequestContext> {
    let registry: SystemRegistry
    let store: any Store
    let renderer: PageRenderer

    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/") { request, context in try await home(request, context: context).sameForEveryone() }
        routes.get("/areas/:code") { request, context in try await area(request, context: context).sameForEveryone() }
        routes.get("/areas/:code/children.csv", use: childrenCSV)
        routes.get("/partnership") { request, context in
            try await partnership(request, context: context).sameForEveryone()
        }
        routes.get("/styles.css", use: stylesheet)
        return routes
    }

    /// `GET /`: the system map.
    @Sendable func home(_ request: Request, context: Context) async throws -> Response {
        let snapshot = try await registry.analysedSnapshot()
        return renderer.page(.home, title: "System map", systemName: snapshot.system.name, model: HomePage(snapshot))
    }

    /// `GET /areas/{code}`: an area's page, its contents sortable by `?sort=name` or `?sort=population`.
    @Sendable func area(_ request: Request, context: Context) async throws -> Response {
        let snapshot = try await registry.analysedSnapshot()
        let system = snapshot.system
        let code = try context.parameters.require("code")
        guard let area = system.area(code) else { throw Problem.notFound("no area has the code '\(code)'") }
        let lineage = system.lineage(of: code)
        let crumbs = lineage.enumerated().map { index, step in
            Crumb(
                name: step.name, href: index == lineage.count - 1 ? nil : (index == 0 ? "/" : "/areas/\(step.code)")
            )
        }
        // Sortable without JavaScript: the column headings are links back here with ?sort=.
        var model = AreaPage(area, in: snapshot)
        switch request.uri.queryParameters.get("sort") {
        case "name":
            model.children.sort { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
            model.sortedByName = true
        case "population":
            model.children.sort {
                system.population(of: $0.code).total > system.population(of: $1.code).total
            }
            model.sortedByPopulation = true
        case nil: break
        case let other?:
            throw Problem.invalidRequest(
                "the table cannot be sorted that way",
                invalidParams: [.init(name: "sort", reason: "'\(other)' is not name or population")])
        }
        return renderer.page(.area, title: area.name, systemName: system.name, breadcrumb: crumbs, model: model)
    }

    /// `GET /areas/{code}/children.csv`: an area's contents and their registered populations.
    @Sendable func childrenCSV(_ request: Request, context: Context) async throws -> Response {
        let system = try await registry.system()
        let code = try context.parameters.require("code")
        guard system.area(code) != nil else { throw Problem.notFound("no area has the code '\(code)'") }
        return CSVDownload(
            filename: "\(code)-areas.csv", header: ["code", "name", "level", "registered_population"],
            rows: system.children(of: code).map { child in
                [
                    .text(child.code), .text(child.name), .text(child.level),
                    .integer(system.population(of: child.code).total),
                ]
            }
        ).response
    }

    /// `GET /partnership`: the organisations in the partnership.
    @Sendable func partnership(_ request: Request, context: Context) async throws -> Response {
        let system = try await registry.system()
        return renderer.page(
            .partnership, title: "Partnership", systemName: system.name,
            breadcrumb: [Crumb(name: system.root.name, href: "/"), Crumb(name: "Partnership")],
            model: PartnershipPage(try await store.organisations()))
    }

    /// `GET /styles.css`: the stylesheet, read once at start, cached for an hour.
    @Sendable func stylesheet(_ request: Request, context: Context) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: renderer.stylesheet)))
    }
}
