import ConcordatCore
import Finance
import Foundation
import Governance
import Storage

/// The partnership's business as its secretariat records it: tabling proposals, recording a meeting's
/// votes, closing a vote from its ballots, a party's ballot and ratification, and organisations joining
/// and withdrawing. Shared by the web's API and forms. Each action is authorised by ``AccessPolicy``
/// before anything is read for it; each change and its register entry (built by Governance's
/// ``DecisionRegister``) are written in one transaction, or neither is.
public struct Secretariat: Sendable {
    /// The store the partnership's governance is kept in.
    public var store: any Store

    /// Records the partnership's business in `store`.
    public init(store: any Store) { self.store = store }

    /// Why the secretariat cannot record something, beyond the policy's and the memorandum's own refusals.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// No memorandum of understanding has been adopted, so there is no partnership to record for.
        case noMemorandum
        /// A proposal needs an identifier and a title to be tabled.
        case proposalIncomplete
        /// Reopening membership needs a ratified decision to reopen it; this one (by reference) is not.
        case notAReopening(String)
        /// Only an organisation's representative casts a ballot, for that organisation.
        case notARepresentative

        /// The refusal in words.
        public var description: String {
            switch self {
            case .noMemorandum: "the partnership has not adopted a memorandum of understanding yet"
            case .proposalIncomplete: "an id and a title are required"
            case .notAReopening(let reference): "\(reference) is not a ratified decision to reopen the partnership"
            case .notARepresentative: "only a partner representative votes, and only for their own organisation"
            }
        }
    }

    /// A decision as recorded, with the memorandum and routes it was recorded under.
    public typealias Recorded = (
        decision: DecisionRecord, memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes
    )

    /// The memorandum in force and its ratification routes.
    /// - Throws: ``Refusal/noMemorandum`` when none has been adopted.
    public func memorandum() async throws -> (memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes) {
        guard let stored = try await store.memorandum() else { throw Refusal.noMemorandum }
        return stored
    }

    /// Tables `proposal`. Its planned spend out of pools is checked against the pools' ring-fences now
    /// (Finance's rule), so a red line on ring-fenced money sees any breach when it is voted on.
    /// - Throws: ``ActionRefused``; ``StoreError`` `notFound` for a planned pool that does not exist,
    ///   `conflict` when a proposal with its identifier is already tabled; ``Refusal``.
    public func table(_ proposal: Proposal, plannedSpends: [PoolSpend], in system: HealthSystem, by actor: Actor)
        async throws -> Recorded
    {
        try AccessPolicy.require(actor, .managePartnership)
        var proposal = proposal
        // A business case is attached by ``CaseOffice/attach(_:to:by:)`` alone, never sent with the proposal.
        proposal.businessCase = nil
        for spend in plannedSpends {
            let account = try await store.poolAccount(code: spend.pool)
            do { _ = try account.admitting(spend, districtsOfArea: system.districts(under: spend.area)) } catch {
                proposal.ringFenceBreaches.append(.init(pool: spend.pool, reason: "\(error.rule): \(error.reason)"))
            }
        }
        guard !proposal.id.isEmpty, !proposal.title.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Refusal.proposalIncomplete
        }
        let (memorandum, routes) = try await memorandum()
        let tabled = proposal
        let entry = DecisionRegister.Draft.tabling(tabled)
        let record = try await store.updateDecision(tabled.id) { existing in
            guard existing == nil else { throw StoreError.conflict("proposal", tabled.id) }
            return (DecisionRecord(proposal: tabled), entry.kind, entry.detail)
        }
        return (record, memorandum, routes)
    }

    /// Records a meeting's `votes` on decision `id`, with those `present` and any red-line `overrides`.
    /// - Throws: ``ActionRefused`` (an organisation's account records only its own seat's vote);
    ///   ``Refusal/noMemorandum``; ``StoreError`` `notFound`; `VoteCount.Refusal` from the count.
    public func recordVotes(
        _ votes: [Vote], present: [String], overrides: [RedLineOverride], on id: String, by actor: Actor
    ) async throws -> Recorded {
        try AccessPolicy.require(actor, .recordVotes(seats: votes.map(\.organisation)))
        let (memorandum, routes) = try await memorandum()
        let record = try await store.updateDecision(id) { existing in
            guard let existing else { throw StoreError.notFound("proposal", id) }
            let voted = try existing.voted(votes, present: present, overrides: overrides, memorandum: memorandum)
            let entry = DecisionRegister.Draft.vote(voted)
            return (voted, entry.kind, entry.detail)
        }
        return (record, memorandum, routes)
    }

    /// Records `ratification` (or its refusal) of decision `id` by its party's own governance.
    /// - Throws: ``ActionRefused`` (an organisation's account records only its own ratification);
    ///   ``Refusal/noMemorandum``; ``StoreError`` `notFound`; `VoteCount.Refusal`.
    public func ratify(_ ratification: Ratification, of id: String, by actor: Actor) async throws -> Recorded {
        try AccessPolicy.require(actor, .recordRatification(party: ratification.party))
        let (memorandum, routes) = try await memorandum()
        let entry = DecisionRegister.Draft.ratification(ratification, of: id)
        let record = try await store.updateDecision(id) { existing in
            guard let existing else { throw StoreError.notFound("proposal", id) }
            return (
                try existing.ratified(ratification, memorandum: memorandum, routes: routes), entry.kind, entry.detail
            )
        }
        if record.status(memorandum: memorandum, routes: routes).status == .ratified {
            // The attached business case's milestones and risks join the programme and the register.
            try await CaseOffice(store: store).enact(record, on: ratification.date)
        }
        return (record, memorandum, routes)
    }

    /// Casts the ballot `choice` on decision `id` for the organisation `actor` represents.
    /// - Throws: ``Refusal/notARepresentative`` for an actor with no organisation; ``ActionRefused``;
    ///   ``Refusal/noMemorandum``; ``StoreError`` `notFound`; `VoteCount.Refusal`.
    public func castBallot(_ choice: Vote.Choice, on id: String, by actor: Actor) async throws -> Recorded {
        guard let organisation = actor.organisation else { throw Refusal.notARepresentative }
        try AccessPolicy.require(actor, .castBallot(seat: organisation))
        let (memorandum, routes) = try await memorandum()
        let vote = Vote(organisation: organisation, choice: choice)
        let entry = DecisionRegister.Draft.ballot(vote, on: id)
        let record = try await store.updateDecision(id) { existing in
            guard let existing else { throw StoreError.notFound("proposal", id) }
            return (try existing.casting(vote, memorandum: memorandum), entry.kind, entry.detail)
        }
        return (record, memorandum, routes)
    }

    /// Closes the vote on decision `id`, counting its ballots.
    /// - Throws: ``ActionRefused``; ``Refusal/noMemorandum``; ``StoreError`` `notFound`; `VoteCount.Refusal`.
    public func closeVote(on id: String, by actor: Actor) async throws -> Recorded {
        try AccessPolicy.require(actor, .managePartnership)
        let (memorandum, routes) = try await memorandum()
        let record = try await store.updateDecision(id) { existing in
            guard let existing else { throw StoreError.notFound("proposal", id) }
            let closed = try existing.closingVote(present: [], memorandum: memorandum)
            let entry = DecisionRegister.Draft.vote(closed)
            return (closed, entry.kind, entry.detail)
        }
        return (record, memorandum, routes)
    }

    /// Records `seat` joining the partnership (after its joining window only when `reopenedBy` names a
    /// ratified decision to reopen membership), adopting the memorandum's next version.
    /// - Returns: the new memorandum and the routes.
    /// - Throws: ``ActionRefused``; ``Refusal``; `MemorandumOfUnderstanding.Refusal`; ``StoreError``
    ///   `conflict` when another version was adopted meanwhile.
    public func join(_ seat: MemorandumOfUnderstanding.Seat, reopenedBy reference: String?, by actor: Actor)
        async throws -> (memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes)
    {
        try AccessPolicy.require(actor, .managePartnership)
        let (memorandum, routes) = try await memorandum()
        var reopened = false
        if let reference {
            guard let decision = try await store.decisions().first(where: { $0.id == reference }),
                decision.proposal.type == .reopenMembership,
                decision.status(memorandum: memorandum, routes: routes).status == .ratified
            else { throw Refusal.notAReopening(reference) }
            reopened = true
        }
        var next = try memorandum.joining(seat, reopenedBy: reopened)
        next.version += 1
        try await store.adoptMemorandum(
            next, routes: routes, detail: DecisionRegister.Draft.joining(seat, in: next).detail)
        return (next, routes)
    }

    /// Records `organisation` withdrawing from the partnership with effect from `effective`, adopting the
    /// memorandum's next version.
    /// - Returns: the new memorandum and the routes.
    /// - Throws: ``ActionRefused``; ``Refusal/noMemorandum``; `MemorandumOfUnderstanding.Refusal`;
    ///   ``StoreError`` `conflict` when another version was adopted meanwhile.
    public func withdraw(_ organisation: String, effective: Day, exitArrangements: String, by actor: Actor)
        async throws -> (memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes)
    {
        try AccessPolicy.require(actor, .managePartnership)
        let (memorandum, routes) = try await memorandum()
        var next = try memorandum.withdrawing(organisation, effective: effective, exitArrangements: exitArrangements)
        next.version += 1
        let entry = DecisionRegister.Draft.withdrawal(
            of: organisation, effective: effective, exitArrangements: exitArrangements, in: next)
        try await store.adoptMemorandum(next, routes: routes, detail: entry.detail)
        return (next, routes)
    }
}
