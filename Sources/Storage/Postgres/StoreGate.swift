import Foundation

/// Whether a store's service is running: shut until its `run()` has connected and migrated, open while it
/// runs, and shut again (for good) once it stops. Calls made before it opens wait for it; calls made after
/// it has shut fail with the reason it shut.
final class StoreGate: @unchecked Sendable {
    private enum State {
        case waiting([UUID: CheckedContinuation<Void, any Error>])
        case open
        case shut(any Error)
    }

    private let lock = NSLock()
    private var state = State.waiting([:])
    private var started = false

    /// Marks the service started, or refuses a second `run()` of the same store.
    func start() throws {
        try lock.withLock {
            if started { throw StoreError.unavailable("the store is already running: a store is run once") }
            started = true
        }
    }

    /// Whether `run()` has begun (it may still be starting, or have stopped).
    var isStarted: Bool { lock.withLock { started } }

    /// Whether calls pass now.
    var isOpen: Bool { lock.withLock { if case .open = state { true } else { false } } }

    /// Lets every waiting call and every later one through.
    func open() {
        let waiting = lock.withLock { () -> [CheckedContinuation<Void, any Error>] in
            guard case .waiting(let waiting) = state else { return [] }
            state = .open
            return Array(waiting.values)
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Shuts the gate for good: every waiting call and every later one fails with `error`.
    func shut(_ error: any Error) {
        let waiting = lock.withLock { () -> [CheckedContinuation<Void, any Error>] in
            defer { state = .shut(error) }
            guard case .waiting(let waiting) = state else { return [] }
            return Array(waiting.values)
        }
        for continuation in waiting { continuation.resume(throwing: error) }
    }

    /// Returns once the gate is open; throws the gate's error once it has shut, or `CancellationError`
    /// when the waiting task is cancelled.
    func pass() async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = lock.withLock { () -> Result<Void, any Error>? in
                    switch state {
                    case .open: return .success(())
                    case .shut(let error): return .failure(error)
                    case .waiting(var waiting):
                        if Task.isCancelled { return .failure(CancellationError()) }
                        waiting[id] = continuation
                        state = .waiting(waiting)
                        return nil
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let cancelled = lock.withLock { () -> CheckedContinuation<Void, any Error>? in
                guard case .waiting(var waiting) = state, let continuation = waiting.removeValue(forKey: id) else {
                    return nil
                }
                state = .waiting(waiting)
                return continuation
            }
            cancelled?.resume(throwing: CancellationError())
        }
    }
}
