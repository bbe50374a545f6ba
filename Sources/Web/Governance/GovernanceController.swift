import ConcordatCore
import Finance
import Foundation
import Governance
import Hummingbird
import Partnership
import Storage

/// Governance on the web. Public API (at `/api/v1`): `GET governance/memorandum`, `GET decisions`,
/// `GET register`. Secretariat API: `POST proposals`, `POST proposals/{id}/vote`,
/// `POST proposals/{id}/ratifications`. Public pages: `/decisions` and `/decisions/register`.
struct GovernanceController<Context: RequestContext> {
    let registry: SystemRegistry
    let store: any Store
    let renderer: PageRenderer
    /// The decisions, read once per change of the register.
    let book: DecisionBook

    /// A decision as the API shows it.
    typealias DecisionView = Web.DecisionView

    /// The register and whether its chain verifies.
    struct RegisterView: ResponseCodable {
        var entries: [DecisionRegister.Entry]
        var verified: Bool
        var firstBrokenEntry: Int?
        /// The head record kept apart from the chain (count and hash of the last entry).
        var head: DecisionRegister.Head?
    }

    /// The memorandum and its routes.
    struct MemorandumView: ResponseCodable {
        var memorandum: MemorandumOfUnderstanding
        var routes: RatificationRoutes
    }

    /// The partnership's business, recorded once for the API and the forms.
    var secretariat: Secretariat { Secretariat(store: store) }

    func memorandum() async throws -> (memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes) {
        try await recording { try await secretariat.memorandum() }
    }

    /// Runs `body`: the secretariat's and the policy's refusals answer with their own problems
    /// (`Secretariat.Refusal+ProblemConvertible`, `ActionRefused+ProblemConvertible`).
    func recording<Result>(_ body: () async throws -> Result) async throws -> Result { try await body() }

    /// The API routes, to mount at `/api/v1`.
    var apiRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        let authentication = Authentication(store: store)
        routes.get("governance/memorandum") { _, _ -> MemorandumView in
            let (memorandum, routes) = try await memorandum()
            return MemorandumView(memorandum: memorandum, routes: routes)
        }
        routes.get("decisions") { request, _ -> PagedDocument<DecisionView> in
            let paging = try Paging(request, defaultLimit: 100, maximumLimit: 500)
            let contents = try await book.contents()
            if contents.memorandum == nil { _ = try await memorandum() }  // the "no memorandum" problem
            return PagedDocument(contents.newestFirst, paging)
        }
        routes.get("register") { _, _ -> RegisterView in
            let entries = try await store.registerEntries()
            let head = try await store.registerHeadRecord()
            let broken = DecisionRegister(entries: entries).firstBrokenEntry
            return RegisterView(
                entries: entries, verified: broken == nil && head == DecisionRegister.Head(of: entries),
                firstBrokenEntry: broken, head: head)
        }
        routes.post("proposals") { request, context -> EditedResponse<DecisionView> in
            let user = try await authentication.user(
                request, may: \.mayManagePartnership, toDo: "table proposals for the partnership")
            let buffer = try await request.body.collect(upTo: 1_000_000)
            let proposal: Proposal
            let planned: PlannedSpends
            do {
                proposal = try JSONDecoder().decode(Proposal.self, from: Data(buffer: buffer))
                planned = try JSONDecoder().decode(PlannedSpends.self, from: Data(buffer: buffer))
            } catch let error as DecodingError {
                throw Problem.invalidRequest("the proposal is not valid: \(DecodingErrorText(error))")
            }
            let system = try await registry.system()
            let tabling = proposal
            let (record, memorandum, routes) = try await recording {
                try await secretariat.table(
                    tabling, plannedSpends: planned.plannedSpends ?? [], in: system, by: Actor(user))
            }
            return EditedResponse(
                status: .created, headers: [.location: "/api/v1/decisions"],
                response: DecisionView(record, memorandum, routes))
        }
        routes.post("proposals/:id/vote") { request, context -> DecisionView in
            let user = try await authentication.user(
                request, may: \.mayManagePartnership, toDo: "record the partnership's votes")
            let id = try context.parameters.require("id")
            let body = try await request.decode(as: VoteBody.self, context: context)
            let (record, memorandum, routes) = try await recording {
                try await secretariat.recordVotes(
                    body.votes, present: body.present, overrides: body.overrides ?? [], on: id, by: Actor(user))
            }
            return DecisionView(record, memorandum, routes)
        }
        routes.post("proposals/:id/ratifications") { request, context -> DecisionView in
            let user = try await authentication.user(
                request, may: \.mayManagePartnership, toDo: "record ratifications")
            let id = try context.parameters.require("id")
            let ratification = try await request.decode(as: Ratification.self, context: context)
            let (record, memorandum, routes) = try await recording {
                try await secretariat.ratify(ratification, of: id, by: Actor(user))
            }
            return DecisionView(record, memorandum, routes)
        }
        routes.post("governance/members") { request, context -> MemorandumView in
            let user = try await authentication.user(
                request, may: \.mayManagePartnership, toDo: "record membership changes")
            let body = try await request.decode(as: JoinBody.self, context: context)
            let (next, routes) = try await recording {
                try await secretariat.join(
                    .init(organisation: body.organisation, kind: body.kind, joined: body.joined),
                    reopenedBy: body.reopenedBy, by: Actor(user))
            }
            return MemorandumView(memorandum: next, routes: routes)
        }
        routes.post("governance/members/:organisation/withdraw") { request, context -> MemorandumView in
            let user = try await authentication.user(
                request, may: \.mayManagePartnership, toDo: "record membership changes")
            let organisation = try context.parameters.require("organisation")
            let body = try await request.decode(as: WithdrawBody.self, context: context)
            let (next, routes) = try await recording {
                try await secretariat.withdraw(
                    organisation, effective: body.effective, exitArrangements: body.exitArrangements, by: Actor(user))
            }
            return MemorandumView(memorandum: next, routes: routes)
        }
        return routes
    }

    /// The page routes (public to read; forms for signed-in representatives and the secretariat).
    var pageRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/decisions") { request, _ in
            try await decisionsPage(page: try Pager.page(request)).sameForEveryone()
        }
        routes.post("/decisions", use: tableFromPage)
        routes.post("/decisions/:id/ballot") { request, context -> Response in
            let (fields, session) = try await FormPost.read(BallotForm.self, from: request) { $0.csrf }
            let id = try context.parameters.require("id")
            guard let organisation = session.user.organisation else {
                throw Problem.forbidden("only a partner representative votes, and only for their own organisation")
            }
            try Authorisation.require(session.user, .castBallot(seat: organisation))
            guard let choice = Vote.Choice(rawValue: fields.choice ?? "") else {
                throw Problem.invalidRequest(
                    "choose yes, no or abstain", invalidParams: [.init(name: "choice", reason: "is required")])
            }
            // Cast by the organisation's signed-in representative; the public register names no username.
            _ = try await recording { try await secretariat.castBallot(choice, on: id, by: Actor(session.user)) }
            return FormPost.redirect(to: "/decisions#\(id)")
        }
        routes.post("/decisions/:id/close") { request, context -> Response in
            let session = try await FormPost.session(from: request, may: \.mayManagePartnership, toDo: "close a vote")
            let id = try context.parameters.require("id")
            _ = try await recording { try await secretariat.closeVote(on: id, by: Actor(session.user)) }
            return FormPost.redirect(to: "/decisions#\(id)")
        }
        routes.get("/decisions/register") { _, _ in try await registerPage().sameForEveryone() }
        return routes
    }
}

/// Pool spend a proposal plans, checked against the pools' ring-fences when it is tabled.
struct PlannedSpends: Decodable {
    var plannedSpends: [PoolSpend]?
}

/// The tabling form on `/decisions` (the secretariat's).
struct TablingForm: Decodable {
    var id: String?
    var title: String?
    var type: String?
    var sponsor: String?
    var businessCase: String?
    var hasExitArrangements: String?
    var csrf: String?
}

/// The ballot form on `/decisions`.
struct BallotForm: Decodable {
    var choice: String?
    var csrf: String?
}

/// The body of `POST /api/v1/governance/members`.
struct JoinBody: Decodable {
    var organisation: String
    var kind: MemorandumOfUnderstanding.Seat.Kind
    var joined: Day
    var reopenedBy: String?
}

/// The body of `POST /api/v1/governance/members/{organisation}/withdraw`.
struct WithdrawBody: Decodable {
    var effective: Day
    var exitArrangements: String
}

/// The body of `POST /api/v1/proposals/{id}/vote`.
struct VoteBody: Decodable {
    var present: [String]
    var votes: [Vote]
    var overrides: [RedLineOverride]?
}
