import Foundation

/// The flag a stored scenario's run is stopped by: raised when its task is cancelled (on the server's
/// thread), read by the model's checkpoint between blocks of runs (on the model's own thread).
final class ScenarioStop: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    /// Asks the run to stop at its next checkpoint.
    func raise() { lock.withLock { raised = true } }

    /// Throws `CancellationError` once the flag is raised: the model's checkpoint.
    func check() throws {
        if lock.withLock({ raised }) { throw CancellationError() }
    }
}
