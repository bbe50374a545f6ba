import ConcordatCore
import Foundation

/// Long work run in the background — re-running the population health engine on the loaded dataset —
/// with its progress visible on the `/jobs` page and through the API, and a way to cancel it.
actor JobRunner {
    /// A job and where it has got to.
    struct Job: Sendable, Codable, Identifiable {
        /// Where a job stands.
        enum Status: String, Sendable, Codable, CaseIterable {
            /// Still working.
            case running
            /// Finished: its work was done (an import loaded, or found the extract already loaded).
            case done
            /// Its input was refused: nothing was changed (an import with refused rows loads nothing).
            case refused
            /// Stopped by an error.
            case failed
            /// Stopped on request.
            case cancelled
        }

        var id: Int
        var kind: JobKind
        /// Who started it, as shown publicly: their organisation or role, never a username (``PublicNames``).
        var startedBy: String
        var startedAt: Date
        var progress: Double
        var stage: String
        var status: Status
        var result: String?
        /// For an import: the rows read and loaded (good) and refused, once it has read the extract.
        var rowsLoaded: Int = 0
        var rowsRefused: Int = 0
    }

    /// What a job's work uses to say how far it has got; each report is also a point where a
    /// cancellation takes effect.
    struct Handle: Sendable {
        let runner: JobRunner
        let id: Int

        /// Records progress (0–1) and the stage in words; throws if the job has been cancelled.
        func report(_ progress: Double, _ stage: String) async throws {
            try Task.checkCancellation()
            await runner.update(id, progress: progress, stage: stage)
        }

        /// Records an import's row counts.
        func counted(loaded: Int, refused: Int) async {
            await runner.count(id, loaded: loaded, refused: refused)
        }

        /// Records progress from synchronous work (a reader's callback), without waiting.
        func note(_ progress: Double, _ stage: String) {
            let (runner, id) = (runner, id)
            Task { await runner.update(id, progress: progress, stage: stage) }
        }
    }

    /// Thrown by a job's work when its input is refused: the job ends ``Job/Status-swift.enum/refused``
    /// with `reason` as its result, and nothing was changed.
    struct Refusal: Error {
        var reason: String
    }

    private var jobs: [Int: Job] = [:]
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var next = 1

    /// Starts `work` in the background for `user` (a public name) and returns its job.
    func start(kind: JobKind, by user: String, _ work: @escaping @Sendable (Handle) async throws -> String) -> Job {
        let id = next
        next += 1
        let job = Job(
            id: id, kind: kind, startedBy: user, startedAt: Date(), progress: 0, stage: "starting", status: .running,
            result: nil)
        jobs[id] = job
        let handle = Handle(runner: self, id: id)
        tasks[id] = Task {
            do {
                let result = try await work(handle)
                await self.finish(id, status: .done, result: result)
            } catch let refusal as Refusal {
                await self.finish(id, status: .refused, result: refusal.reason)
            } catch is CancellationError {
                await self.finish(id, status: .cancelled, result: "cancelled")
            } catch {
                await self.finish(id, status: .failed, result: "\(error)")
            }
        }
        return job
    }

    /// Asks a running job to stop; it stops at its next progress report.
    /// - Returns: the job, or `nil` when there is no such job.
    func cancel(_ id: Int) -> Job? {
        guard let job = jobs[id] else { return nil }
        if job.status == .running { tasks[id]?.cancel() }
        return jobs[id]
    }

    /// Every job, newest first.
    var all: [Job] { jobs.values.sorted { $0.id > $1.id } }

    /// One job.
    func job(_ id: Int) -> Job? { jobs[id] }

    /// Waits for a job to end (for tests and the CLI).
    func wait(_ id: Int) async -> Job? {
        await tasks[id]?.value
        return jobs[id]
    }

    func update(_ id: Int, progress: Double, stage: String) {
        jobs[id]?.progress = min(1, max(0, progress))
        jobs[id]?.stage = stage
    }

    func count(_ id: Int, loaded: Int, refused: Int) {
        jobs[id]?.rowsLoaded = loaded
        jobs[id]?.rowsRefused = refused
    }

    private func finish(_ id: Int, status: Job.Status, result: String) {
        jobs[id]?.status = status
        jobs[id]?.result = result
        if status == .done { jobs[id]?.progress = 1 }
        jobs[id]?.stage = status.rawValue
        tasks[id] = nil
    }
}
