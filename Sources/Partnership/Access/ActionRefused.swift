import ConcordatCore

/// An action ``AccessPolicy`` refused an actor, with the policy's reason: the web answers it as a 403
/// problem, the command line prints it.
public struct ActionRefused: Error, Sendable, Hashable, CustomStringConvertible {
    /// The action refused.
    public var action: AccessPolicy.Action
    /// Why, in the policy's words.
    public var reason: String

    /// Makes a refusal.
    public init(action: AccessPolicy.Action, reason: String) {
        self.action = action
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
