import Foundation

/// The renders of kept pages in progress, so that requests which miss the ``PageCache`` together render
/// the page once: the first becomes the *leader* and renders it; the others *follow*, waiting for the
/// leader's page instead of rendering it again ("single flight"). Without it, eight connections that
/// miss a page after a write render it eight times at once, on two cores, and every one of them waits.
///
/// A flight is one page at one data version: a request that reads a newer version than a flight's does
/// not wait for it. A follower is given the leader's page, or `nil` when the leader kept none (it failed,
/// or its answer was not a page for everyone), and then renders for itself. A path whose answer a leader
/// showed to be no page for everyone (an API's JSON, a page that differs by request) is remembered, and
/// later requests for it render alone, at once, rather than queue behind each other for nothing. Paths,
/// not queries: whether an answer is for everyone is its route's, so a hostile query cannot fill the set. Thread-safe (a
/// lock, held only to begin, join or end a flight).
final class RenderFlights: @unchecked Sendable {
    /// A page at a data version, as a flight renders it.
    struct Flight: Hashable, Sendable {
        /// What the page shows.
        var key: PageCache.Key
        /// The data version it is rendered at.
        var version: String
    }

    /// What a request that missed the cache is to do.
    enum Role: Equatable, Sendable {
        /// Render the page, then ``end(_:with:)`` the flight with what was kept.
        case leader
        /// Wait for the leader's page (``follow(_:)``).
        case follower
        /// Render for itself: the answer is not a page for everyone.
        case alone
    }

    /// Paths remembered as no page for everyone at most (then forgotten, all at once).
    static let rememberedAlone = 4096

    private let lock = NSLock()
    private var waiting: [Flight: [CheckedContinuation<PageCache.Entry?, Never>]] = [:]
    private var alone: Set<String> = []

    /// Flights in progress (for tests).
    var count: Int { lock.withLock { waiting.count } }

    /// Paths remembered as no page for everyone (for tests).
    var aloneCount: Int { lock.withLock { alone.count } }

    /// Requests waiting for a leader, over every flight (for tests).
    var waitingCount: Int { lock.withLock { waiting.values.reduce(0) { $0 + $1.count } } }

    /// Begins `flight` (the caller leads it) or, when it is already in progress, makes the caller a follower;
    /// for a path whose answer was no page for everyone, the caller renders alone.
    func begin(_ flight: Flight) -> Role {
        lock.withLock {
            if alone.contains(flight.key.path) { return .alone }
            guard waiting[flight] == nil else { return .follower }
            waiting[flight] = []
            return .leader
        }
    }

    /// Waits until the leader ends `flight`, and returns the page it kept (`nil` when it kept none). A
    /// flight that has already ended returns `nil` at once: the caller then looks in the cache again.
    func follow(_ flight: Flight) async -> PageCache.Entry? {
        await withCheckedContinuation { continuation in
            let joined = lock.withLock {
                guard waiting[flight] != nil else { return false }
                waiting[flight]?.append(continuation)
                return true
            }
            if !joined { continuation.resume(returning: nil) }
        }
    }

    /// Ends `flight`, handing `entry` (the page kept, or `nil`) to everyone waiting for it; `forEveryone`
    /// false says the answer was no page for everyone (not a failure), so its path is rendered alone from
    /// now on. The leader must end its flight however its render ends, or its followers would wait for ever.
    func end(_ flight: Flight, with entry: PageCache.Entry?, forEveryone: Bool = true) {
        let followers = lock.withLock {
            if !forEveryone {
                if alone.count >= Self.rememberedAlone { alone.removeAll() }
                alone.insert(flight.key.path)
            }
            return waiting.removeValue(forKey: flight) ?? []
        }
        for follower in followers { follower.resume(returning: entry) }
    }
}
