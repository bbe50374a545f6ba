/// Calendar months as Concordat writes them: `YYYY-MM`, the form every monthly figure (ledger months,
/// indicator values, returns, pool payments) is keyed by.
public enum Month {
    /// Whether `text` is a month, `YYYY-MM` with a month from 01 to 12.
    public static func isValid(_ text: String) -> Bool { components(text) != nil }

    /// The year and month of `YYYY-MM`, or `nil`.
    public static func components(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...12).contains(month), (1900...2199).contains(year)
        else { return nil }
        return (year, month)
    }

    /// The month `offset` months after `year`-`month` (negative: before), as `YYYY-MM`.
    public static func label(year: Int, month: Int, offset: Int = 0) -> String {
        let index = year * 12 + month - 1 + offset
        let m = index % 12 + 1
        return "\(index / 12)-\(m < 10 ? "0" : "")\(m)"
    }
}
