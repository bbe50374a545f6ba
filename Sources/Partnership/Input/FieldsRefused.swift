import ConcordatCore

/// A request a use case refused for its fields: what was not done, and each field refused with why. The
/// web answers it as a 400 problem naming the fields; the command line prints it.
public struct FieldsRefused: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was not done, in words ("the risk was not saved").
    public var summary: String
    /// Each field refused, in the order found.
    public var fields: [FieldRefusal]

    /// A refusal of `fields`, saying `summary`.
    public init(_ summary: String, fields: [FieldRefusal]) {
        self.summary = summary
        self.fields = fields
    }

    /// A refusal of one field.
    public init(_ summary: String, field: String, reason: String) {
        self.init(summary, fields: [FieldRefusal(field: field, reason: reason)])
    }

    /// The summary and every field's reason.
    public var description: String {
        ([summary] + fields.map(\.description)).joined(separator: "; ")
    }
}
