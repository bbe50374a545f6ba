import Assurance
import ConcordatCore
import Foundation
import Governance
import Hummingbird
import Partnership
import Storage

/// The risk and issues register and the work programme. API (at `/api/v1`): `GET|POST risks`,
/// `POST risks/{id}/review`, `GET programme`, `POST programme/milestones/{id}`,
/// `POST programme/gateways/{id}/pass`. Pages: `/risks` (the 5 × 5 heat map, the register, the issues
/// escalated from assurance) and `/programme` (the Gantt chart and what is late).
struct RiskProgrammeController<Context: RequestContext> {
    let registry: SystemRegistry
    let store: any Store
    let renderer: PageRenderer

    /// A risk as the API shows it: with its band, whether its review is overdue, and where the escalation
    /// rule sends it.
    struct RiskView: ResponseCodable {
        var risk: Risk
        var band: RiskScore.Band
        var score: Int
        var reviewOverdue: Bool
        var escalateTo: String?
    }

    /// A new risk.
    struct RiskBody: Decodable {
        struct Score: Decodable {
            var likelihood: Int
            var consequence: Int
        }
        var id: String
        var title: String
        var owner: String
        /// The owning organisation's code; an organisation's account may leave it out (its own).
        var ownerOrganisation: String?
        var area: String
        var controls: String?
        var actions: String?
        var inherent: Score
        var current: Score
        var target: Score

        /// The draft the ``RiskRegister`` checks.
        var draft: RiskDraft {
            RiskDraft(
                id: id, title: title, owner: owner, ownerOrganisation: ownerOrganisation, area: area,
                controls: controls ?? "", actions: actions ?? "",
                inherent: .init(likelihood: inherent.likelihood, consequence: inherent.consequence),
                current: .init(likelihood: current.likelihood, consequence: current.consequence),
                target: .init(likelihood: target.likelihood, consequence: target.consequence))
        }
    }

    /// A review: the new current score.
    struct ReviewBody: Decodable {
        var likelihood: Int
        var consequence: Int
    }

    static func view(_ risk: Risk, system: HealthSystem, today: Day) -> RiskView {
        RiskView(
            risk: risk, band: risk.current.band, score: risk.current.score,
            reviewOverdue: risk.reviewOverdue(on: today),
            escalateTo: risk.escalation(in: system))
    }

    /// The API routes, to mount at `/api/v1`.
    var apiRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        let authentication = Authentication(store: store)
        let register = RiskRegister(store: store)
        let office = ProgrammeOffice(store: store)
        routes.get("risks") { _, _ -> ListDocument<RiskView> in
            let system = try await registry.system()
            return ListDocument(items: try await store.risks().map { Self.view($0, system: system, today: .today) })
        }
        routes.post("risks") { request, context -> EditedResponse<RiskView> in
            let user = try await authentication.user(request, may: \.mayKeepRegisters, toDo: "add risks")
            let body = try await request.decode(as: RiskBody.self, context: context)
            let system = try await registry.system()
            let saved = try await register.add(body.draft, in: system, by: Actor(user), on: .today)
            return EditedResponse(
                status: .created, headers: [.location: "/api/v1/risks"],
                response: Self.view(saved, system: system, today: .today))
        }
        routes.post("risks/:id/review") { request, context -> RiskView in
            let user = try await authentication.user(request, may: \.mayKeepRegisters, toDo: "review risks")
            let id = try context.parameters.require("id")
            let body = try await request.decode(as: ReviewBody.self, context: context)
            let risk = try await register.review(
                id, current: .init(likelihood: body.likelihood, consequence: body.consequence), by: Actor(user),
                on: .today)
            return Self.view(risk, system: try await registry.system(), today: .today)
        }
        routes.get("programme") { _, _ -> WorkProgramme in try await office.programme() }
        routes.post("programme/milestones/:id") { request, context -> WorkProgramme in
            let user = try await authentication.user(request, may: \.mayKeepRegisters, toDo: "update milestones")
            let id = try context.parameters.require("id")
            let body = try await request.decode(as: MilestoneBody.self, context: context)
            return try await office.update(milestone: id, to: body.status, by: Actor(user), on: .today)
        }
        routes.post("programme/gateways/:id/pass") { request, context -> WorkProgramme in
            let user = try await authentication.user(request, may: \.mayManagePartnership, toDo: "pass gateways")
            let gateway = try context.parameters.require("id")
            let body = try await request.decode(as: GatewayBody.self, context: context)
            return try await office.pass(gateway: gateway, byDecision: body.decision, by: Actor(user), on: .today)
        }
        return routes
    }

    /// The page routes.
    var pageRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/risks") { request, _ in
            try await risksPage(area: request.uri.queryParameters.get("area")).sameForEveryone()
        }
        routes.get("/programme") { _, _ in try await programmePage().sameForEveryone() }
        return routes
    }

    /// `/risks`, or `/risks?area=CODE` for the risks held in an area and the areas below it.
    func risksPage(area: String?) async throws -> Response {
        let system = try await registry.system()
        if let area, system.area(area) == nil { throw Problem.notFound("no area has the code '\(area)'") }
        let within = { (code: String) in
            area.map { scope in system.lineage(of: code).contains { $0.code == scope } } ?? true
        }
        let risks = try await store.risks().filter { within($0.area) }
        let escalations = try await store.escalations().filter { $0.status == .open && within($0.area) }
        let model = RisksPage(
            heatMap: RiskHeatMap(id: "risks", risks: risks).svg, hasRisks: !risks.isEmpty,
            risks: risks.sorted { $0.current.score > $1.current.score }.map { risk in
                let view = Self.view(risk, system: system, today: .today)
                return RisksPage.Row(
                    id: risk.id, title: risk.title, owner: risk.owner, area: system.area(risk.area)?.name ?? risk.area,
                    inherent: String(risk.inherent.score),
                    current: "\(risk.current.score) (\(risk.current.band.rawValue))",
                    target: String(risk.target.score),
                    lastReviewed: risk.lastReviewed.description
                        + (risk.history.last?.onBehalfOf.map { whom in
                            ", for " + (system.organisations.first { $0.code == whom }?.name ?? whom)
                        } ?? ""),
                    overdue: view.reviewOverdue, escalateTo: view.escalateTo.flatMap { system.area($0)?.name } ?? "",
                    controls: risk.controls, actions: risk.actions)
            },
            issues: escalations.map { escalation in
                RisksPage.Issue(
                    area: system.area(escalation.area)?.name ?? escalation.area, month: escalation.month,
                    detail: escalation.detail)
            }, hasIssues: !escalations.isEmpty)
        return renderer.page(
            .risks, title: "Risks and issues", systemName: system.name,
            breadcrumb: [Crumb(name: system.root.name, href: "/"), Crumb(name: "Risks and issues")], model: model)
    }

    func programmePage() async throws -> Response {
        let system = try await registry.system()
        let programme = try await store.workProgramme()
        let today = Day.today
        let model = ProgrammePage(
            hasProgramme: programme != nil,
            gantt: programme.map { ProgrammeGantt(id: "programme", programme: $0, today: today).svg } ?? "",
            late: programme?.late(on: today).map {
                ProgrammePage.Late(
                    title: $0.title, workstream: $0.workstream, owner: $0.owner, due: $0.due.description,
                    status: $0.status.rawValue.replacingOccurrences(of: "-", with: " "))
            } ?? [],
            gateways: programme?.gateways.map {
                ProgrammePage.GatewayRow(
                    id: $0.id, into: $0.into, passed: $0.passedBy.map { "passed by \($0)" } ?? "not yet passed")
            } ?? [])
        return renderer.page(
            .programme, title: "Work programme", systemName: system.name,
            breadcrumb: [Crumb(name: system.root.name, href: "/"), Crumb(name: "Work programme")], model: model)
    }
}

/// The body of `POST /api/v1/programme/milestones/{id}`.
struct MilestoneBody: Decodable {
    var status: WorkProgramme.Milestone.Status
}

/// The body of `POST /api/v1/programme/gateways/{id}/pass`.
struct GatewayBody: Decodable {
    var decision: String
}

extension WorkProgramme: ResponseCodable {}

/// The `/risks` page.
struct RisksPage {
    struct Row {
        var id: String
        var title: String
        var owner: String
        var area: String
        var inherent: String
        var current: String
        var target: String
        var lastReviewed: String
        var overdue: Bool
        var escalateTo: String
        var controls: String
        var actions: String
    }
    struct Issue {
        var area: String
        var month: String
        var detail: String
    }

    var heatMap: String
    var hasRisks: Bool
    var risks: [Row]
    var issues: [Issue]
    var hasIssues: Bool
}

/// The `/programme` page.
struct ProgrammePage {
    struct Late {
        var title: String
        var workstream: String
        var owner: String
        var due: String
        var status: String
    }
    struct GatewayRow {
        var id: String
        var into: String
        var passed: String
    }

    var hasProgramme: Bool
    var gantt: String
    var late: [Late]
    var gateways: [GatewayRow]
}
