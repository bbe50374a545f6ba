import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// Who is asking: a browser's session, an API token (`Authorization: Bearer`), or, from scripts only,
/// HTTP Basic (RFC 7617). Every password and token check is throttled (``CredentialCheck``). A failed or
/// missing sign-in is a 401 problem; its challenge is `Bearer`, never `Basic`, so no browser is ever
/// asked for a password it would then keep sending.
struct Authentication {
    let store: any Store

    /// The signed-in user.
    /// - Throws: a 401 ``Problem`` when credentials are missing or wrong; 403 when a browser session's
    ///   write lacks its CSRF token; 429 while the account or address is held back after failures.
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
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthorised("sign in with an API token (Authorization: Bearer …)")
        }
        let caller = Caller.current ?? Caller(address: "unknown", credentials: CredentialCheck(store: store))
        let scheme = header.prefix { $0 != " " }.lowercased()
        let value = header.drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
        switch scheme {
        case "bearer":
            guard let account = try await caller.credentials.token(value, from: caller.address) else {
                throw Problem.unauthorised("the API token is not right, or has been revoked")
            }
            return account
        case "basic":
            // Scripts only: a browser says where a request comes from (Sec-Fetch-Site) or carries cookies,
            // and a password a browser sends by itself is one it was tricked into keeping.
            guard request.headers[.cookie] == nil, request.headers[Self.secFetchSite] == nil else {
                throw Problem.unauthorised(
                    "HTTP Basic is for scripts, not browsers (nor requests with cookies): sign in at /sign-in, or use an API token"
                )
            }
            guard let decoded = Data(base64Encoded: value), let text = String(data: decoded, encoding: .utf8),
                let colon = text.firstIndex(of: ":")
            else {
                throw Problem.unauthorised("the Basic credentials are not base64 of username:password")
            }
            let username = String(text[..<colon])
            let password = String(text[text.index(after: colon)...])
            guard let account = try await caller.credentials.password(password, of: username, from: caller.address)
            else {
                throw Problem.unauthorised("the username or password is not right")
            }
            return account
        default:
            throw Problem.unauthorised("sign in with an API token (Authorization: Bearer …)")
        }
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

    /// `Sec-Fetch-Site`: sent by every current browser, saying whether a request comes from the page's own
    /// site or another.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}

extension Problem {
    /// 401: sign in first.
    static func unauthorised(_ detail: String) -> Problem {
        Problem(
            status: .unauthorized, type: "https://concordat.dev/problems/unauthorised", title: "Sign in needed",
            detail: detail)
    }
}
