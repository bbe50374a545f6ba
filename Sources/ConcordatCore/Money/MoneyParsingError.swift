/// Why a piece of text is not an amount of money: what could not be read, so that a user can put it right.
public struct MoneyParsingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of fault, stable for callers to match on.
    public enum Code: String, Sendable, Hashable {
        /// Nothing but perhaps a £ sign.
        case empty
        /// A character that is not a digit, a £ sign, a point, a thousands comma or a k/m/bn multiplier.
        case notANumber
        /// Commas that do not separate groups of exactly three digits in the whole pounds.
        case misplacedSeparator
        /// More than one decimal point, or nothing after it.
        case misplacedPoint
        /// Digits after the point that would make a fraction of a penny.
        case fractionOfAPenny
        /// More than ``Money/inputLimit``: larger than any budget, and large enough to overflow sums.
        case outOfRange
    }

    /// What was wrong.
    public var code: Code
    /// The text that was read.
    public var text: String

    /// Makes an error.
    public init(_ code: Code, text: String) {
        self.code = code
        self.text = text
    }

    /// The reason, in words, quoting the text (cut to 40 characters).
    public var description: String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        let why =
            switch code {
            case .empty: "has no digits"
            case .notANumber: "is not an amount in pounds, such as £3.1bn, £250m or 3,100,000.50"
            case .misplacedSeparator: "has a comma that does not separate thousands (write 3,100,000 or 3100000)"
            case .misplacedPoint: "has a decimal point out of place"
            case .fractionOfAPenny: "is a fraction of a penny"
            case .outOfRange: "is more than \(Money.inputLimit), the largest amount Concordat accepts"
            }
        return "'\(shown)' \(why)"
    }
}
