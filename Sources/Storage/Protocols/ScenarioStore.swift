import Foundation

/// Where what-if scenarios are kept (issue 17): each definition as submitted, who submitted it, where its
/// run has got to, and its results document. The store holds the documents as given; Partnership reads and
/// writes them (the definition is `Scenarios`' format 1, the results Partnership's disclosed results).
public protocol ScenarioStore: Sendable {
    /// Records a new scenario, queued, and gives it its identifier.
    func addScenario(_ draft: StoredScenario.Draft) async throws -> StoredScenario

    /// Every scenario, newest first.
    func scenarios() async throws -> [StoredScenario]

    /// One scenario, or `nil` when there is no such scenario.
    func scenario(id: Int64) async throws -> StoredScenario?

    /// Records where a scenario's run stands, and its results once done, in one write. A cancelled
    /// scenario is left as it is (a run that finishes after its cancellation keeps nothing), and the
    /// scenario is answered as it then stands.
    /// - Throws: ``StoreError`` `notFound` when there is no such scenario.
    @discardableResult func updateScenario(_ id: Int64, _ update: StoredScenario.Update) async throws -> StoredScenario

    /// Cancels a queued or running scenario, in one write that checks its status: it becomes
    /// ``StoredScenario/Status-swift.enum/cancelled`` with `reason` as its failure and no results. A
    /// scenario already done, failed or cancelled is left as it is. Answers the scenario as it then stands,
    /// so a caller racing its run's completion sees which came first.
    /// - Throws: ``StoreError`` `notFound` when there is no such scenario.
    @discardableResult func cancelScenario(_ id: Int64, reason: String) async throws -> StoredScenario
}
