import ConcordatCore
import Foundation
import Hummingbird
import Storage

/// Signing in and out with a server session: `GET|POST /sign-in`, `POST /sign-out`. The sign-in form is
/// protected by a double-submit CSRF token (a cookie and a hidden field that must match); signing out
/// needs the session's own CSRF token. Passwords are checked through the request's ``Caller``, so
/// failures are throttled by account and by address (429 with `Retry-After` while held back).
struct SignInController<Context: RequestContext> {
    let store: any Store
    let renderer: PageRenderer

    /// The sign-in page's model.
    struct SignInPage {
        var csrf: String
        var username: String
        var hasError: Bool
        var error: String
    }

    /// The form's fields.
    struct SignInForm: Decodable {
        var username: String?
        var password: String?
        var csrf: String?
    }

    /// A form that carries only the CSRF token.
    static var formCookie: String { "concordat_signin" }

    static func token() -> String { SQLiteStore.randomToken() }

    func form(_ request: Request, username: String = "", error: String? = nil, status: HTTPResponse.Status = .ok)
        -> Response
    {
        let token = Self.token()
        var response = renderer.page(
            .signIn, title: "Sign in", systemName: "",
            model: SignInPage(csrf: token, username: username, hasError: error != nil, error: error ?? ""),
            status: status)
        response.setCookie(
            Cookie(
                name: Self.formCookie, value: token, maxAge: 3600, path: "/sign-in", secure: true, httpOnly: true,
                sameSite: .strict))
        return response
    }

    /// The routes.
    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/sign-in") { request, _ in form(request) }
        routes.post("/sign-in", use: signIn)
        routes.post("/sign-out", use: signOut)
        return routes
    }

    /// `POST /sign-in`: checks the form's token and the password, and starts a session.
    @Sendable func signIn(_ request: Request, context: Context) async throws -> Response {
        let body = String(buffer: try await request.body.collect(upTo: 16_384))
        let fields = (try? URLEncodedFormDecoder().decode(SignInForm.self, from: body)) ?? SignInForm()
        guard let sent = fields.csrf, let expected = request.cookies[Self.formCookie]?.value, sent == expected
        else {
            return form(request, error: "The form had expired. Please sign in again.", status: .forbidden)
        }
        let username = fields.username ?? ""
        let caller = Caller.current ?? Caller(address: "unknown", credentials: CredentialCheck(store: store))
        let account: UserAccount?
        do {
            account = try await caller.credentials.password(
                fields.password ?? "", of: username, from: caller.address)
        } catch let throttled as HeaderedProblem {
            let wait = throttled.retryAfter ?? 1
            var response = form(
                request, username: username,
                error: "Too many failed attempts. Please wait \(wait) second\(wait == 1 ? "" : "s") and try again.",
                status: .tooManyRequests)
            for field in throttled.headers { response.headers[field.name] = field.value }
            return response
        }
        guard let account else {
            return form(
                request, username: username, error: "The username or password is not right.", status: .unauthorized)
        }
        let session = try await store.createSession(username: account.username, lifetime: SignedIn.lifetime)
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(
            SignedIn.cookie(session.token, maxAge: Int(SignedIn.lifetime), secure: SignedIn.isSecure(request)))
        return response
    }

    /// `POST /sign-out`: ends the session, with the form's token.
    @Sendable func signOut(_ request: Request, context: Context) async throws -> Response {
        let body = String(buffer: try await request.body.collect(upTo: 4_096))
        let fields =
            (try? URLEncodedFormDecoder().decode(FormPost.TokenForm.self, from: body)) ?? FormPost.TokenForm()
        guard let session = SignedIn.current, fields.csrf == session.csrf else {
            throw Problem(
                status: .forbidden, type: "https://concordat.dev/problems/csrf", title: "Not allowed",
                detail: "signing out needs the form's token")
        }
        try await store.deleteSession(token: session.token)
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(SignedIn.cookie("", maxAge: 0, secure: SignedIn.isSecure(request)))
        return response
    }
}
