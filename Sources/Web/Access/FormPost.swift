import ConcordatCore
import Foundation
import Hummingbird

/// A form posted from a page by a signed-in person: its fields, after checking the session's CSRF token.
enum FormPost {
    /// A form that carries nothing but its CSRF token: a button.
    struct TokenForm: Decodable {
        var csrf: String?
    }

    /// The session of someone pressing a button (a form of only its CSRF token) whose role `allowed` admits.
    /// - Throws: as ``read(_:from:csrf:may:toDo:)``.
    static func session(from request: Request, may allowed: (Role) -> Bool, toDo what: String) async throws
        -> SignedIn
    {
        try await read(TokenForm.self, from: request, csrf: \.csrf, may: allowed, toDo: what).session
    }

    /// The form's fields and the signed-in session, whose role `allowed` admits.
    /// - Throws: 401 when no one is signed in; 403 when the CSRF token is missing or wrong, or when the
    ///   role may not do `what`.
    static func read<Fields: Decodable>(
        _ type: Fields.Type, from request: Request, csrf: (Fields) -> String?,
        may allowed: (Role) -> Bool = { _ in true }, toDo what: String = ""
    ) async throws -> (fields: Fields, session: SignedIn) {
        guard let session = SignedIn.current else { throw Problem.unauthorised("sign in first") }
        let body = String(buffer: try await request.body.collect(upTo: 65_536))
        let fields: Fields
        do { fields = try URLEncodedFormDecoder().decode(Fields.self, from: body) } catch {
            throw Problem.invalidRequest("the form could not be read: \(error)")
        }
        guard csrf(fields) == session.csrf else {
            throw Problem(
                status: .forbidden, type: "https://concordat.dev/problems/csrf", title: "Not allowed",
                detail: "the form's security token is missing or out of date: reload the page and try again")
        }
        guard allowed(session.user.role) else {
            throw Problem.forbidden(
                "\(session.user.username) is signed in as \(session.user.role.rawValue), which may not \(what)")
        }
        return (fields, session)
    }

    /// A redirect after a successful post (post/redirect/get).
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
