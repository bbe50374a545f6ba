import Appraisal
import ConcordatCore
import Disclosure
import Foundation
import Scenarios
import Storage

/// What-if scenarios kept in the store, for both shells (issue 17): submit a definition (analysts only, by
/// ``AccessPolicy``), run it (``ScenarioStudy`` over the stored dataset, then the Green Book tornado of its
/// NPSV), and read them back with their results published through the disclosure-control gate
/// (``ScenarioReport``).
public struct ScenarioDesk: Sendable {
    /// The most Monte Carlo runs a stored scenario may ask for: a server shared by everyone runs it
    /// (the command line allows ``Scenarios/ScenarioDefinition/maximumRuns``).
    public static let maximumRuns = 10_000
    /// The largest definition accepted, in bytes.
    public static let maximumDefinitionBytes = 262_144

    /// The store.
    public var store: any Store
    /// The rule every published count passes.
    public var policy: DisclosurePolicy

    /// A desk over `store`, publishing under `policy`.
    public init(store: any Store, policy: DisclosurePolicy = .standard) {
        self.store = store
        self.policy = policy
    }

    /// Checks `definition` (JSON) against the stored system and keeps it, queued, as `account`'s.
    /// - Throws: ``ActionRefused`` for a role other than analyst; ``FieldsRefused`` naming the JSON path
    ///   (`$.changes[0].fraction.low`) and the reason for a bad definition; ``ScenarioStudy/Problem`` when
    ///   the store holds no system or dataset.
    public func submit(_ definition: Data, by account: UserAccount) async throws -> StoredScenario {
        try AccessPolicy.require(Actor(account), .runScenario)
        let scenario = try Self.check(definition, in: try await ScenarioStudy.read(from: store, ledger: false))
        return try await store.addScenario(
            StoredScenario.Draft(
                name: scenario.definition.name, definition: definition, author: account.username,
                organisation: account.organisation, createdAt: Date()))
    }

    /// The validated scenario of `definition` in `study`, or the refusal as fields.
    static func check(_ definition: Data, in study: ScenarioStudy) throws(FieldsRefused) -> Scenario {
        let summary = "the scenario was not accepted"
        guard definition.count <= maximumDefinitionBytes else {
            throw FieldsRefused(
                summary, field: "$",
                reason: "is \(definition.count) bytes; a definition is at most \(maximumDefinitionBytes) bytes")
        }
        let scenario: Scenario
        do { scenario = try study.scenario(definition) } catch {
            throw FieldsRefused(summary, field: error.path, reason: error.reason)
        }
        guard scenario.runs <= maximumRuns else {
            throw FieldsRefused(
                summary, field: "$.runs",
                reason:
                    "is \(scenario.runs); the server runs at most \(maximumRuns) (use `concordat scenario run` for more)"
            )
        }
        return scenario
    }

    /// Runs stored scenario `id` when its turn comes (one run at a time, ``ScenarioRunQueue``): marks it
    /// running, runs it with `progress` told (0–1) as runs finish, and keeps its published results (done) or
    /// the reason it could not run (failed). The model runs on a thread of its own, not the caller's.
    ///
    /// Cancelling the calling task stops the run: while it waits for its turn, or at the model's next
    /// checkpoint (between blocks of Monte Carlo runs); the scenario is then kept `cancelled` and
    /// `CancellationError` is thrown. So is a scenario cancelled in the store (``cancel(_:by:)``) before
    /// its run started; a run that finishes after its scenario was cancelled keeps nothing.
    /// - Throws: ``Storage/StoreError`` `notFound` when there is no such scenario; `CancellationError`.
    @discardableResult public func run(
        _ id: Int64, progress: @escaping @Sendable (Double) -> Void = { _ in }
    ) async throws -> StoredScenario {
        do {
            guard let stored = try await store.scenario(id: id) else {
                throw StoreError.notFound("scenario", String(id))
            }
            try await ScenarioRunQueue.shared.acquire()
            do {
                let done = try await runNow(stored, progress: progress)
                await ScenarioRunQueue.shared.release()
                return done
            } catch {
                await ScenarioRunQueue.shared.release()
                throw error
            }
        } catch is CancellationError {
            // Wherever it was stopped (before its turn, waiting, or running), it is kept cancelled.
            try? await markCancelled(id)
            throw CancellationError()
        }
    }

    private func runNow(_ stored: StoredScenario, progress: @escaping @Sendable (Double) -> Void) async throws
        -> StoredScenario
    {
        let id = stored.id
        // A scenario cancelled while it waited stays cancelled (the store leaves it so).
        guard try await store.updateScenario(id, .init(status: .running, progress: 0)).status == .running else {
            throw CancellationError()
        }
        do {
            let study = try await ScenarioStudy.read(from: store)
            let scenario = try Self.check(stored.definition, in: study)
            let policy = self.policy
            let stop = ScenarioStop()
            let document = try await withTaskCancellationHandler {
                try await Self.detached {
                    try stop.check()
                    let model = try study.model(scenario)
                    let results = try model.results(
                        workers: nil,
                        progress: { done, total in progress(0.95 * Double(done) / Double(max(total, 1))) },
                        checkpoint: stop.check)
                    try stop.check()
                    let report = ScenarioReport(results, policy: policy, tornado: try? Self.tornado(of: model))
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    return try encoder.encode(report)
                }
            } onCancel: {
                stop.raise()
            }
            progress(1)
            let done = try await store.updateScenario(id, .init(status: .done, progress: 1, results: document))
            // Cancelled in the store while its last runs were made: it keeps nothing, and says so.
            guard done.status == .done else { throw CancellationError() }
            return done
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            let reason = (error as? CustomStringConvertible)?.description ?? "\(error)"
            return try await store.updateScenario(id, .init(status: .failed, progress: 0, failure: reason))
        }
    }

    /// Keeps scenario `id` cancelled, from a task that has itself been cancelled: the write is made by a
    /// task of its own, since the store's writes refuse to start in a cancelled task.
    private func markCancelled(_ id: Int64) async throws {
        let (store, reason) = (self.store, Self.cancelledReason)
        try await Task { try await store.cancelScenario(id, reason: reason) }.value
    }

    /// What a cancelled scenario says of itself.
    public static let cancelledReason = "cancelled on request before its run finished"

    /// Cancels queued or running scenario `id` for `account` (an analyst of the organisation that
    /// submitted it, or its author), in the store at once; the caller stops the run itself (cancels the
    /// job's task, which ``run(_:progress:)`` turns into a stop between blocks of runs).
    /// - Throws: ``Storage/StoreError`` `notFound` when there is no such scenario; ``ActionRefused`` for
    ///   another role or organisation; ``ScenarioNotUnderWay`` when it is done, failed or already
    ///   cancelled, including when its run finished first.
    @discardableResult public func cancel(_ id: Int64, by account: UserAccount) async throws -> StoredScenario {
        guard let stored = try await store.scenario(id: id) else { throw StoreError.notFound("scenario", String(id)) }
        try AccessPolicy.require(
            Actor(account), .cancelScenario(author: stored.author, organisation: stored.organisation))
        guard stored.status.isUnderWay else { throw ScenarioNotUnderWay(stored) }
        let after = try await store.cancelScenario(id, reason: Self.cancelledReason)
        guard after.status == .cancelled else { throw ScenarioNotUnderWay(after) }
        return after
    }

    /// Marks scenario `id` failed because the server that was to run it stopped first (it was queued or
    /// running when the server that kept its job in memory went away); a finished one is left as it is.
    @discardableResult public func abandon(_ id: Int64) async throws -> StoredScenario {
        guard let stored = try await store.scenario(id: id) else { throw StoreError.notFound("scenario", String(id)) }
        guard stored.status == .queued || stored.status == .running else { return stored }
        return try await store.updateScenario(
            id,
            .init(
                status: .failed, progress: 0,
                failure: "the server stopped before its run finished: submit it again"))
    }

    /// The tornado of `model`'s NPSV over its interval parameters (principal projection only, two runs a
    /// parameter), or `nil` when it has none. Optimism bias: the default (`outsourcing`'s upper bound).
    static func tornado(of model: ScenarioModel) throws -> ScenarioReport.TornadoChart? {
        let appraisal = ScenarioAppraisal(
            model: model, optimismBias: try ScenarioAppraisal.optimismBias(.outsourcing))
        let parameters = try appraisal.parameters
        guard !parameters.isEmpty else { return nil }
        let sensitivity = try SensitivityModel(parameters: parameters) { values in
            try appraisal.netPresentSocialValue(at: values.values)
        }
        let tornado = try Tornado(sensitivity)
        return ScenarioReport.TornadoChart(
            centralPence: tornado.central,
            bars: tornado.bars.map {
                .init(parameter: $0.parameter, low: $0.low, high: $0.high, atLowPence: $0.atLow, atHighPence: $0.atHigh)
            })
    }

    /// Every scenario, newest first.
    public func scenarios() async throws -> [StoredScenario] { try await store.scenarios() }

    /// One scenario and its published results (once done).
    /// - Throws: ``Storage/StoreError`` `notFound` when there is no such scenario; `corrupt` when its results
    ///   cannot be read back.
    public func scenario(_ id: Int64) async throws -> (scenario: StoredScenario, report: ScenarioReport?) {
        guard let stored = try await store.scenario(id: id) else { throw StoreError.notFound("scenario", String(id)) }
        return (stored, try Self.report(of: stored))
    }

    /// The published results kept with `stored`, if any.
    public static func report(of stored: StoredScenario) throws -> ScenarioReport? {
        guard let document = stored.results else { return nil }
        do { return try JSONDecoder().decode(ScenarioReport.self, from: document) } catch {
            throw StoreError.corrupt("scenario \(stored.id)'s results cannot be read: \(error)")
        }
    }

    /// Runs `work` on a thread of its own, so the model's CPU-bound runs never hold the cooperative pool
    /// the server's requests are answered on.
    static func detached<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
