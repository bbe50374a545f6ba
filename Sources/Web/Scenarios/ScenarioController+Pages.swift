import ConcordatCore
import Foundation
import Hummingbird
import Partnership
import PopulationHealth
import Storage

extension ScenarioController {
    /// The page routes: the list, the builder form (and its post), a scenario's results and their CSVs, and
    /// two scenarios side by side.
    var pageRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/scenarios") { _, _ in try await listPage() }
        routes.get("/scenarios/new") { _, _ in try await formPage(ScenarioForm(fields: Self.defaults), errors: []) }
        routes.post("/scenarios", use: submitFromPage)
        routes.get("/scenarios/compare") { request, _ in
            try await comparePage(
                request.uri.queryParameters.get("a").flatMap { Int64($0) },
                request.uri.queryParameters.get("b").flatMap { Int64($0) })
        }
        routes.get("/scenarios/:id") { _, context in try await resultsPage(try Self.id(context)) }
        routes.post("/scenarios/:id/cancel") { request, context -> Response in
            let session = try await FormPost.session(from: request, may: \.mayRunScenarios, toDo: "cancel scenarios")
            let id = try Self.id(context)
            _ = try await cancel(id, by: session.user)
            return FormPost.redirect(to: "/scenarios/\(id)")
        }
        routes.get("/scenarios/:id/:file") { _, context -> Response in
            let file = try context.parameters.require("file")
            let (_, report) = try await desk.scenario(try Self.id(context))
            guard file.hasSuffix(".csv"), let report,
                let table = ScenarioResultsView(report: report).table(named: String(file.dropLast(4)))
            else { throw Problem.notFound("no such table of this scenario") }
            return table.download(scenario: try Self.id(context)).response
        }
        return routes
    }

    /// What the builder starts with.
    static var defaults: [String: String] { ["horizon": "5", "runs": "1000", "seed": "1", "occupancy": "85"] }

    /// The signed-in session, or 401.
    func session() throws -> SignedIn {
        guard let session = SignedIn.current else {
            throw Problem.unauthorised("sign in as an analyst to submit scenarios")
        }
        return session
    }

    /// `GET /scenarios`.
    func listPage() async throws -> Response {
        let session = SignedIn.current
        let system = try await registry.system()
        var stored: [StoredScenario] = []
        for scenario in try await desk.scenarios() {
            stored.append(
                scenario.status == .queued || scenario.status == .running
                    ? try await current(scenario.id).scenario : scenario)
        }
        let names = await PublicNames(store: store).names(of: stored.map(\.author))
        var rows: [ScenarioListPage.Row] = []
        for scenario in stored {
            var key = ""
            if let report = try? ScenarioDesk.report(of: scenario), let band = report.percentiles.last?.costPence {
                key =
                    "\(report.years.last ?? ""): \(ScenarioTable.pounds(Double(report.principal.last?.costPence ?? 0))) "
                    + "(p10–p90 \(ScenarioTable.pounds(band.p10))–\(ScenarioTable.pounds(band.p90))) against "
                    + "\(ScenarioTable.pounds(Double(report.baseline.costPence))) in \(report.baseYear)"
            } else if let failure = scenario.failure {
                key = failure
            }
            let progress = scenario.progress
            rows.append(
                .init(
                    id: String(scenario.id), name: scenario.name, author: names[scenario.author] ?? "",
                    status: scenario.status.rawValue, percent: Int((progress * 100).rounded()), key: key,
                    showsProgress: scenario.status == .running))
        }
        let model = ScenarioListPage(
            canSubmit: session?.user.role.mayRunScenarios ?? false, scenarios: rows, hasScenarios: !rows.isEmpty,
            running: stored.contains { $0.status == .running || $0.status == .queued },
            compareA: rows.dropFirst().first?.id ?? "", compareB: rows.first?.id ?? "")
        return renderer.page(
            .scenarios, title: "Scenarios", systemName: system.name,
            breadcrumb: [Crumb(name: system.root.name, href: "/"), Crumb(name: "Scenarios")], model: model)
    }

    /// `GET /scenarios/new`, or the form again with its errors (400).
    func formPage(_ form: ScenarioForm, errors: [ScenarioForm.FieldError], summary: String? = nil) async throws
        -> Response
    {
        let session = SignedIn.current
        let system = try await registry.system()
        let model = ScenarioFormPage(
            form: form, errors: errors, summary: summary, csrf: session?.csrf ?? "",
            canSubmit: session?.user.role.mayRunScenarios ?? false,
            places: system.areas.filter { $0.parentCode == system.root.code }.map { "\($0.code) (\($0.name))" })
        return renderer.page(
            .scenarioNew, title: "New scenario", systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Scenarios", href: "/scenarios"),
                Crumb(name: "New"),
            ], model: model, status: errors.isEmpty && summary == nil ? .ok : .badRequest)
    }

    /// `POST /scenarios`: the builder's fields (or a pasted definition) queued as the API's would be; the
    /// form again with each field's message when refused.
    @Sendable func submitFromPage(_ request: Request, context: Context) async throws -> Response {
        let session = try session()
        let form = ScenarioForm(body: String(buffer: try await request.body.collect(upTo: 65_536)))
        guard form["csrf"] == session.csrf else {
            throw Problem(
                status: .forbidden, type: "https://concordat.dev/problems/csrf", title: "Not allowed",
                detail: "the form's security token is missing or out of date: reload the page and try again")
        }
        try AccessPolicy.require(Actor(session.user), .runScenario)
        let built: (json: Data, fieldOfPath: [String: String])
        do { built = try form.definition() } catch {
            return try await formPage(form, errors: error.errors, summary: "The scenario was not accepted.")
        }
        do {
            let queued = try await queue(built.json, by: session.user)
            return FormPost.redirect(to: "/scenarios/\(queued.scenario.id)")
        } catch let refused as FieldsRefused {
            let errors = refused.fields.map { field in
                ScenarioForm.FieldError(
                    field: ScenarioForm.field(of: field.field, in: built.fieldOfPath) ?? "name",
                    message: "\(field.field): \(field.reason)")
            }
            return try await formPage(form, errors: errors, summary: refused.summary)
        }
    }

    /// `GET /scenarios/{id}`.
    func resultsPage(_ id: Int64) async throws -> Response {
        let system = try await registry.system()
        let (stored, report) = try await current(id)
        let names = await PublicNames(store: store).names(of: [stored.author])
        let view = report.map(ScenarioResultsView.init)
        let session = SignedIn.current
        let mayCancel =
            stored.status.isUnderWay
            && session.map { session in
                AccessPolicy.decide(
                    Actor(session.user), .cancelScenario(author: stored.author, organisation: stored.organisation)
                ).isAllowed
            } == true
        let model = ScenarioResultsPage(
            id: String(id), name: stored.name, author: names[stored.author] ?? "",
            created: ISO8601DateFormatter().string(from: stored.createdAt), status: stored.status.rawValue,
            percent: Int((stored.progress * 100).rounded()),
            failure: stored.status == .cancelled ? nil : stored.failure, cancelled: stored.status == .cancelled,
            mayCancel: mayCancel, csrf: session?.csrf ?? "",
            running: stored.status == .running || stored.status == .queued, hasResults: view != nil,
            runs: report?.runs ?? 0, seed: report.map { String($0.seed) } ?? "",
            baselinePeriod: report?.baselinePeriod.joined(separator: " to ") ?? "",
            threshold: report?.disclosure.threshold ?? policy.threshold,
            fanChart: view?.fanChart ?? "", waterfallChart: view?.waterfallChart ?? "",
            tornadoChart: view?.tornadoChart ?? "", hasTornado: report?.tornado != nil,
            tables: (view?.tables ?? []).map { ScenarioResultsPage.Table($0, id: id) },
            riskShareNote: view?.riskShareNote, businessCase: "/business-cases/new?scenario=\(id)")
        return renderer.page(
            .scenario, title: stored.name, systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Scenarios", href: "/scenarios"),
                Crumb(name: stored.name),
            ], model: model)
    }

    /// `GET /scenarios/compare?a=&b=`.
    func comparePage(_ a: Int64?, _ b: Int64?) async throws -> Response {
        guard let a, let b else {
            throw Problem.invalidRequest(
                "say which two scenarios to compare",
                invalidParams: [.init(name: "a", reason: "give two scenario numbers: ?a=1&b=2")])
        }
        let system = try await registry.system()
        let left = try await desk.scenario(a)
        let right = try await desk.scenario(b)
        let model = ScenarioComparePage(
            a: .init(id: String(a), name: left.scenario.name, status: left.scenario.status.rawValue),
            b: .init(id: String(b), name: right.scenario.name, status: right.scenario.status.rawValue),
            rows: ScenarioComparePage.rows(left.report, right.report))
        return renderer.page(
            .scenarioCompare, title: "Compare scenarios", systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Scenarios", href: "/scenarios"),
                Crumb(name: "Compare"),
            ], model: model)
    }
}
