/// One stored scenario's run at a time, in the order asked: each run already uses every core, so a second
/// at once would only slow both (and let a burst of submissions crowd out the server's other work).
actor ScenarioRunQueue {
    private var busy = false
    private var waiting: [(ticket: Int, turn: CheckedContinuation<Void, any Error>)] = []
    private var tickets = 0

    /// The queue every ``ScenarioDesk`` of the process shares.
    static let shared = ScenarioRunQueue()

    /// Waits for the turn; `release()` must follow.
    /// - Throws: `CancellationError` when the waiting task is cancelled before its turn comes (it then
    ///   holds no turn, and must not release one).
    func acquire() async throws {
        guard busy else {
            busy = true
            return
        }
        tickets += 1
        let ticket = tickets
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (turn: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    turn.resume(throwing: CancellationError())
                } else {
                    waiting.append((ticket, turn))
                }
            }
        } onCancel: {
            Task { await self.withdraw(ticket) }
        }
    }

    /// Takes a cancelled task's place out of the line, if it is still waiting.
    private func withdraw(_ ticket: Int) {
        guard let index = waiting.firstIndex(where: { $0.ticket == ticket }) else { return }
        waiting.remove(at: index).turn.resume(throwing: CancellationError())
    }

    /// Ends a turn, starting the next in line.
    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().turn.resume() }
    }
}
