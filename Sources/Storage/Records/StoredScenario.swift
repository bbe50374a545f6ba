import Foundation

/// A stored scenario: its definition, author, status and results.
public struct StoredScenario: Sendable, Hashable, Identifiable {
    /// Where a scenario's run stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Submitted; its run has not started.
        case queued
        /// Its run is under way.
        case running
        /// Run; its results are kept.
        case done
        /// Its run stopped, for ``StoredScenario/failure``.
        case failed
        /// Cancelled on request (by an analyst of its organisation) before its run finished; it has no
        /// results (migration v20 lets the store keep it).
        case cancelled

        /// Whether its run may still change it: queued or running.
        public var isUnderWay: Bool { self == .queued || self == .running }
    }

    /// What a new scenario is made of.
    public struct Draft: Sendable, Hashable {
        /// The scenario's name.
        public var name: String
        /// The definition, JSON as submitted (already validated).
        public var definition: Data
        /// The username of the account that submitted it.
        public var author: String
        /// The organisation the author acts for, if any.
        public var organisation: String?
        /// When it was submitted.
        public var createdAt: Date

        /// Makes a draft; `createdAt` is kept to the whole second, as both adapters store it.
        public init(name: String, definition: Data, author: String, organisation: String?, createdAt: Date) {
            self.name = name
            self.definition = definition
            self.author = author
            self.organisation = organisation
            self.createdAt = Date(timeIntervalSince1970: createdAt.timeIntervalSince1970.rounded(.down))
        }
    }

    /// A change of a scenario's state.
    public struct Update: Sendable, Hashable {
        /// The new status.
        public var status: Status
        /// How far the run has got, 0–1.
        public var progress: Double
        /// Why it failed, when it did.
        public var failure: String?
        /// The results document, when done.
        public var results: Data?

        /// Makes an update; progress is clipped to 0–1 (NaN is 0).
        public init(status: Status, progress: Double, failure: String? = nil, results: Data? = nil) {
            self.status = status
            self.progress = progress.isNaN ? 0 : min(1, max(0, progress))
            self.failure = failure
            self.results = results
        }
    }

    /// The identifier, from 1.
    public var id: Int64
    /// The scenario's name.
    public var name: String
    /// The definition, JSON as submitted.
    public var definition: Data
    /// The username of the account that submitted it.
    public var author: String
    /// The organisation the author acts for, if any.
    public var organisation: String?
    /// When it was submitted (whole seconds).
    public var createdAt: Date
    /// Where its run stands.
    public var status: Status
    /// How far its run has got, 0–1.
    public var progress: Double
    /// Why it failed, when it did.
    public var failure: String?
    /// The results document, once done.
    public var results: Data?

    /// Makes a stored scenario.
    public init(
        id: Int64, name: String, definition: Data, author: String, organisation: String?, createdAt: Date,
        status: Status, progress: Double, failure: String?, results: Data?
    ) {
        self.id = id
        self.name = name
        self.definition = definition
        self.author = author
        self.organisation = organisation
        self.createdAt = createdAt
        self.status = status
        self.progress = progress
        self.failure = failure
        self.results = results
    }
}
