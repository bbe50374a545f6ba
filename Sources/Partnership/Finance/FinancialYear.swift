/// An NHS financial year, April to March, written `2026/27`.
public struct FinancialYear: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The calendar year it starts in (April).
    public var start: Int

    /// The year starting in April of `start`.
    public init(start: Int) { self.start = start }

    /// Reads `2026/27`: four digits, a slash, and the next year's last two digits.
    public init(parsing text: String) throws(FinanceInputRefusal) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let first = Int(parts[0]), let second = Int(parts[1]), (first + 1) % 100 == second
        else { throw FinanceInputRefusal(text, "is not a financial year such as 2026/27") }
        start = first
    }

    /// `2026/27`.
    public var description: String { "\(start)/\(String(format2: (start + 1) % 100))" }
}

extension String {
    fileprivate init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
