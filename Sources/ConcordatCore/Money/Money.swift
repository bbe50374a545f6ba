/// An amount of money in whole pence (Int64): never a floating-point number.
public struct Money: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The amount in pence.
    public var pence: Int64

    /// Makes an amount from pence.
    public init(pence: Int64) { self.pence = pence }

    /// Zero.
    public static let zero = Money(pence: 0)

    /// Reads "£3,100,000,000", "3100000000.50", "£3.1bn", "£250m", "£12k" (pounds; an optional £; commas;
    /// at most two decimal places unless a k/m/bn multiplier is given).
    public init?(parsing text: String) {
        var body = text.replacingAll(",", with: "").lowercased()
        if body.hasPrefix("£") { body.removeFirst() }
        var multiplier: Int64 = 1
        for (suffix, factor) in [("bn", Int64(1_000_000_000)), ("m", 1_000_000), ("k", 1_000)]
        where body.hasSuffix(suffix) {
            multiplier = factor
            body.removeLast(suffix.count)
            break
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII),
            parts[0].allSatisfy(\.isNumber),
            let whole = Int64(parts[0])
        else { return nil }
        var fraction = Substring("")
        if parts.count == 2 {
            fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber) else { return nil }
        }
        // Pence = (whole + fraction) × multiplier × 100, exactly, in integers.
        let scale = Int64(100) * multiplier
        var digits = 1 as Int64
        for _ in fraction { digits *= 10 }
        guard let fractionValue = fraction.isEmpty ? 0 : Int64(fraction) else { return nil }
        let (wholePence, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow, (fractionValue * scale) % digits == 0 else { return nil }  // no fractions of a penny
        pence = wholePence + fractionValue * scale / digits
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
    /// Weights must be non-negative with a positive sum; otherwise everything goes to nobody (`nil`).
    /// A negative amount (a deficit) is split as its magnitude, so every part has the amount's sign.
    public func split(by weights: [Double]) -> [Money]? {
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

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
