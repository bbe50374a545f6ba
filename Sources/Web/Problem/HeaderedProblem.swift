import Foundation
import HTTPTypes
import Hummingbird

/// A problem whose answer carries headers of its own: `Retry-After` on a 429, `Allow` on a 405.
/// ``ProblemMiddleware`` answers it like any problem and adds the headers; thrown past it, Hummingbird
/// answers it as the problem+json with the headers (it is an `HTTPResponseError`).
struct HeaderedProblem: HTTPResponseError, ProblemConvertible {
    var problem: Problem
    var headers: HTTPFields

    /// 429: too many failed sign-ins; try again after `seconds` (rounded up, at least 1).
    static func tooManyAttempts(retryAfter seconds: TimeInterval) -> HeaderedProblem {
        let wait = max(1, Int(seconds.rounded(.up)))
        return HeaderedProblem(
            problem: Problem(
                status: .tooManyRequests, type: "https://concordat.dev/problems/too-many-attempts",
                title: "Too many attempts",
                detail:
                    "too many failed sign-ins for this account or from this address: try again in \(wait) second\(wait == 1 ? "" : "s")"
            ),
            headers: [.retryAfter: String(wait)])
    }

    /// 405: the path is served, but not with this method.
    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> HeaderedProblem {
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        return HeaderedProblem(
            problem: Problem(
                status: .methodNotAllowed, type: "https://concordat.dev/problems/method-not-allowed",
                title: "Method not allowed", detail: "this address does not take \(method.rawValue); it takes \(allow)"),
            headers: [.allow: allow])
    }

    /// The headers, added to the problem's answer.
    var responseHeaders: HTTPFields { headers }

    /// The problem's status.
    var status: HTTPResponse.Status { problem.status }

    /// The problem as problem+json, with the headers.
    func response(from request: Request, context: some RequestContext) -> Response {
        var response = problem.response()
        for field in headers { response.headers[field.name] = field.value }
        return response
    }

    /// How many seconds a 429 asks the client to wait, if it is one.
    var retryAfter: Int? { headers[.retryAfter].flatMap { Int($0) } }
}
