import ConcordatCore
import Foundation
import Governance
import Hummingbird
import Partnership
import Storage

/// Business cases (issue 17). API (at `/api/v1`): `GET|POST business-cases`, `GET business-cases/{id}`
/// (`?format=csv` for the figures), `POST business-cases/{id}/attach`, `POST business-cases/{id}/determination`.
/// Pages: `/business-cases` (the list), `/business-cases/new` (the form, no JavaScript), `/business-cases/{id}`
/// (the five cases, the tornado, the financial case, the determination and its form, "attach to proposal"),
/// with `/business-cases/{id}.csv` and `.json` downloads. Every write goes through ``CaseOffice``.
struct BusinessCaseController<Context: RequestContext> {
    let registry: SystemRegistry
    let store: any Store
    let renderer: PageRenderer

    /// The longest body read from a form or the API: big enough that over-long text is refused by field.
    static var bodyLimit: Int { 2 * 1024 * 1024 }

    /// A new case, as the API and the form give it.
    struct DraftBody: Decodable {
        var id: String
        var title: String
        var strategic: String?
        var commercial: String?
        var management: String?
        var milestones: [BusinessCase.Milestone]?
        var risks: [BusinessCase.Risk]?
        var projectType: String?
        var optimismBiasPercent: Double?
        var optimismBiasReason: String?
        /// The scenario definition's text (the form's textarea; the API's `scenario` object is read apart).
        var scenario: String?
        var runs: Int?

        var draft: BusinessCaseDraft {
            BusinessCaseDraft(
                id: id, title: title, strategic: strategic ?? "", commercial: commercial ?? "",
                management: .init(text: management ?? "", milestones: milestones ?? [], risks: risks ?? []),
                projectType: projectType ?? "outsourcing", optimismBiasPercent: optimismBiasPercent,
                optimismBiasReason: optimismBiasReason.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// The API body's fields besides the scenario definition (an object, read apart).
    struct APIFields: Decodable {
        var id: String
        var title: String
        var strategic: String?
        var commercial: String?
        var management: String?
        var milestones: [BusinessCase.Milestone]?
        var risks: [BusinessCase.Risk]?
        var projectType: String?
        var optimismBiasPercent: Double?
        var optimismBiasReason: String?
        var runs: Int?

        var body: DraftBody {
            DraftBody(
                id: id, title: title, strategic: strategic, commercial: commercial, management: management,
                milestones: milestones, risks: risks, projectType: projectType,
                optimismBiasPercent: optimismBiasPercent, optimismBiasReason: optimismBiasReason, scenario: nil,
                runs: runs)
        }
    }

    /// An attachment.
    struct AttachBody: Decodable { var proposal: String }

    /// A determination.
    struct DeterminationBody: Decodable {
        var outcome: Section151Determination.Outcome
        var reason: String
    }

    /// A case as the API shows it.
    struct CaseView: ResponseCodable {
        var businessCase: BusinessCase
        var proposal: String?
        var determinations: [Section151Determination]
        var greenBookGaps: [String]

        init(_ stored: StoredBusinessCase) {
            businessCase = stored.businessCase
            proposal = stored.proposal
            determinations = stored.determinations
            greenBookGaps = stored.businessCase.economic.missingForGreenBook
        }
    }

    var apiRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        let authentication = Authentication(store: store)
        let office = CaseOffice(store: store)
        routes.get("business-cases") { _, _ -> ListDocument<CaseView> in
            ListDocument(items: try await office.cases().map(CaseView.init))
        }
        routes.get("business-cases/:id") { request, context -> Response in
            let stored = try await office.stored(try context.parameters.require("id"))
            if request.uri.queryParameters.get("format") == "csv" { return Self.csv(stored) }
            return Self.json(stored)
        }
        routes.post("business-cases") { request, context -> EditedResponse<CaseView> in
            let user = try await authentication.user(
                request, may: \.mayDraftBusinessCases, toDo: "draft business cases")
            let data = Data(buffer: try await request.body.collect(upTo: Self.bodyLimit))
            let body = try JSONDecoder().decode(APIFields.self, from: data).body
            // The scenario definition is a JSON object inside the body, passed on as it was written.
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            let scenario: Data
            if let definition = object?["scenario"] as? [String: Any] {
                scenario = try JSONSerialization.data(withJSONObject: definition)
            } else if let text = object?["scenario"] as? String {
                scenario = Data(text.utf8)
            } else {
                throw Problem.invalidRequest(
                    "the business case was not drafted",
                    invalidParams: [.init(name: "scenario", reason: "is required: the scenario definition (an object)")]
                )
            }
            let stored = try await office.draft(body.draft, scenario: scenario, runs: body.runs, by: Actor(user))
            return EditedResponse(
                status: .created, headers: [.location: "/api/v1/business-cases/\(stored.businessCase.id)"],
                response: CaseView(stored))
        }
        routes.post("business-cases/:id/attach") { request, context -> DecisionView in
            let user = try await authentication.user(
                request, may: { $0.mayDraftBusinessCases || $0.mayManagePartnership },
                toDo: "attach business cases")
            let body = try await Self.decode(AttachBody.self, request)
            let record = try await office.attach(
                try context.parameters.require("id"), to: body.proposal, by: Actor(user))
            return try await Self.view(record, store: store)
        }
        routes.post("business-cases/:id/determination") { request, context -> CaseView in
            let user = try await authentication.user(
                request, may: { $0 != .viewer }, toDo: "record Section 151 determinations")
            let body = try await Self.decode(DeterminationBody.self, request)
            return CaseView(
                try await office.determine(
                    try context.parameters.require("id"), outcome: body.outcome, reason: body.reason, by: Actor(user)))
        }
        return routes
    }

    var pageRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        let office = CaseOffice(store: store)
        routes.get("/business-cases") { _, _ in try await listPage() }
        routes.get("/business-cases/new") { request, _ in
            try await newPage(scenario: request.uri.queryParameters.get("scenario"))
        }
        routes.post("/business-cases/new") { request, _ -> Response in
            let (fields, session) = try await Self.form(request)
            let draft = DraftBody(
                id: fields["id"] ?? "", title: fields["title"] ?? "", strategic: fields["strategic"],
                commercial: fields["commercial"], management: fields["management"], milestones: nil, risks: nil,
                projectType: fields["projectType"].flatMap { $0.isEmpty ? nil : $0 },
                optimismBiasPercent: fields["optimismBiasPercent"].flatMap(Double.init),
                optimismBiasReason: fields["optimismBiasReason"], scenario: fields["scenario"] ?? "",
                runs: fields["runs"].flatMap { Int($0) })
            let stored = try await office.draft(
                draft.draft, scenario: Data((draft.scenario ?? "").utf8), runs: draft.runs, by: Actor(session.user))
            return FormPost.redirect(to: "/business-cases/\(stored.businessCase.id)")
        }
        routes.get("/business-cases/:id") { _, context -> Response in
            let id = try context.parameters.require("id")
            if id.hasSuffix(".csv") { return Self.csv(try await office.stored(String(id.dropLast(4)))) }
            if id.hasSuffix(".json") { return Self.json(try await office.stored(String(id.dropLast(5)))) }
            return try await casePage(try await office.stored(id))
        }
        routes.post("/business-cases/:id/attach") { request, context -> Response in
            let id = try context.parameters.require("id")
            let (fields, session) = try await Self.form(request)
            _ = try await office.attach(id, to: fields["proposal"] ?? "", by: Actor(session.user))
            return FormPost.redirect(to: "/business-cases/\(id)")
        }
        routes.post("/business-cases/:id/determination") { request, context -> Response in
            let id = try context.parameters.require("id")
            let (fields, session) = try await Self.form(request)
            guard let outcome = fields["outcome"].flatMap(Section151Determination.Outcome.init(rawValue:)) else {
                throw Problem.invalidRequest(
                    "the determination was not recorded",
                    invalidParams: [.init(name: "outcome", reason: "must be affordable or not-affordable")])
            }
            _ = try await office.determine(
                id, outcome: outcome, reason: fields["reason"] ?? "", by: Actor(session.user))
            return FormPost.redirect(to: "/business-cases/\(id)")
        }
        return routes
    }

    /// A form's fields and its session, the CSRF token checked; read up to ``bodyLimit`` so over-long text
    /// is refused by its field (400), not by its size.
    static func form(_ request: Request) async throws -> (fields: [String: String], session: SignedIn) {
        guard let session = SignedIn.current else { throw Problem.unauthorised("sign in first") }
        let body = String(buffer: try await request.body.collect(upTo: bodyLimit))
        let fields: [String: String]
        do { fields = try URLEncodedFormDecoder().decode([String: String].self, from: body) } catch {
            throw Problem.invalidRequest("the form could not be read: \(error)")
        }
        guard fields["csrf"] == session.csrf else {
            throw Problem(
                status: .forbidden, type: "https://concordat.dev/problems/csrf", title: "Not allowed",
                detail: "the form's security token is missing or out of date: reload the page and try again")
        }
        return (fields, session)
    }

    /// A JSON body, read up to ``bodyLimit``.
    static func decode<Body: Decodable>(_ type: Body.Type, _ request: Request) async throws -> Body {
        let buffer = try await request.body.collect(upTo: bodyLimit)
        return try JSONDecoder().decode(type, from: Data(buffer: buffer))
    }

    static func json(_ stored: StoredBusinessCase) -> Response {
        let data = (try? BusinessCaseExport.json(stored)) ?? Data("{}".utf8)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json",
                .contentDisposition: "inline; filename=\"\(stored.businessCase.id).json\"",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func csv(_ stored: StoredBusinessCase) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(stored.businessCase.id).csv\"",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(string: BusinessCaseExport.csv(stored))))
    }

    static func view(_ record: DecisionRecord, store: any Store) async throws -> DecisionView {
        guard let (memorandum, routes) = try await store.memorandum() else { throw Secretariat.Refusal.noMemorandum }
        return DecisionView(record, memorandum, routes)
    }
}
