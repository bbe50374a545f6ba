import Hummingbird

extension HTTPError: ProblemConvertible {
    /// Hummingbird's own errors (an unmatched route, a missing parameter) with their status, as problems.
    var problem: Problem {
        let detail = body ?? status.reasonPhrase
        switch status {
        case .notFound: return .notFound(body ?? "there is nothing at this address")
        case .badRequest: return .invalidRequest(detail)
        default: return Problem(status: status, type: "about:blank", title: status.reasonPhrase, detail: detail)
        }
    }
}
