import Assurance
import ConcordatCore
import Foundation
import Storage

/// How a person is named where anyone can see (public pages and the public API): by the organisation
/// they act for, or, for an account of no organisation, by its role ("Board secretary"). Usernames are
/// sign-in names, and a list of them is half of what guessing passwords takes, so they are never shown
/// to others; the signed-in person sees their own in the header.
struct PublicNames: Sendable {
    let store: any Store

    /// `account`'s public name.
    func name(of account: UserAccount) async -> String {
        if let code = account.organisation, let organisation = try? await store.organisation(code: code) {
            return organisation.name
        }
        return account.role.title
    }

    /// The public names of `usernames` (as stored on a record), each looked up once. A username that is no
    /// longer an account is named "a former account".
    func names(of usernames: some Sequence<String>) async -> [String: String] {
        var names: [String: String] = [:]
        for username in Set(usernames) where names[username] == nil {
            if let account = try? await store.user(username) {
                names[username] = await name(of: account)
            } else {
                names[username] = "a former account"
            }
        }
        return names
    }

    /// `returns` with who submitted and who reviewed each named publicly.
    func publicly(_ returns: [AssuranceReturn]) async -> [AssuranceReturn] {
        let names = await names(of: returns.flatMap { [$0.submittedBy] + ($0.reviewedBy.map { [$0] } ?? []) })
        return returns.map { item in
            var named = item
            named.submittedBy = names[item.submittedBy] ?? item.submittedBy
            named.reviewedBy = item.reviewedBy.map { names[$0] ?? $0 }
            return named
        }
    }
}

extension Role {
    /// The role as a person's title: "Board secretary".
    var title: String {
        let words = rawValue.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
