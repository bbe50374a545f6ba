import Assurance

/// Where assurance is kept: indicator values, submitted returns and their reviews, and escalations.
public protocol AssuranceStore: Sendable {
    /// Saves indicator values (replacing any for the same indicator, area and month), all or none.
    func saveIndicatorValues(_ values: [IndicatorValue]) async throws

    /// Every indicator value.
    func indicatorValues() async throws -> [IndicatorValue]

    /// Records a submitted return, its values and the escalations it raises, in one transaction; the
    /// escalations get the return's identifier.
    func submitReturn(_ submitted: AssuranceReturn, escalations: [Escalation]) async throws -> AssuranceReturn

    /// Records the commissioner's review of a return.
    /// - Throws: ``StoreError`` `notFound` when there is no such return.
    func reviewReturn(id: Int64, status: AssuranceReturn.Status, by reviewer: String, note: String?) async throws
        -> AssuranceReturn

    /// Every return, newest first.
    func assuranceReturns() async throws -> [AssuranceReturn]

    /// Every escalation, newest first.
    func escalations() async throws -> [Escalation]
}
