import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// Who is asking: HTTP Basic credentials (RFC 7617) checked against the stored bcrypt hash. For scripts
/// and the API; a failed or missing sign-in is a 401 problem inviting Basic authentication.
struct Authentication {
    let store: any Store

    /// The signed-in user.
    /// - Throws: a 401 ``Problem`` when credentials are missing or wrong.
    func user(_ request: Request) async throws -> UserAccount {
        // A browser's session: reads as is; writes must carry the session's CSRF token.
        if request.headers[.authorization] == nil, let session = SignedIn.current {
            if request.method != .get, request.method != .head {
                guard let token = request.headers[HTTPField.Name("X-CSRF-Token")!], token == session.csrf else {
                    throw Problem(
                        status: .forbidden, type: "https://concordat.dev/problems/csrf", title: "Not allowed",
                        detail: "a change made with a browser session must carry its CSRF token")
                }
            }
            return session.user
        }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else {
            throw Problem.unauthorised("sign in with a username and password (HTTP Basic)")
        }
        let username = String(text[..<colon])
        let password = String(text[text.index(after: colon)...])
        guard let account = try await store.user(username), PasswordHashing.verify(password, hash: account.passwordHash)
        else {
            throw Problem.unauthorised("the username or password is not right")
        }
        return account
    }

    /// The signed-in user, if their role passes `allowed`.
    /// - Throws: 401 when not signed in; 403 naming the role needed when signed in without it.
    func user(_ request: Request, may allowed: (Role) -> Bool, toDo what: String) async throws -> UserAccount {
        let account = try await user(request)
        guard allowed(account.role) else {
            throw Problem.forbidden(
                "\(account.username) is signed in as \(account.role.rawValue), which may not \(what)")
        }
        return account
    }
}

extension Problem {
    /// 401: sign in first.
    static func unauthorised(_ detail: String) -> Problem {
        Problem(
            status: .unauthorized, type: "https://concordat.dev/problems/unauthorised", title: "Sign in needed",
            detail: detail)
    }
}
