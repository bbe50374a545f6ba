import ConcordatCore

/// A finance input that could not be read: the text given and why. The shells say where (an option's
/// name on the command line, a query parameter's on the API).
public struct FinanceInputRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that was refused.
    public var text: String
    /// The reason in words, quoting the text: "'55' is not a fraction below 1: write 55% for a percentage".
    public var description: String

    /// A refusal of `text` because of `reason`.
    public init(_ text: String, _ reason: String) {
        self.text = text
        description = "'\(text)' \(reason)"
    }

    /// A refusal of an amount of money, in its own words.
    public init(_ error: MoneyParsingError) {
        text = error.text
        description = error.description
    }
}
