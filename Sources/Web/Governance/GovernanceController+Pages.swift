import ConcordatCore
import Foundation
import Governance
import Hummingbird
import Partnership

extension GovernanceController {
    /// Decisions on one page of `/decisions`.
    static var decisionsPerPage: Int { 20 }

    /// `/decisions`: the partnership's decisions, public, the most recently tabled first, 20 to a page.
    func decisionsPage(page: Int = 1) async throws -> Response {
        let system = try await registry.system()
        let contents = try await book.contents()
        let adopted = contents.memorandum
        let name = { (code: String) in system.organisations.first { $0.code == code }?.name ?? code }
        let session = SignedIn.current
        let model = DecisionsPage(
            canTable: session?.user.role.mayManagePartnership ?? false, tablingCSRF: session?.csrf ?? "",
            types: DecisionType.allCases.map(\.rawValue),
            sponsors: system.organisations.map { .init(code: $0.code, name: $0.name) },
            hasMemorandum: adopted != nil,
            memorandum: adopted.map { memorandum in
                let parties = memorandum.seats.filter { $0.kind == .party && $0.withdrawn == nil }.count
                let advisers = memorandum.seats.filter { $0.kind == .adviser }.count
                return
                    "Memorandum of understanding version \(memorandum.version): \(parties) parties with one seat each, "
                    + "\(advisers) advisers without a vote; decisions by \(memorandum.rule.name), quorum \(memorandum.rule.quorum); no veto."
            } ?? "",
            decisions: contents.newestFirst.dropFirst((page - 1) * Self.decisionsPerPage).prefix(Self.decisionsPerPage)
                .map { judged in
                    let record = judged.record
                    let view = adopted == nil ? nil : judged
                    let status: String =
                        switch view?.status {
                        case nil: "tabled, not yet voted on"
                        case .notAgreed?: "not agreed"
                        case .agreedInPrinciple?: "agreed in principle, awaiting ratification"
                        case .ratified?: "ratified by every party"
                        case .fell?: "fell: a party refused to ratify"
                        }
                    let votes =
                        adopted.map { $0.votingSeats(on: record.proposal.tabled).map(\.organisation) } ?? []
                    let myOrganisation = session?.user.role == .partnerRepresentative ? session?.user.organisation : nil
                    let ballots = record.ballots ?? []
                    var decision = DecisionsPage.Decision(
                        id: record.id, title: record.proposal.title,
                        type: record.proposal.type.rawValue.replacingOccurrences(of: "-", with: " "),
                        tabled: record.proposal.tabled.description, status: status,
                        arithmetic: record.outcome?.arithmetic ?? [],
                        redLines: view?.blockingRedLines ?? [],
                        ratifications: record.ratifications.map {
                            "\(name($0.party)): \($0.body) \($0.ratified ? "ratified" : "refused") \($0.date) (minute \($0.minuteReference))"
                        },
                        outstanding: view?.outstanding.map { "\(name($0.party)): \($0.body)" } ?? [])
                    let open = record.outcome == nil
                    decision.canCast =
                        open
                        && myOrganisation.map { mine in
                            votes.contains(mine) && !ballots.contains { $0.organisation == mine }
                        }
                            ?? false
                    decision.castFor = myOrganisation.map(name) ?? ""
                    decision.canClose = open && (session?.user.role.mayManagePartnership ?? false)
                    decision.ballotsCast = open ? "\(ballots.count) of \(votes.count) parties have voted" : ""
                    decision.csrf = session?.csrf ?? ""
                    decision.judgements = (view?.redLines ?? []).map {
                        "\($0.breached ? "Breached" : "Met") — \(name($0.party)): \($0.name): \($0.why)"
                    }
                    decision.hasJudgements = !decision.judgements.isEmpty
                    decision.businessCase = record.proposal.businessCase?.id
                    return decision
                }, hasDecisions: !contents.views.isEmpty,
            pager: Pager(page: page, perPage: Self.decisionsPerPage, total: contents.views.count, path: "/decisions"))
        return renderer.page(
            .decisions, title: "Decisions", systemName: system.name,
            breadcrumb: [Crumb(name: system.root.name, href: "/"), Crumb(name: "Decisions")], model: model)
    }

    /// `/decisions/register`: the hash-chained register, public, with its verification.
    func registerPage() async throws -> Response {
        let system = try await registry.system()
        let entries = try await store.registerEntries()
        let head = try await store.registerHeadRecord()
        let audit = RegisterAudit(entries: entries, head: head, decisions: try await store.decisions())
        let model = RegisterPage(
            verified: audit.verifies,
            verdict: audit.verifies
                ? "All \(entries.count) entries verify: each entry's SHA-256 hash covers its content and the entry "
                    + "before it, the chain ends at the head record, and every decision matches it."
                : "The register does not verify: "
                    + audit.findings.map(\.description).joined(separator: "; ") + ".",
            headCount: String(head?.count ?? 0), headHash: head?.hash ?? DecisionRegister.genesis,
            entries: entries.reversed().map {
                RegisterPage.Row(
                    sequence: String($0.sequence), recordedAt: $0.recordedAt, kind: $0.kind.rawValue,
                    subject: $0.subject,
                    detail: $0.detail, hash: String($0.hash.prefix(16)) + "…")
            })
        return renderer.page(
            .register, title: "Decision register", systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Decisions", href: "/decisions"),
                Crumb(name: "Register"),
            ], model: model)
    }
}

extension GovernanceController {
    /// `POST /decisions`: the secretariat tables a proposal from the page's form, tabled today, and attaches
    /// the business case it names (checked first, so a case that cannot be attached tables nothing).
    /// - Throws: 400 naming the field for a bad kind or text; 404 for no such case; 409 for a case already
    ///   attached or a reference already used; 403 for a role that may not.
    @Sendable func tableFromPage(_ request: Request, context: Context) async throws -> Response {
        let (fields, session) = try await FormPost.read(
            TablingForm.self, from: request, csrf: \.csrf, may: \.mayManagePartnership, toDo: "table proposals")
        let refused = "the proposal was not tabled"
        guard let type = DecisionType(rawValue: fields.type ?? "") else {
            throw Problem.invalidRequest(
                refused,
                invalidParams: [
                    .init(
                        name: "type",
                        reason: "must be one of \(DecisionType.allCases.map(\.rawValue).joined(separator: ", "))")
                ])
        }
        var proposal = Proposal(
            id: (fields.id ?? "").trimmingCharacters(in: .whitespaces), title: fields.title ?? "", type: type,
            tabled: .today, hasExitArrangements: fields.hasExitArrangements == "yes")
        proposal.sponsor = fields.sponsor.flatMap { $0.isEmpty ? nil : $0 }
        let office = CaseOffice(store: store)
        let caseID = fields.businessCase.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        if let caseID {
            let stored = try await office.stored(caseID)
            if let attached = stored.proposal {
                throw Problem.conflict("business case \(caseID) is already attached to proposal \(attached)")
            }
            // Whether this account may attach it, asked before anything is tabled.
            try AccessPolicy.require(
                Actor(session.user),
                .attachBusinessCase(author: stored.businessCase.organisation, proposalAuthor: proposal.sponsor))
        }
        let system = try await registry.system()
        let tabling = proposal
        _ = try await recording {
            try await secretariat.table(tabling, plannedSpends: [], in: system, by: Actor(session.user))
        }
        if let caseID { _ = try await office.attach(caseID, to: proposal.id, by: Actor(session.user)) }
        return FormPost.redirect(to: "/decisions#\(proposal.id)")
    }
}

/// The `/decisions` page.
struct DecisionsPage {
    /// An organisation that may sponsor a proposal.
    struct Sponsor {
        var code: String
        var name: String
    }

    /// Whether the signed-in account may table proposals (the secretariat's roles).
    var canTable: Bool
    /// The session's form token, for the tabling form.
    var tablingCSRF: String
    /// The kinds of decision.
    var types: [String]
    /// The organisations that may sponsor one.
    var sponsors: [Sponsor]

    struct Decision {
        var id: String
        var title: String
        var type: String
        var tabled: String
        var status: String
        var arithmetic: [String]
        var redLines: [String]
        var ratifications: [String]
        var outstanding: [String]
        var canCast = false
        var castFor = ""
        var canClose = false
        var ballotsCast = ""
        var csrf = ""
        /// Every red line that applies, judged, with why.
        var judgements: [String] = []
        var hasJudgements = false
        /// The attached business case's reference, if any.
        var businessCase: String?
        // Stored, not computed: Mustache reads models by reflection.
        var hasRedLines: Bool
        var hasArithmetic: Bool
        var hasRatifications: Bool
        var hasOutstanding: Bool

        init(
            id: String, title: String, type: String, tabled: String, status: String, arithmetic: [String],
            redLines: [String], ratifications: [String], outstanding: [String]
        ) {
            self.id = id
            self.title = title
            self.type = type
            self.tabled = tabled
            self.status = status
            self.arithmetic = arithmetic
            self.redLines = redLines
            self.ratifications = ratifications
            self.outstanding = outstanding
            hasRedLines = !redLines.isEmpty
            hasArithmetic = !arithmetic.isEmpty
            hasRatifications = !ratifications.isEmpty
            hasOutstanding = !outstanding.isEmpty
        }
    }

    var hasMemorandum: Bool
    var memorandum: String
    var decisions: [Decision]
    var hasDecisions: Bool
    var pager: Pager
}

/// The `/decisions/register` page.
struct RegisterPage {
    struct Row {
        var sequence: String
        var recordedAt: String
        var kind: String
        var subject: String
        var detail: String
        var hash: String
    }

    var verified: Bool
    var verdict: String
    /// The head record's entry count and hash, printed in full so anyone can keep a copy and compare.
    var headCount: String
    var headHash: String
    var entries: [Row]
}
