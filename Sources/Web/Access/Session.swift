import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
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

/// Says who is asking: makes the client's address and the server's credential check the request's
/// ``Caller/current``, and the session cookie's user its ``SignedIn/current``.
struct SessionMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: any Store
    let credentials: CredentialCheck
    /// Whether the client's address is the last hop of `X-Forwarded-For` (set behind a proxy that writes
    /// it) rather than the peer's address.
    var trustsForwardedFor = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let caller = Caller(address: address(request, context), credentials: credentials)
        return try await Caller.$current.withValue(caller) {
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

    /// The client's address, as the throttle keys it.
    func address(_ request: Request, _ context: Context) -> String {
        if trustsForwardedFor, let forwarded = request.headers[values: Self.forwardedFor].last,
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return last
        }
        return (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress ?? "unknown"
    }

    static var forwardedFor: HTTPField.Name { HTTPField.Name("X-Forwarded-For")! }
}
