/// A finance question that cannot be answered as asked: which input and why. Bad input, never a fault.
public struct FinanceQuestionRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input at fault.
    public var field: FinanceField
    /// Why it was refused.
    public var reason: String

    /// A refusal of `field` because of `reason`.
    public init(_ field: FinanceField, _ reason: String) {
        self.field = field
        self.reason = reason
    }

    /// A refusal of `field` for the input refusal `refusal`.
    public init(_ field: FinanceField, _ refusal: FinanceInputRefusal) {
        self.init(field, refusal.description)
    }

    /// "--component-shares: 'G&A=55' has a value that …", as the command line says it.
    public var description: String { "\(field.option): \(reason)" }
}
