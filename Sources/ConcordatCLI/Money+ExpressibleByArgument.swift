import ArgumentParser
import ConcordatCore
import Partnership

extension Money: ExpressibleByArgument {
    /// An amount as a finance user writes it (``FinanceInput/money(_:)``): `£3.1bn`, `£250m`, `12500000.50`.
    public init?(argument: String) {
        guard let money = try? FinanceInput.money(argument) else { return nil }
        self = money
    }

    /// The same, saying why a value is refused: `--control-total <amount>: '£x' has no digits`.
    static func argument(_ text: String) throws -> Money { try FinanceInput.money(text) }
}
