import ConcordatCore

/// A finance input that could not be read: the text given and why. The shells say where (an option's
/// name on the command line, a query parameter's on the API).
public struct FinanceInputRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that was refused.
    public var text: String
    /// The reason in words, quoting the text: "'55' is not a fraction below 1: write 55% for a percentage".
    public var description: String

    /// A refusal of `text` because of `reason` (the text quoted cut to 40 characters, so a refusal of a
    /// megabyte does not repeat it).
    public init(_ text: String, _ reason: String) {
        self.text = text
        description = "'\(Self.quoted(text))' \(reason)"
    }

    /// `text` as a refusal quotes it: whole up to 40 characters, else its first 40 and an ellipsis.
    static func quoted(_ text: String) -> String {
        guard text.utf8.count > 40 else { return text }
        let head = text.prefix(41)
        return head.count > 40 ? String(head.prefix(40)) + "…" : text
    }

    /// A refusal of an amount of money, in its own words.
    public init(_ error: MoneyParsingError) {
        text = error.text
        description = error.description
    }
}
