import ConcordatCore
import Governance
import Storage

/// The office that keeps the partnership's work programme: milestones updated by the organisations that
/// own them, and gateways passed only by a ratified decision of the partnership. Shared by
/// `POST /api/v1/programme/milestones/{id}` and `POST /api/v1/programme/gateways/{id}/pass`. Each change is
/// authorised by ``AccessPolicy`` and written with its register entry in one transaction.
public struct ProgrammeOffice: Sendable {
    /// The store the programme is kept in.
    public var store: any Store

    /// Keeps the programme in `store`.
    public init(store: any Store) { self.store = store }

    /// Why the office cannot do what was asked, beyond the policy's and the programme's own refusals.
    public enum Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// No work programme is kept.
        case noProgramme
        /// No decision has the reference given.
        case noDecision(String)

        /// The refusal in words.
        public var description: String {
            switch self {
            case .noProgramme: "no work programme is kept"
            case .noDecision(let reference): "no decision has the reference '\(reference)'"
            }
        }
    }

    /// The work programme.
    /// - Throws: ``Refusal/noProgramme`` when none is kept.
    public func programme() async throws -> WorkProgramme {
        guard let programme = try await store.workProgramme() else { throw Refusal.noProgramme }
        return programme
    }

    /// Sets milestone `id`'s status for `actor` on `day`.
    /// - Throws: ``Refusal/noProgramme``; ``StoreError`` `notFound` for no such milestone; ``ActionRefused`` when the
    ///   milestone is another organisation's; `WorkProgramme.Refusal`. Nothing is recorded unless it returns.
    public func update(
        milestone id: String, to status: WorkProgramme.Milestone.Status, by actor: Actor, on day: Day
    ) async throws -> WorkProgramme {
        try await store.updateWorkProgramme { existing in
            guard let existing else { throw Refusal.noProgramme }
            guard let milestone = existing.milestones.first(where: { $0.id == id }) else {
                throw StoreError.notFound("milestone", id)
            }
            try AccessPolicy.require(actor, .updateMilestone(owner: milestone.ownerOrganisation))
            return (
                try existing.updating(id, status: status, on: day, by: actor.username),
                (
                    .milestone, id,
                    "\(milestone.status.rawValue) → \(status.rawValue) by \(actor.username) for \(actor.onBehalfOf)"
                )
            )
        }
    }

    /// Passes `gateway` by the decision `reference` on `day`, for `actor`.
    /// - Throws: ``ActionRefused`` when `actor` may not record the partnership's business;
    ///   ``Secretariat/Refusal/noMemorandum``; ``Refusal``; `WorkProgramme.Refusal` for no such gateway, or when the decision is not a ratified one that passes it.
    public func pass(gateway: String, byDecision reference: String, by actor: Actor, on day: Day) async throws
        -> WorkProgramme
    {
        try AccessPolicy.require(actor, .managePartnership)
        guard let (memorandum, routes) = try await store.memorandum() else { throw Secretariat.Refusal.noMemorandum }
        guard let decision = try await store.decisions().first(where: { $0.id == reference }) else {
            throw Refusal.noDecision(reference)
        }
        return try await store.updateWorkProgramme { existing in
            guard let existing else { throw Refusal.noProgramme }
            let next = try existing.passing(gateway, by: decision, memorandum: memorandum, routes: routes, on: day)
            return (next, (.gateway, gateway, "passed by decision \(decision.id)"))
        }
    }
}
