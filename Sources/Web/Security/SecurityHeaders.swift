import Foundation
import HTTPTypes
import Hummingbird

/// The headers every answer carries, error pages included:
///
/// - `Content-Security-Policy`: everything from this origin only, no inline script or style (the pages
///   have none: their look is all in `/styles.css`, their charts are inline SVG styled by class), no
///   plugins, forms post only here, and no other site may frame a page; with `X-Frame-Options: DENY` for
///   older browsers.
/// - `X-Content-Type-Options: nosniff`, `Referrer-Policy: strict-origin-when-cross-origin` (another site
///   learns only that a visitor came from Concordat, never an address with its practice or area codes;
///   `no-referrer` would also make browsers send `Origin: null` on our own forms, which older browsers
///   cannot vouch for), `Cross-Origin-Opener-Policy` and
///   `Cross-Origin-Resource-Policy: same-origin` (no other site may embed what we serve).
/// - `Strict-Transport-Security` when the request came over HTTPS (directly, or through a proxy that says
///   so with `X-Forwarded-Proto: https`).
/// - `Cache-Control: private, no-store` on everything answered to a signed-in request (a session cookie, or an
///   `Authorization` header), on the sign-in form, and always on identifiable data (the top-risk cohort and
///   the access log), so no shared or browser cache keeps them.
///
/// A HEAD request gets the headers its GET would, with no body.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    /// The content security policy.
    static var contentSecurityPolicy: String {
        "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"
    }

    /// HSTS: a year.
    static var strictTransportSecurity: String { "max-age=31536000" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "strict-origin-when-cross-origin"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        response.headers[.crossOriginResourcePolicy] = "same-origin"
        if SignedIn.isSecure(request) {
            response.headers[.strictTransportSecurity] = Self.strictTransportSecurity
        }
        if Self.isPrivate(request, response) {
            response.headers[.cacheControl] = "private, no-store"
        }
        if request.method == .head {
            response = response.createHeadResponse()
        }
        return response
    }

    /// Whether no cache may keep `response`: identifiable data, the sign-in form, or an answer to someone
    /// signed in (except the public stylesheet).
    static func isPrivate(_ request: Request, _ response: Response) -> Bool {
        let path = request.uri.path
        if isIdentifiable(path) || path == "/sign-in" || response.headers[.setCookie] != nil { return true }
        let signedIn = request.headers[.authorization] != nil || request.cookies[SignedIn.cookie] != nil
        return signedIn && path != "/styles.css"
    }

    /// Whether `path` serves data about identifiable people: a practice's top-risk cohort, the access log.
    static func isIdentifiable(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return path == "/api/v1/access-log"
            || (parts.count == 5 && parts[0] == "api" && parts[1] == "v1" && parts[2] == "practices"
                && parts[4] == "cohort")
    }
}

extension HTTPField.Name {
    static var xFrameOptions: Self { .init("X-Frame-Options")! }
    static var referrerPolicy: Self { .init("Referrer-Policy")! }
    static var crossOriginOpenerPolicy: Self { .init("Cross-Origin-Opener-Policy")! }
}
