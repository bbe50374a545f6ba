import ConcordatCore

extension AccessPolicy {
    /// Checks that `actor` may do `action`, as every use case does before it writes.
    /// - Throws: ``ActionRefused`` with the policy's reason when it may not.
    public static func require(_ actor: Actor, _ action: Action) throws(ActionRefused) {
        if case .refused(let reason) = decide(actor, action) { throw ActionRefused(action: action, reason: reason) }
    }
}
