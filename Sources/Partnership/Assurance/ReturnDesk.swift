import Assurance
import ConcordatCore
import Foundation
import Storage

/// Where the system commissioner receives places' assurance returns and reviews them (NHS England's
/// oversight framework: a place reports its indicators monthly with a narrative; the commissioner accepts
/// or asks for more). Shared by `POST /api/v1/returns`, the returns page's form and
/// `POST /api/v1/returns/{id}/review`. A return is checked field by field, then authorised by
/// ``AccessPolicy`` (only an organisation accountable for the place, or the secretariat, submits it); the
/// escalations its values raise with the history (Making Data Count's rules, ``ExceptionReport``) are
/// stored with it in one write.
public struct ReturnDesk: Sendable {
    /// The store the returns are kept in.
    public var store: any Store

    /// Receives and reviews returns in `store`.
    public init(store: any Store) { self.store = store }

    /// A return as stored, with the escalations it raised.
    public struct Receipt: Sendable, Hashable {
        /// The stored return, with its identifier.
        public var assuranceReturn: AssuranceReturn
        /// The escalations it raised, each naming the return.
        public var escalations: [Escalation]
    }

    /// Submits `draft` for `actor` in `system`, recorded as theirs and as made at `now`.
    /// - Throws: ``FieldsRefused`` naming every field refused (place, month, each value, narrative);
    ///   ``ActionRefused`` when `actor` may not submit the place's return; the store's errors (a text too
    ///   long). Nothing is stored unless it returns.
    public func submit(_ draft: ReturnDraft, in system: HealthSystem, by actor: Actor, at now: Date = Date())
        async throws -> Receipt
    {
        let catalogue = try await SystemPackStorage.indicators(in: store, for: system)
        let submitted = try Self.check(draft, in: system, catalogue: catalogue, by: actor.username, at: now)
        try AccessPolicy.require(
            actor,
            .submitReturn(
                place: submitted.place,
                accountable: try await store.organisations().filter { $0.places.contains(submitted.place) }.map(
                    \.code)))
        let history = try await store.indicatorValues().filter { existing in
            !submitted.values.contains {
                $0.indicator == existing.indicator && $0.area == existing.area && $0.month == existing.month
            }
        }
        let escalations = ExceptionReport.escalations(
            in: history + submitted.values, area: submitted.place, month: submitted.month,
            catalogue: catalogue.indicators, raisedAt: now)
        let stored = try await store.submitReturn(submitted, escalations: escalations)
        return Receipt(
            assuranceReturn: stored,
            escalations: escalations.map { escalation in
                var raised = escalation
                raised.returnID = stored.id
                return raised
            })
    }

    /// Records `actor`'s review of return `id`: accepted, or more information requested (which needs a
    /// note saying what).
    /// - Throws: ``ActionRefused`` when `actor` may not review returns; ``FieldsRefused`` for the status
    ///   `submitted` or a request for more with no note; ``StoreError`` `notFound` for no such return.
    public func review(_ id: Int64, as status: AssuranceReturn.Status, note: String?, by actor: Actor)
        async throws -> AssuranceReturn
    {
        try AccessPolicy.require(actor, .reviewReturn)
        guard status != .submitted else {
            throw FieldsRefused(
                "the review was not recorded", field: "status",
                reason: "'\(status.rawValue)' is not accepted or more-information-requested")
        }
        if status == .moreInformationRequested, (note ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw FieldsRefused("say what more is needed", field: "note", reason: "is required when asking for more")
        }
        return try await store.reviewReturn(id: id, status: status, by: actor.username, note: note)
    }

    /// `draft` as a return of `system`, whose indicators are `catalogue`, submitted by `username` at `now`.
    /// - Throws: ``FieldsRefused`` naming every field that is missing or wrong (an indicator the system's
    ///   catalogue lacks among them).
    static func check(
        _ draft: ReturnDraft, in system: HealthSystem, catalogue: WatchedIndicators, by username: String, at now: Date
    ) throws(FieldsRefused) -> AssuranceReturn {
        var refused: [FieldRefusal] = []
        let places = Set(system.children(of: system.root.code).map(\.code))
        if let place = draft.place {
            if !places.contains(place) {
                refused.append(.init(field: "place", reason: "'\(place)' is not a place of the system"))
            }
        } else {
            refused.append(.init(field: "place", reason: "is required"))
        }
        if !Month.isValid(draft.month ?? "") { refused.append(.init(field: "month", reason: "must be YYYY-MM")) }
        if draft.values.isEmpty { refused.append(.init(field: "values", reason: "at least one value is required")) }
        for (index, value) in draft.values.enumerated() {
            guard let code = value.indicator, let indicator = catalogue.indicator(code) else {
                refused.append(
                    .init(
                        field: "values[\(index)].indicator",
                        reason: "'\(value.indicator ?? "")' is not one of \(system.name)'s indicators"))
                continue
            }
            guard let number = value.value, number.isFinite else {
                refused.append(.init(field: "values[\(index)].value", reason: "is required, a number"))
                continue
            }
            if let problem = indicator.problem(with: number) {
                refused.append(.init(field: "values[\(index)].value", reason: problem))
            }
        }
        if (draft.narrative ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            refused.append(.init(field: "narrative", reason: "is required: say what the values mean"))
        }
        guard refused.isEmpty, let place = draft.place, let month = draft.month, let narrative = draft.narrative else {
            throw FieldsRefused(
                "the return was not submitted: \(refused.count) field(s) refused", fields: refused)
        }
        return AssuranceReturn(
            place: place, month: month,
            values: draft.values.compactMap { value in
                value.indicator.flatMap { code in
                    value.value.map { IndicatorValue(indicator: code, area: place, month: month, value: $0) }
                }
            },
            narrative: narrative, actions: draft.actions ?? "", submittedBy: username, submittedAt: now)
    }
}
