import Crypto
import Foundation

/// What `concordat audit verify` checks: that the decision register's hash chain is whole, that it ends
/// where its separately kept head says (so no entry was removed from the end), and that each decision's
/// votes and ratifications in the decision table are those the register recorded.
///
/// Each register entry that changes a decision ends with the decision's seal
/// (``seal(of:)``: SHA-256 of its votes, ballots, those present, overrides and ratifications), and the
/// chain's hash covers it; the latest sealed entry for a decision must match the stored decision.
public struct RegisterAudit: Sendable, Hashable {
    /// One thing found wrong.
    public enum Finding: Sendable, Hashable, CustomStringConvertible {
        /// An entry does not verify: it was changed, removed or reordered.
        case brokenChain(entry: Int, of: Int)
        /// The chain does not end where the head record says.
        case headMismatch(head: DecisionRegister.Head, chain: DecisionRegister.Head)
        /// No head record is kept.
        case missingHead
        /// A decision's stored votes or ratifications differ from those recorded in the register.
        case decisionAltered(id: String, what: String)
        /// A decision tabled in the register is missing from the decision table.
        case decisionMissing(id: String)
        /// A decision in the table was never tabled in the register.
        case decisionUnrecorded(id: String)

        /// What was found, in words.
        public var description: String {
            switch self {
            case .brokenChain(let entry, let count):
                "the chain is broken at entry \(entry) of \(count): an entry has been changed, removed or reordered"
            case .headMismatch(let head, let chain):
                "the register's head record says \(head.count) entries ending \(head.hash.prefix(16))…, but the "
                    + "chain has \(chain.count) ending \(chain.hash.prefix(16))…: entries have been removed from "
                    + "(or added to) the end"
            case .missingHead: "the register's head record is missing"
            case .decisionAltered(let id, let what):
                "decision \(id): its \(what) in the decision table differ from those recorded in the register"
            case .decisionMissing(let id): "decision \(id) is in the register but missing from the decision table"
            case .decisionUnrecorded(let id):
                "decision \(id) is in the decision table but was never tabled in the register"
            }
        }
    }

    /// Everything found wrong, in the order checked; empty when the register and decisions verify.
    public let findings: [Finding]
    /// The chain's own head (what the head record should say).
    public let chainHead: DecisionRegister.Head

    /// Audits `entries` (oldest first) against the stored `head` and the stored `decisions`.
    public init(entries: [DecisionRegister.Entry], head: DecisionRegister.Head?, decisions: [DecisionRecord]) {
        var findings: [Finding] = []
        let chain = DecisionRegister.Head(of: entries)
        chainHead = chain
        if let broken = DecisionRegister(entries: entries).firstBrokenEntry {
            findings.append(.brokenChain(entry: broken, of: entries.count))
        }
        switch head {
        case nil: findings.append(.missingHead)
        case let head? where head != chain: findings.append(.headMismatch(head: head, chain: chain))
        default: break
        }
        var bySubject: [String: [DecisionRegister.Entry]] = [:]
        for entry in entries { bySubject[entry.subject, default: []].append(entry) }
        let stored = Dictionary(decisions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for decision in decisions {
            let recorded = bySubject[decision.id] ?? []
            guard recorded.contains(where: { $0.kind == .proposal }) else {
                findings.append(.decisionUnrecorded(id: decision.id))
                continue
            }
            findings += Self.differences(decision, recorded)
        }
        for id in Set(entries.filter { $0.kind == .proposal }.map(\.subject)) where stored[id] == nil {
            findings.append(.decisionMissing(id: id))
        }
        self.findings = findings
    }

    /// Whether nothing was found wrong.
    public var verifies: Bool { findings.isEmpty }

    /// How `decision` differs from what its register entries record.
    private static func differences(_ decision: DecisionRecord, _ recorded: [DecisionRegister.Entry]) -> [Finding] {
        var findings: [Finding] = []
        let ratifications = recorded.filter { $0.kind == .ratification }.count
        if ratifications != decision.ratifications.count {
            findings.append(
                .decisionAltered(
                    id: decision.id,
                    what: "ratifications (\(decision.ratifications.count) stored, \(ratifications) recorded)"))
        }
        let ballots = recorded.filter { $0.kind == .ballot }.count
        if ballots != (decision.ballots ?? []).count {
            findings.append(
                .decisionAltered(
                    id: decision.id, what: "ballots (\((decision.ballots ?? []).count) stored, \(ballots) recorded)"))
        }
        let voted = recorded.contains { $0.kind == .vote }
        if voted != (decision.outcome != nil) {
            findings.append(
                .decisionAltered(
                    id: decision.id,
                    what: voted ? "votes (none stored, a vote recorded)" : "votes (a vote stored, none recorded)"))
        }
        // Entries written before seals were kept carry none; the counts above still apply to them.
        if let sealed = recorded.last(where: { seal(in: $0.detail) != nil }), let expected = seal(in: sealed.detail),
            expected != seal(of: decision)
        {
            findings.append(.decisionAltered(id: decision.id, what: "votes, ballots or ratifications"))
        }
        return findings
    }

    /// The seal of a decision's votes, ballots, those present, overrides and ratifications: SHA-256 in hex
    /// of their JSON with sorted keys.
    public static func seal(of decision: DecisionRecord) -> String {
        struct Sealed: Encodable {
            var votes: [Vote]
            var present: [String]
            var overrides: [RedLineOverride]
            var ratifications: [Ratification]
            var ballots: [Vote]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data =
            (try? encoder.encode(
                Sealed(
                    votes: decision.votes, present: decision.present, overrides: decision.overrides,
                    ratifications: decision.ratifications, ballots: decision.ballots ?? []))) ?? Data()
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// `detail` with the decision's seal added, as the stores record it.
    public static func sealed(_ detail: String, _ decision: DecisionRecord) -> String {
        "\(detail) \(sealPrefix)\(seal(of: decision)))"
    }

    private static let sealPrefix = "(record sha256:"

    /// The seal an entry's detail ends with, if it has one.
    public static func seal(in detail: String) -> String? {
        guard detail.hasSuffix(")"), let range = detail.range(of: sealPrefix, options: .backwards) else { return nil }
        let hex = detail[range.upperBound...].dropLast()
        guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else { return nil }
        return String(hex)
    }
}
