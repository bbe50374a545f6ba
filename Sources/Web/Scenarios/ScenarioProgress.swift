/// How far each running scenario has got, held in memory by the server while its job runs (the store keeps
/// only the status), so the pages and the API show live progress.
actor ScenarioProgress {
    private var progress: [Int64: Double] = [:]
    private var jobs: [Int64: Int] = [:]

    /// Notes that scenario `id` runs as job `job` here, so that cancelling it can stop the job.
    func note(_ id: Int64, job: Int) { jobs[id] = job }

    /// The job scenario `id` runs as here, while it runs.
    func job(of id: Int64) -> Int? { jobs[id] }

    /// Notes scenario `id`'s progress (0–1); it only moves forward.
    func note(_ id: Int64, _ value: Double) {
        guard value.isFinite else { return }
        progress[id] = max(progress[id] ?? 0, min(1, max(0, value)))
    }

    /// Scenario `id`'s progress, if it is running here.
    func of(_ id: Int64) -> Double? { progress[id] }

    /// Forgets a finished scenario.
    func finish(_ id: Int64) {
        progress[id] = nil
        jobs[id] = nil
    }
}
