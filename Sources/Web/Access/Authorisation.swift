import ConcordatCore
import Partnership

/// Where the API and the browser's forms apply the one ``AccessPolicy``: a refusal becomes a 403 problem
/// with the policy's reason.
enum Authorisation {
    /// Checks that `account` may do `action`.
    /// - Throws: a 403 ``Problem`` with the policy's reason when it may not.
    static func require(_ account: UserAccount, _ action: AccessPolicy.Action) throws {
        if case .refused(let reason) = AccessPolicy.decide(Actor(account), action) {
            throw Problem.forbidden(reason)
        }
    }

    /// Runs a use case, answering the policy's refusal (``ActionRefused``) as a 403 problem with its reason.
    static func translating<Result>(_ body: () async throws -> Result) async throws -> Result {
        do { return try await body() } catch let refused as ActionRefused { throw Problem.forbidden(refused.reason) }
    }

    /// The organisations accountable for `place` in `organisations` (their ``Organisation/places``).
    static func accountable(for place: String, among organisations: [Organisation]) -> [String] {
        organisations.filter { $0.places.contains(place) }.map(\.code)
    }
}
