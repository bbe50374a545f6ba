/// One stored scenario's run at a time, in the order asked: each run already uses every core, so a second
/// at once would only slow both (and let a burst of submissions crowd out the server's other work).
actor ScenarioRunQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// The queue every ``ScenarioDesk`` of the process shares.
    static let shared = ScenarioRunQueue()

    /// Waits for the turn; `release()` must follow.
    func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Ends a turn, starting the next in line.
    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
