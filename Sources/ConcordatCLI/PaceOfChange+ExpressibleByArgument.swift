import ArgumentParser
import Finance
import Partnership

extension PaceOfChange: ExpressibleByArgument {
    /// A pace-of-change policy such as `floor=1%,cap=5%` (``FinanceInput/pace(_:)``).
    public init?(argument: String) {
        guard let pace = try? FinanceInput.pace(argument) else { return nil }
        self = pace
    }

    /// The same, saying why a value is refused.
    static func argument(_ text: String) throws -> PaceOfChange { try FinanceInput.pace(text) }
}
