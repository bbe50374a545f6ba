import Crypto
import Foundation

/// The partnership's decision register: every proposal, vote, ratification and override, appended in
/// order and chained by SHA-256 (each entry's hash covers its content and the previous entry's hash), so
/// any later change to an entry, or a removed or reordered one, shows when the chain is verified.
public struct DecisionRegister: Sendable, Hashable, Codable {
    /// One entry.
    public struct Entry: Sendable, Hashable, Codable {
        /// Its position, from 1.
        public var sequence: Int
        /// When it was recorded (ISO 8601).
        public var recordedAt: String
        /// What kind of record.
        public var kind: Kind
        /// What it concerns (a proposal or organisation reference).
        public var subject: String
        /// What was recorded, in words.
        public var detail: String
        /// The previous entry's hash (64 zeros for the first).
        public var previousHash: String
        /// SHA-256 of this entry's fields and the previous hash, in hex.
        public var hash: String

        /// Makes an entry (as stored; ``DecisionRegister/entry(after:_:at:)`` builds the next one).
        public init(
            sequence: Int, recordedAt: String, kind: Kind, subject: String, detail: String, previousHash: String,
            hash: String
        ) {
            self.sequence = sequence
            self.recordedAt = recordedAt
            self.kind = kind
            self.subject = subject
            self.detail = detail
            self.previousHash = previousHash
            self.hash = hash
        }
    }

    /// The entries, oldest first.
    public private(set) var entries: [Entry] = []

    /// An empty register.
    public init() {}

    /// A register of stored entries (check it with ``firstBrokenEntry``).
    public init(entries: [Entry]) { self.entries = entries }

    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash an entry with these fields must carry.
    public static func hash(
        sequence: Int, recordedAt: String, kind: Kind, subject: String, detail: String, previousHash: String
    ) -> String {
        // Length-prefixed fields, so no two different entries serialise alike.
        var bytes = Data()
        for field in [String(sequence), recordedAt, kind.rawValue, subject, detail, previousHash] {
            let utf8 = Data(field.utf8)
            bytes.append(contentsOf: Array(String(utf8.count).utf8) + [0x3A])
            bytes.append(utf8)
        }
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The entry that follows `last` (the first, chained to ``genesis``, when there is none): numbered after
    /// it, dated `date` and chained to its hash. A store calls this inside the transaction that appends it,
    /// with the last entry it holds.
    public static func entry(after last: Entry?, _ draft: Draft, at date: Date) -> Entry {
        let sequence = (last?.sequence ?? 0) + 1
        let previous = last?.hash ?? genesis
        let recordedAt = ISO8601DateFormatter().string(from: date)
        return Entry(
            sequence: sequence, recordedAt: recordedAt, kind: draft.kind, subject: draft.subject,
            detail: draft.detail, previousHash: previous,
            hash: hash(
                sequence: sequence, recordedAt: recordedAt, kind: draft.kind, subject: draft.subject,
                detail: draft.detail, previousHash: previous))
    }

    /// Appends the entry `draft` describes and returns it.
    @discardableResult
    public mutating func append(_ draft: Draft, at date: Date) -> Entry {
        let entry = Self.entry(after: entries.last, draft, at: date)
        entries.append(entry)
        return entry
    }

    /// Appends an entry and returns it.
    @discardableResult
    public mutating func append(kind: Kind, subject: String, detail: String, at date: Date) -> Entry {
        append(Draft(kind: kind, subject: subject, detail: detail), at: date)
    }

    /// The sequence number of the first entry that does not verify (changed, removed, reordered), or
    /// `nil` when the whole chain verifies.
    public var firstBrokenEntry: Int? {
        var previous = Self.genesis
        for (index, entry) in entries.enumerated() {
            let expected = Self.hash(
                sequence: entry.sequence, recordedAt: entry.recordedAt, kind: entry.kind, subject: entry.subject,
                detail: entry.detail, previousHash: previous)
            guard entry.sequence == index + 1, entry.previousHash == previous, entry.hash == expected else {
                return index + 1
            }
            previous = entry.hash
        }
        return nil
    }
}
