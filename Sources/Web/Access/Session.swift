import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// The signed-in person for the request being handled, if any: set by ``SessionMiddleware`` from the
/// session cookie and read by pages (to show who is signed in and to put the CSRF token in forms) and by
/// ``Authentication``.
struct SignedIn: Sendable {
    var user: UserAccount
    var csrf: String
    var token: String

    /// The current request's session.
    @TaskLocal static var current: SignedIn?

    /// The session cookie's name.
    static let cookie = "concordat_session"

    /// How long a session lasts: a working day.
    static let lifetime: TimeInterval = 8 * 3600

    /// The session cookie: HttpOnly (no script can read it), SameSite=Strict (never sent from another
    /// site), and Secure whenever the request came over HTTPS (directly or through a TLS-terminating proxy
    /// that says so with `X-Forwarded-Proto: https`). Only the plain-HTTP loopback demo goes without Secure,
    /// because browsers will not store a Secure cookie from http://127.0.0.1.
    static func cookie(_ token: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(
            name: cookie, value: token, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// Whether `request` arrived over HTTPS.
    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme?.rawValue == "https"
            || request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }
}

/// Reads the session cookie and makes its user the request's ``SignedIn/current``.
struct SessionMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: any Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let token = request.cookies[SignedIn.cookie]?.value, token.count == 64,
            let (user, csrf) = try? await store.session(token: token)
        else {
            return try await next(request, context)
        }
        return try await SignedIn.$current.withValue(SignedIn(user: user, csrf: csrf, token: token)) {
            try await next(request, context)
        }
    }
}
