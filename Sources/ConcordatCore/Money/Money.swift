/// An amount of money in whole pence (Int64): never a floating-point number.
public struct Money: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The amount in pence.
    public var pence: Int64

    /// Makes an amount from pence.
    public init(pence: Int64) { self.pence = pence }

    /// Zero.
    public static let zero = Money(pence: 0)

    /// The largest amount that may enter from outside (a file, a form, a query, the command line):
    /// £1 trillion, five times NHS England's whole budget. Bounding input here keeps every sum of a few
    /// thousand such amounts, and every split of one, far inside `Int64` and exact in `Double`.
    public static let inputLimit = Money(pence: 100_000_000_000_000)

    /// Reads "£3,100,000,000", "3100000000.50", "£3.1bn", "£250m", "£12k" (pounds; an optional £;
    /// commas only between groups of three digits of the whole pounds; at most two decimal places
    /// unless a k/m/bn multiplier is given); `nil` when ``parse(_:)`` would throw.
    public init?(parsing text: String) {
        guard let amount = try? Money.parse(text) else { return nil }
        self = amount
    }

    /// Reads an amount in pounds as ``init(parsing:)`` describes, up to ``inputLimit``.
    /// - Throws: ``MoneyParsingError`` saying what could not be read: a misplaced comma ("£3,1bn") or
    ///   point, a fraction of a penny, a character that is not part of an amount, or too large an amount.
    public static func parse(_ text: String) throws(MoneyParsingError) -> Money {
        var body = Substring(text.lowercased())
        if body.hasPrefix("£") { body.removeFirst() }
        var multiplier: Int64 = 1
        for (suffix, factor) in [("bn", Int64(1_000_000_000)), ("m", 1_000_000), ("k", 1_000)]
        where body.hasSuffix(suffix) {
            multiplier = factor
            body.removeLast(suffix.count)
            break
        }
        guard !body.isEmpty else { throw MoneyParsingError(.empty, text: text) }
        guard body.allSatisfy({ $0 == "," || $0 == "." || ("0"..."9").contains($0) }) else {
            throw MoneyParsingError(.notANumber, text: text)
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty, parts.count == 1 || !parts[1].isEmpty else {
            throw MoneyParsingError(.misplacedPoint, text: text)
        }
        guard !parts.dropFirst().contains(where: { $0.contains(",") }) else {
            throw MoneyParsingError(.misplacedSeparator, text: text)
        }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count == 1 || (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { throw MoneyParsingError(.misplacedSeparator, text: text) }
        let wholeDigits = groups.joined()
        let fraction = parts.count == 2 ? parts[1] : ""
        // Pence = (whole + fraction) × multiplier × 100, exactly, in integers; no more than the limit.
        let scale = Int64(100) * multiplier
        let significant = wholeDigits.drop { $0 == "0" }
        guard significant.count <= 15, fraction.count <= 12, let whole = Int64(wholeDigits.isEmpty ? "0" : wholeDigits),
            let fractionValue = Int64(fraction.isEmpty ? "0" : fraction)
        else { throw MoneyParsingError(.outOfRange, text: text) }
        var digits: Int64 = 1
        for _ in fraction { digits *= 10 }
        let (wholePence, overflow) = whole.multipliedReportingOverflow(by: scale)
        let (fractionScaled, fractionOverflow) = fractionValue.multipliedReportingOverflow(by: scale)
        guard !overflow, !fractionOverflow else { throw MoneyParsingError(.outOfRange, text: text) }
        guard fractionScaled % digits == 0 else { throw MoneyParsingError(.fractionOfAPenny, text: text) }
        let (pence, sumOverflow) = wholePence.addingReportingOverflow(fractionScaled / digits)
        guard !sumOverflow, pence <= inputLimit.pence else { throw MoneyParsingError(.outOfRange, text: text) }
        return Money(pence: pence)
    }

    /// "£1,234.56" ("-£12.00" when negative).
    public var description: String {
        let magnitude = pence.magnitude
        let rest = magnitude % 100
        return (pence < 0 ? "-" : "") + "£" + (magnitude / 100).grouped + "." + (rest < 10 ? "0" : "") + String(rest)
    }

    /// Earlier (smaller) amounts first.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }

    /// The sum.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence + rhs.pence) }

    /// The difference.
    public static func - (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence - rhs.pence) }

    /// Splits the amount in proportion to `weights` so that the parts add up to the whole, to the penny:
    /// each part gets the whole pence of its exact quota, and the pence left over go one each to the
    /// largest remainders (ties to the earlier part) — the largest remainder (Hamilton) method.
    /// Weights must be non-negative with a positive sum, and the amount within ±2^53 pence (£90 trillion);
    /// otherwise everything goes to nobody (`nil`).
    /// A negative amount (a deficit) is split as its magnitude, so every part has the amount's sign.
    public func split(by weights: [Double]) -> [Money]? {
        // Beyond 2^53 pence a quota is no longer exact in `Double`, and its floor may not fit in `Int64`.
        guard pence.magnitude <= 1 << 53 else { return nil }
        if pence < 0 { return Money(pence: -pence).split(by: weights)?.map { Money(pence: -$0.pence) } }
        let total = weights.reduce(0, +)
        guard total > 0, weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        let amount = Double(pence)
        var parts = weights.map { Int64((amount * $0 / total).rounded(.down)) }
        let remainders = weights.enumerated().map {
            ($0.offset, amount * $0.element / total - Double(parts[$0.offset]))
        }
        let ranked = remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }).map(\.0)
        var left = pence - parts.reduce(0, +)
        // Floating-point quotas can land a penny either side of exact; settle the difference either way.
        var cursor = 0
        while left > 0 {
            parts[ranked[cursor % ranked.count]] += 1
            left -= 1
            cursor += 1
        }
        cursor = ranked.count - 1
        while left < 0 {
            let index = ranked[(cursor % ranked.count + ranked.count) % ranked.count]
            if parts[index] > 0 {
                parts[index] -= 1
                left += 1
            }
            cursor -= 1
        }
        return parts.map(Money.init(pence:))
    }
}
