import ConcordatCore
import Foundation

/// The partnership's memorandum of understanding as data: who sits (one seat per party, irrespective of
/// size; advisers attend without a vote), how decisions are made, when the partnership may be joined, and
/// which red lines each party has drawn. A change to it is itself a decision; each version is numbered.
public struct MemorandumOfUnderstanding: Sendable, Hashable, Codable {
    /// A seat at the table.
    public struct Seat: Sendable, Hashable, Codable {
        /// Whether the seat votes.
        public enum Kind: String, Sendable, Hashable, Codable {
            /// A signatory: one vote.
            case party
            /// An adviser: attends, does not sign, does not vote.
            case adviser
        }

        /// The organisation's code.
        public var organisation: String
        /// Whether it votes.
        public var kind: Kind
        /// The people who may vote in its place (deputies).
        public var deputies: [String]
        /// Its weight for a weighted rule (e.g. population served).
        public var weight: Double
        /// The day it joined.
        public var joined: Day
        /// The day its withdrawal took effect, if it has withdrawn.
        public var withdrawn: Day?
        /// The exit arrangements recorded when it withdrew.
        public var exitArrangements: String?

        /// Makes a seat.
        public init(
            organisation: String, kind: Kind, deputies: [String] = [], weight: Double = 1, joined: Day,
            withdrawn: Day? = nil, exitArrangements: String? = nil
        ) {
            self.organisation = organisation
            self.kind = kind
            self.deputies = deputies
            self.weight = weight
            self.joined = joined
            self.withdrawn = withdrawn
            self.exitArrangements = exitArrangements
        }

        /// Whether the seat votes on `day`: a party that has joined and not withdrawn.
        public func votes(on day: Day) -> Bool {
            kind == .party && joined <= day && (withdrawn.map { day < $0 } ?? true)
        }
    }

    /// The version (1 for the first adopted).
    public var version: Int
    /// The seats.
    public var seats: [Seat]
    /// How decisions are made.
    public var rule: DecisionRule
    /// The first and last days on which organisations may join.
    public var joiningWindow: ClosedRange<Day>
    /// How long the partnership stays closed after the joining window (one year in the East Kent MoU).
    public var closedDays: Int
    /// The red lines parties have drawn.
    public var redLines: [RedLine]
    /// Whether a breached red line may be overridden by an explicit, minuted decision.
    public var redLinesMayBeOverridden: Bool

    /// Why something the MoU governs is refused.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// Makes a memorandum, refusing a rule that would give any seat a veto.
    public init(
        version: Int = 1, seats: [Seat], rule: DecisionRule, joiningWindow: ClosedRange<Day>, closedDays: Int = 365,
        redLines: [RedLine] = [], redLinesMayBeOverridden: Bool = false
    ) throws(Refusal) {
        guard Set(seats.map(\.organisation)).count == seats.count else {
            throw Refusal(description: "an organisation may hold only one seat")
        }
        let parties = seats.filter { $0.kind == .party }
        if rule.givesAVeto(seats: parties.count, weights: parties.map(\.weight)) {
            throw Refusal(
                description:
                    "the rule '\(rule.name)' would let one seat block the other \(parties.count - 1): the MoU allows no veto"
            )
        }
        guard rule.quorum >= 1, rule.quorum <= max(parties.count, 1) else {
            throw Refusal(description: "the quorum must be between 1 and the number of parties (\(parties.count))")
        }
        self.version = version
        self.seats = seats
        self.rule = rule
        self.joiningWindow = joiningWindow
        self.closedDays = closedDays
        self.redLines = redLines
        self.redLinesMayBeOverridden = redLinesMayBeOverridden
    }

    /// The seat of `organisation`.
    public func seat(_ organisation: String) -> Seat? { seats.first { $0.organisation == organisation } }

    /// The seats that vote on `day`.
    public func votingSeats(on day: Day) -> [Seat] { seats.filter { $0.votes(on: day) } }

    /// Whether an organisation may join on `day`: inside the joining window, or after the closed year
    /// when the partners have decided to reopen.
    public func checkJoin(_ organisation: String, on day: Day, reopenedBy decision: Bool = false) throws(Refusal) {
        if let seat = seat(organisation), seat.withdrawn == nil {
            throw Refusal(description: "\(organisation) already holds a seat")
        }
        if joiningWindow.contains(day) { return }
        guard day > joiningWindow.upperBound else {
            throw Refusal(description: "the joining window opens on \(joiningWindow.lowerBound)")
        }
        let reopens = joiningWindow.upperBound.adding(days: closedDays)
        guard day > reopens else {
            throw Refusal(
                description:
                    "the partnership is closed for one year after the joining window: no one may join until after \(reopens)"
            )
        }
        guard decision else {
            throw Refusal(description: "the partnership may be reopened only by a decision of the partners")
        }
    }

    /// The memorandum with `organisation` joined on `day`.
    public func joining(_ seat: Seat, reopenedBy decision: Bool = false) throws(Refusal) -> MemorandumOfUnderstanding {
        try checkJoin(seat.organisation, on: seat.joined, reopenedBy: decision)
        var next = self
        next.seats.removeAll { $0.organisation == seat.organisation }
        next.seats.append(seat)
        return next
    }

    /// The memorandum with `organisation` withdrawn from `effective`, with its exit arrangements: any
    /// party may withdraw at any time.
    public func withdrawing(_ organisation: String, effective: Day, exitArrangements: String) throws(Refusal)
        -> MemorandumOfUnderstanding
    {
        guard let index = seats.firstIndex(where: { $0.organisation == organisation }), seats[index].withdrawn == nil
        else { throw Refusal(description: "\(organisation) holds no seat to withdraw from") }
        guard !exitArrangements.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Refusal(description: "a withdrawal records its exit arrangements")
        }
        var next = self
        next.seats[index].withdrawn = effective
        next.seats[index].exitArrangements = exitArrangements
        return next
    }
}
