/// Financial years as scenarios write them, `2027/28` (April to March), held as the first calendar year.
public enum ScenarioYear {
    /// The first calendar year of `2027/28`, or `nil` if it is not a financial year between 2000/01 and
    /// 2199/00.
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let first = Int(parts[0]),
            let second = Int(parts[1]), (2000...2199).contains(first), second == (first + 1) % 100
        else { return nil }
        return first
    }

    /// `2027/28` for 2027.
    public static func label(_ year: Int) -> String {
        let next = (year + 1) % 100
        return "\(year)/\(next < 10 ? "0" : "")\(next)"
    }
}
