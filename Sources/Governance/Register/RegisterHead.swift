import Foundation

extension DecisionRegister {
    /// The register's head, kept apart from the chain: how many entries it holds and the hash of the last.
    ///
    /// Every append rewrites it in the same transaction, so deleting entries from the end of the chain
    /// (which leaves a shorter chain that still verifies) no longer matches it. Its hash is printed on the
    /// public register page and written in every backup, so a copy outside the database can be compared.
    public struct Head: Sendable, Hashable, Codable {
        /// How many entries the register holds.
        public var count: Int
        /// The hash of the last entry (``DecisionRegister/genesis`` when there is none).
        public var hash: String

        /// Makes a head record.
        public init(count: Int, hash: String) {
            self.count = count
            self.hash = hash
        }

        /// The head of an empty register.
        public static let empty = Head(count: 0, hash: DecisionRegister.genesis)

        /// The head that `entries` (oldest first) should have.
        public init(of entries: [Entry]) {
            self.init(count: entries.count, hash: entries.last?.hash ?? DecisionRegister.genesis)
        }
    }
}
