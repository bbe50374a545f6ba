import ConcordatCore
import Governance
import Storage

/// The partnership's risk and issues register, as its organisations keep it: adding a risk and reviewing
/// one (re-scoring it on the 5 × 5 matrix of the NHS Resolution / NPSA risk matrix). Shared by
/// `POST /api/v1/risks` and `POST /api/v1/risks/{id}/review`. Each change is authorised by
/// ``AccessPolicy`` (an organisation keeps only its own risks; the secretariat any), recorded against the
/// account and whom it acts for, and written with its register entry in one transaction.
public struct RiskRegister: Sendable {
    /// The store the register is kept in.
    public var store: any Store

    /// Keeps the register in `store`.
    public init(store: any Store) { self.store = store }

    /// Adds `draft` for `actor` in `system` on `day`.
    /// - Throws: ``ActionRefused`` when `actor` may not add a risk for the owning organisation;
    ///   ``FieldsRefused`` naming the field (an unknown owning organisation or area, a missing id, title or
    ///   owner, a score outside 1–5); ``StoreError`` `conflict` when a risk has the id already.
    public func add(_ draft: RiskDraft, in system: HealthSystem, by actor: Actor, on day: Day) async throws -> Risk {
        let owning = draft.ownerOrganisation ?? actor.organisation
        try AccessPolicy.require(actor, .addRisk(owner: owning))
        let unsaved = "the risk was not saved"
        if let owning, try await store.organisations().contains(where: { $0.code == owning }) == false {
            throw FieldsRefused(unsaved, field: "ownerOrganisation", reason: "no organisation has the code '\(owning)'")
        }
        guard system.area(draft.area) != nil else {
            throw FieldsRefused(unsaved, field: "area", reason: "no area has the code '\(draft.area)'")
        }
        guard !draft.id.isEmpty, !draft.title.trimmingCharacters(in: .whitespaces).isEmpty, !draft.owner.isEmpty
        else { throw FieldsRefused(unsaved, field: "id", reason: "an id, a title and an owner are required") }
        let risk = Risk(
            id: draft.id, title: draft.title, owner: draft.owner, area: draft.area, controls: draft.controls,
            actions: draft.actions, inherent: try Self.score(draft.inherent, "inherent", unsaved),
            current: try Self.score(draft.current, "current", unsaved),
            target: try Self.score(draft.target, "target", unsaved), on: day, ownerOrganisation: owning,
            by: actor.username, onBehalfOf: actor.onBehalfOf)
        let detail = "added at \(risk.current.score) by \(actor.username) for \(actor.onBehalfOf)"
        return try await store.updateRisk(
            risk.id,
            recording: { existing in
                guard existing == nil else { throw StoreError.conflict("risk", risk.id) }
                return (risk, (.risk, risk.id, detail))
            })
    }

    /// Records `actor`'s review of risk `id` on `day`, with its new current score.
    /// - Throws: ``FieldsRefused`` for a score outside 1–5; ``StoreError`` `notFound` for no such risk;
    ///   ``ActionRefused`` when the risk is another organisation's. Nothing is recorded unless it returns.
    public func review(_ id: String, current: RiskDraft.Score, by actor: Actor, on day: Day) async throws -> Risk {
        let score = try Self.score(current, "current", "the risk was not reviewed")
        return try await store.updateRisk(
            id,
            recording: { existing in
                guard let existing else { throw StoreError.notFound("risk", id) }
                try AccessPolicy.require(actor, .reviewRisk(owner: existing.ownerOrganisation))
                return (
                    existing.reviewed(on: day, current: score, by: actor.username, onBehalfOf: actor.onBehalfOf),
                    (
                        .riskReview, id,
                        "re-scored from \(existing.current.score) to \(score.score) by \(actor.username) for \(actor.onBehalfOf)"
                    )
                )
            })
    }

    /// `score` on the matrix.
    /// - Throws: ``FieldsRefused`` naming `field` when it is not.
    static func score(_ score: RiskDraft.Score, _ field: String, _ summary: String) throws(FieldsRefused) -> RiskScore {
        do { return try RiskScore(likelihood: score.likelihood, consequence: score.consequence) } catch {
            throw FieldsRefused(summary, field: field, reason: error.description)
        }
    }
}
