import ConcordatCore
import Finance
import Foundation
import Hummingbird
import Ingest

/// Weighted capitation on the web: `GET /api/v1/allocation?controlTotal=£3.1bn` (the JSON of
/// `concordat allocate --format json`) and the `/money` page with allocation by place.
struct AllocationController<Context: RequestContext> {
    let registry: SystemRegistry
    let renderer: PageRenderer

    /// The published weighted populations, read once.
    static var weights: [String: WeightedPopulation] {
        get throws { try PublishedReferenceData.bundledKentMedway().weightedPopulations() }
    }

    /// The API route, to mount at `/api/v1`.
    var apiRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("allocation") { request, _ in
            let total = try Self.controlTotal(request)
            let system = try await registry.system()
            let allocation = try Self.allocate(total, system: system)
            return allocation.document
        }
        return routes
    }

    /// The page route.
    var pageRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/money") { request, _ in
            let system = try await registry.system()
            let text = request.uri.queryParameters.get("controlTotal") ?? "£3.1bn"
            guard let total = Money(parsing: text) else {
                throw Problem.invalidRequest("'\(text)' is not an amount in pounds, such as £3.1bn or 3100000000.00")
            }
            let allocation = try Self.allocate(total, system: system)
            let places = allocation.lines.filter { $0.parent == system.root.code }
            let chart = BarChart(
                id: "allocation", title: "Allocation of \(total) by place",
                description: places.map { "\($0.name): \(Money(pence: $0.budgetPence))" }.joined(separator: "; "),
                items: places.map {
                    BarChart.Item(
                        label: $0.name, value: Double($0.budgetPence), text: Money(pence: $0.budgetPence).description)
                }
            ).svg
            let model = MoneyPage(
                controlTotal: total.description, controlTotalInput: text, chart: chart,
                rows: allocation.lines.filter { $0.level != system.levels.last?.key }.map { line in
                    MoneyPage.Row(
                        code: line.code, name: line.name, level: system.level(line.level)?.singular ?? line.level,
                        weighted: Int(line.weightedPopulation.rounded()).grouped,
                        needIndex: String(format: "%.3f", line.needIndex),
                        budget: Money(pence: line.budgetPence).description)
                })
            return renderer.page(
                "money", title: "Money", systemName: system.name,
                breadcrumb: [Crumb(name: system.root.name, href: "/"), Crumb(name: "Money")], model: model)
        }
        return routes
    }

    static func controlTotal(_ request: Request) throws -> Money {
        guard let text = request.uri.queryParameters.get("controlTotal") else {
            throw Problem.invalidRequest(
                "give the control total as ?controlTotal=£3.1bn",
                invalidParams: [.init(name: "controlTotal", reason: "is required")])
        }
        guard let total = Money(parsing: text) else {
            throw Problem.invalidRequest(
                "the control total is not an amount",
                invalidParams: [.init(name: "controlTotal", reason: "'\(text)' is not an amount in pounds")])
        }
        return total
    }

    static func allocate(_ total: Money, system: HealthSystem) throws -> CapitationAllocation {
        do {
            return try CapitationAllocation(controlTotal: total, system: system, weights: try weights)
        } catch let problem as CapitationAllocation.Problem {
            throw Problem(
                status: .conflict, type: "https://concordat.dev/problems/cannot-allocate", title: "Cannot allocate",
                detail: problem.description)
        }
    }
}

/// The allocation document is the API's response body.
extension CapitationAllocation.Document: ResponseCodable {}

/// The `/money` page.
struct MoneyPage {
    struct Row {
        var code: String
        var name: String
        var level: String
        var weighted: String
        var needIndex: String
        var budget: String
    }

    var controlTotal: String
    var controlTotalInput: String
    var chart: String
    var rows: [Row]
}
