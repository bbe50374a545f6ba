import Appraisal
import ConcordatCore
import Foundation
import Governance
import Scenarios
import Storage

/// The office that keeps the partnership's business cases (issue 17): drafting one from a scenario
/// definition (the scenario is run and appraised by ``ScenarioAppraisal``), attaching it to a proposal so
/// the memorandum's Green Book and Section 151 red lines are judged from it, recording the council's
/// Section 151 officer's determination, and, when the decision is ratified, putting the case's milestones
/// and risks into the work programme and the risk register. Every action is authorised by
/// ``AccessPolicy``; every write is sealed in the decision register with who did it and for whom.
public struct CaseOffice: Sendable {
    /// The store the cases are kept in.
    public var store: any Store

    /// Keeps business cases in `store`.
    public init(store: any Store) { self.store = store }

    /// Why the office cannot do what was asked, beyond the policy's refusals.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// The proposal has been voted on, so a case can no longer change what it is judged on.
        case alreadyVoted(String)
        /// No party's red line asks for a Section 151 determination, and the actor's organisation is not a
        /// local authority.
        case noCouncil

        /// The refusal in words.
        public var description: String {
            switch self {
            case .alreadyVoted(let id): "\(id) has been voted on: a business case is attached before the vote"
            case .noCouncil: "no council's red line asks for a Section 151 determination"
            }
        }
    }

    /// Drafts a business case from the scenario definition `scenario` (JSON), appraising it over what the
    /// store holds, for `actor` at `date`.
    /// - Throws: ``ActionRefused``; ``FieldsRefused`` naming the field (text over its limits or with control
    ///   characters, an unknown project type, a lower optimism bias without a reason, a scenario definition
    ///   refused with its JSON path); ``ScenarioStudy/Problem`` when the store has no system or dataset;
    ///   ``StoreError`` `conflict` when a case has the id.
    public func draft(
        _ draft: BusinessCaseDraft, scenario: Data, runs: Int? = nil, by actor: Actor, at date: Date = Date()
    ) async throws -> StoredBusinessCase {
        try AccessPolicy.require(actor, .draftBusinessCase)
        let unsaved = "the business case was not drafted"
        let definition = String(decoding: scenario, as: UTF8.self)
        var blank = BusinessCase(
            id: draft.id, title: draft.title, strategic: draft.strategic, commercial: draft.commercial,
            management: draft.management,
            economic: EconomicAppraisal(
                discounting: nil, discountFactors: [], businessAsUsual: "", options: [], appraised: "",
                optimismBias: nil, tornado: [], switchingValues: []),
            financial: FinancialPosition(partners: [], breaches: []), author: actor.username,
            organisation: actor.organisation, created: date)
        if let refusal = blank.refusal() { throw FieldsRefused(unsaved, fields: [refusal]) }
        if let reason = draft.optimismBiasReason, let refusal = TextLimit.text.refusal(of: reason) {
            throw FieldsRefused(unsaved, field: "optimismBiasReason", reason: refusal)
        }
        guard scenario.count <= 256 * 1024 else {
            throw FieldsRefused(unsaved, field: "scenario", reason: "is longer than 262144 bytes")
        }
        guard let projectType = ProjectType(rawValue: draft.projectType) else {
            throw FieldsRefused(
                unsaved, field: "projectType",
                reason: "must be one of \(ProjectType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let bias: OptimismBias
        do {
            bias = try ScenarioAppraisal.optimismBias(
                projectType, percent: draft.optimismBiasPercent, reason: draft.optimismBiasReason)
        } catch { throw FieldsRefused(unsaved, field: "optimismBiasPercent", reason: error.description) }
        let study = try await ScenarioStudy.read(from: store)
        let model: ScenarioModel
        do { model = try study.model(try study.scenario(scenario, runs: runs)) } catch {
            throw FieldsRefused(unsaved, field: "scenario", reason: error.description)
        }
        let appraisal = ScenarioAppraisal(model: model, optimismBias: bias)
        let report: ScenarioAppraisalReport
        let parameters: [UncertainParameter]
        do {
            report = try appraisal.appraise()
            parameters = try appraisal.parameters
        } catch { throw FieldsRefused(unsaved, field: "scenario", reason: "cannot be appraised: \(error)") }
        blank.economic = EconomicAppraisal(report, parameters: parameters)
        blank.financial = FinancialPosition(report)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let stored = StoredBusinessCase(
            businessCase: blank, scenarioDefinition: definition,
            appraisalReport: String(decoding: try encoder.encode(report), as: UTF8.self))
        try await store.insertBusinessCase(
            stored, detail: "drafted from scenario '\(report.name)' by \(actor.username) for \(actor.onBehalfOf)")
        return stored
    }

    /// Every case, oldest first.
    public func cases() async throws -> [StoredBusinessCase] { try await store.businessCases() }

    /// Case `id`.
    /// - Throws: ``StoreError`` `notFound`.
    public func stored(_ id: String) async throws -> StoredBusinessCase {
        guard let stored = try await store.businessCase(id) else { throw StoreError.notFound("business case", id) }
        return stored
    }

    /// Attaches case `id` to proposal `proposal`, before it is voted on, for `actor`: the board secretary,
    /// or the organisation that drafted the case when it also sponsors the proposal.
    /// - Throws: ``StoreError`` `notFound` (no such case or proposal), `conflict` (either already has one);
    ///   ``ActionRefused``; ``Refusal/alreadyVoted(_:)``.
    public func attach(_ id: String, to proposal: String, by actor: Actor) async throws -> DecisionRecord {
        let stored = try await self.stored(id)
        guard let decision = try await store.decision(proposal) else { throw StoreError.notFound("proposal", proposal) }
        try AccessPolicy.require(
            actor,
            .attachBusinessCase(author: stored.businessCase.organisation, proposalAuthor: decision.proposal.sponsor))
        let detail = "business case \(id) attached by \(actor.username) for \(actor.onBehalfOf)"
        return try await store.attachBusinessCase(id, to: proposal) { existing, stored in
            guard var existing else { throw StoreError.notFound("proposal", proposal) }
            guard existing.outcome == nil, (existing.ballots ?? []).isEmpty else {
                throw Refusal.alreadyVoted(proposal)
            }
            existing.proposal.businessCase = stored.businessCase.attachment(determinations: stored.determinations)
            return (existing, detail)
        }
    }

    /// The councils whose Section 151 officer determines a case: the parties of the memorandum's
    /// Section 151 red lines.
    public func councils() async throws -> [String] {
        guard let (memorandum, _) = try await store.memorandum() else { return [] }
        var councils: [String] = []
        for line in memorandum.redLines {
            if case .section151 = line.condition, !councils.contains(line.party) { councils.append(line.party) }
        }
        return councils
    }

    /// Whether `actor` holds the Section 151 office for the organisation it acts for, and that organisation
    /// is a local authority.
    public func holdsSection151Office(_ actor: Actor) async throws -> Bool {
        guard let organisation = actor.organisation else { return false }
        guard try await store.organisations().first(where: { $0.code == organisation })?.role == .localAuthority
        else { return false }
        return try await store.officeHolders().contains {
            $0.username == actor.username && $0.office == .section151Officer && $0.organisation == organisation
        }
    }

    /// Records `actor`'s Section 151 determination on case `id`: only the council's Section 151 officer,
    /// acting in that office, may.
    /// - Throws: ``StoreError`` `notFound`; ``ActionRefused`` (an NHS account, a council account not in the
    ///   office, another council's officer, the secretariat); ``FieldsRefused`` for the reason's text;
    ///   ``Refusal/noCouncil``.
    public func determine(
        _ id: String, outcome: Section151Determination.Outcome, reason: String, by actor: Actor,
        at date: Date = Date()
    ) async throws -> StoredBusinessCase {
        _ = try await stored(id)
        let councils = try await councils()
        guard let first = councils.first else { throw Refusal.noCouncil }
        let council = actor.organisation.flatMap { councils.contains($0) ? $0 : nil } ?? first
        try AccessPolicy.require(
            actor, .recordSection151Determination(council: council, holdsOffice: try await holdsSection151Office(actor))
        )
        let unsaved = "the determination was not recorded"
        if let refusal = TextLimit.text.refusal(of: reason) {
            throw FieldsRefused(unsaved, field: "reason", reason: refusal)
        }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw FieldsRefused(unsaved, field: "reason", reason: "is required: a determination gives its reason")
        }
        let determination = Section151Determination(
            businessCase: id, council: council, username: actor.username, at: date, outcome: outcome, reason: reason)
        let detail =
            "\(council)'s Section 151 officer \(actor.username) determined \(id) \(outcome.rawValue): \(reason)"
        return try await store.recordDetermination(determination, detail: detail) { decision, stored in
            var decision = decision
            decision.proposal.businessCase = stored.businessCase.attachment(determinations: stored.determinations)
            return decision
        }
    }

    /// Puts the milestones and risks of the case attached to `decision` into the work programme and the
    /// risk register, once, as the case's organisation's (sealed in the register with the decision). Called
    /// when the decision is ratified; does nothing when no case is attached or it adds nothing.
    /// - Throws: ``StoreError``; `RiskScore.Invalid`.
    public func enact(_ decision: DecisionRecord, on day: Day) async throws {
        guard let attached = decision.proposal.businessCase, let stored = try await store.businessCase(attached.id)
        else { return }
        let businessCase = stored.businessCase
        let owner = businessCase.organisation
        let whose = owner ?? "the secretariat"
        if !businessCase.management.milestones.isEmpty, try await store.workProgramme() != nil {
            _ = try await store.updateWorkProgramme { existing in
                guard var programme = existing else { throw ProgrammeOffice.Refusal.noProgramme }
                let known = Set(programme.milestones.map(\.id))
                let added = businessCase.management.milestones.filter { !known.contains($0.id) }
                for milestone in added {
                    var item = WorkProgramme.Milestone(
                        id: milestone.id, title: milestone.title, workstream: milestone.workstream,
                        owner: milestone.owner, due: milestone.due)
                    item.ownerOrganisation = owner
                    programme.milestones.append(item)
                }
                typealias Entry = (kind: DecisionRegister.Kind, subject: String, detail: String)
                let entry: Entry? =
                    added.isEmpty
                    ? nil
                    : (
                        kind: .programme, subject: decision.id,
                        detail: "milestones \(added.map(\.id).joined(separator: ", ")) added for \(whose) from "
                            + "business case \(businessCase.id), ratified with \(decision.id)"
                    )
                return (programme: programme, entry: entry)
            }
        }
        let existing = Set(try await store.risks().map(\.id))
        for risk in businessCase.management.risks where !existing.contains(risk.id) {
            let score = try RiskScore(likelihood: risk.likelihood, consequence: risk.consequence)
            let entry = Risk(
                id: risk.id, title: risk.title, owner: risk.owner, area: risk.area,
                controls: "From business case \(businessCase.id)", actions: "", inherent: score, current: score,
                target: score, on: day, ownerOrganisation: owner, by: businessCase.author, onBehalfOf: whose)
            let detail =
                "added at \(score.score) for \(whose) from business case \(businessCase.id), ratified with \(decision.id)"
            _ = try await store.updateRisk(
                risk.id,
                recording: { _ in
                    (risk: entry, entry: (kind: DecisionRegister.Kind.risk, subject: entry.id, detail: detail))
                })
        }
    }

    /// Appoints account `username` to `office` for its own organisation, which must be a local authority
    /// for the Section 151 office.
    /// - Throws: ``ActionRefused`` (administrators only); ``FieldsRefused`` for no such account, an account
    ///   with no organisation, or an organisation that is not a local authority.
    public func appoint(_ username: String, to office: Office, by actor: Actor) async throws -> OfficeHolder {
        try AccessPolicy.require(actor, .appointOffice)
        let unsaved = "no one was appointed"
        guard let account = try await store.user(username) else {
            throw FieldsRefused(unsaved, field: "username", reason: "no account is named '\(username)'")
        }
        guard let organisation = account.organisation, !organisation.isEmpty else {
            throw FieldsRefused(
                unsaved, field: "organisation",
                reason: "\(username) acts for no organisation, so holds no office for one")
        }
        guard try await store.organisations().first(where: { $0.code == organisation })?.role == .localAuthority else {
            throw FieldsRefused(
                unsaved, field: "organisation",
                reason: "\(organisation) is not a local authority: only a council has a Section 151 officer")
        }
        let holder = OfficeHolder(username: username, office: office, organisation: organisation)
        try await store.appoint(holder)
        return holder
    }
}
