/// Why an ICB asked for by code or name is not in NHS England's file: what was asked, why it matches
/// none (or several), and the nearest codes to try.
public struct UnknownICB: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was asked for, made safe to print (`nil` when it was refused unread).
    public var asked: String?
    /// Why it was refused.
    public var reason: String
    /// The nearest ICBs (code and name), best first.
    public var suggestions: [EnglandAllocationFile.ICB]

    /// Makes the error.
    public init(asked: String?, reason: String, suggestions: [EnglandAllocationFile.ICB]) {
        self.asked = asked
        self.reason = reason
        self.suggestions = suggestions
    }

    /// The reason and the nearest codes in one sentence.
    public var description: String {
        let nearest = suggestions.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
        return reason + (suggestions.isEmpty ? "" : "; nearest: \(nearest)")
            + "; `concordat init --list-icbs` lists all 42"
    }
}
