import ArgumentParser
import Partnership

extension FinancialYear: ExpressibleByArgument {
    /// A financial year such as `2026/27`.
    public init?(argument: String) {
        guard let year = try? FinancialYear(parsing: argument) else { return nil }
        self = year
    }

    /// The same, saying why a value is refused.
    static func argument(_ text: String) throws -> FinancialYear { try FinancialYear(parsing: text) }
}
