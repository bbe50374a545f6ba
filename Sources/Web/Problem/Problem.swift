import Foundation
import HTTPTypes
import Hummingbird

/// An RFC 9457 problem details document: how every API error is reported.
///
/// `type` is a stable URI naming the kind of problem, `title` a short summary, `detail` what went wrong
/// this time, and `invalidParams` (the RFC's own example extension) which fields were refused and why.
///
/// A problem is Hummingbird's `HTTPResponseError`: thrown anywhere, it answers with its own status.
public struct Problem: HTTPResponseError, Codable, Sendable, Equatable {
    /// A URI naming the kind of problem.
    public var type: String
    /// A short human-readable summary of the kind.
    public var title: String
    /// The HTTP status code, as the document's `status` member.
    public var statusCode: Int
    /// What went wrong with this request.
    public var detail: String
    /// The fields that were refused, when the request body was invalid.
    public var invalidParams: [InvalidParam]?
    /// The rule a refused request broke (a ring-fence's name), when one did.
    public var rule: String?

    /// One refused field.
    public struct InvalidParam: Codable, Sendable, Equatable {
        /// The field's name (a JSON key, or a path such as `levels[0].key`).
        public var name: String
        /// Why it was refused.
        public var reason: String

        /// Makes an entry.
        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// Makes a problem.
    public init(
        status: HTTPResponse.Status, type: String, title: String, detail: String, invalidParams: [InvalidParam]? = nil
    ) {
        self.type = type
        self.title = title
        self.statusCode = status.code
        self.detail = detail
        self.invalidParams = invalidParams
    }

    /// 404: nothing at this address.
    public static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, type: "https://concordat.dev/problems/not-found", title: "Not found", detail: detail)
    }

    /// 400: the request body or parameters are not acceptable.
    public static func invalidRequest(_ detail: String, invalidParams: [InvalidParam]? = nil) -> Problem {
        Problem(
            status: .badRequest, type: "https://concordat.dev/problems/invalid-request", title: "Invalid request",
            detail: detail, invalidParams: invalidParams)
    }

    /// 422: the request is well formed but breaks a rule (a ring-fence, a pool's balance).
    public static func ruleBroken(_ rule: String, _ detail: String) -> Problem {
        var problem = Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/rule-broken",
            title: "Refused by a rule",
            detail: detail)
        problem.rule = rule
        return problem
    }

    /// 422: the memorandum of understanding refuses what was asked (a vote, a ratification, a change).
    public static func refusedByMemorandum(_ detail: String) -> Problem {
        Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/refused-by-memorandum",
            title: "Refused by the memorandum", detail: detail)
    }

    /// 403: signed in, but the role may not do this.
    public static func forbidden(_ detail: String) -> Problem {
        Problem(
            status: .forbidden, type: "https://concordat.dev/problems/forbidden", title: "Not allowed", detail: detail)
    }

    /// 409: the request conflicts with what is stored.
    public static func conflict(_ detail: String) -> Problem {
        Problem(status: .conflict, type: "https://concordat.dev/problems/conflict", title: "Conflict", detail: detail)
    }

    private enum CodingKeys: String, CodingKey {
        case type, title
        case statusCode = "status"
        case detail, invalidParams, rule
    }

    /// The HTTP status, as Hummingbird's `HTTPResponseError` asks for it.
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: statusCode) }

    /// The problem as an `application/problem+json` response (Hummingbird's `HTTPResponseError`).
    public func response(from request: Request, context: some RequestContext) -> Response { response() }

    /// The problem as an `application/problem+json` response.
    public func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data()
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        // Bearer, never Basic: a Basic challenge makes a browser ask for a password and then send it,
        // unasked, with every request to this site, including requests another site makes it send.
        if statusCode == 401 { headers[.wwwAuthenticate] = "Bearer realm=\"Concordat\"" }
        return Response(
            status: status,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
