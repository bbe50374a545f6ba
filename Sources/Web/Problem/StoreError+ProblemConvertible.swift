import Storage

extension StoreError: ProblemConvertible {
    /// 404 or 409 for what the request asked of the store; 503 when the store cannot serve (unreachable,
    /// full, damaged), saying so without the store's own words; 500 for anything else.
    var problem: Problem {
        switch code {
        case .notFound: return .notFound(message)
        case .conflict: return .conflict(message)
        case .noSystem:
            return Problem(
                status: .conflict, type: "https://concordat.dev/problems/no-system", title: "No system loaded",
                detail: message)
        case .unavailable:
            return Problem(
                status: .serviceUnavailable, type: "https://concordat.dev/problems/unavailable",
                title: "Store unavailable", detail: "the database cannot be reached; try again shortly")
        case .full:
            return Problem(
                status: .serviceUnavailable, type: "https://concordat.dev/problems/store-full",
                title: "No space to write",
                detail: "the change could not be saved: the server's store has no space left; nothing was changed")
        case .corrupt:
            return Problem(
                status: .serviceUnavailable, type: "https://concordat.dev/problems/store-damaged",
                title: "Store damaged",
                detail: "the server's store is damaged and cannot be used until it is repaired or restored")
        default:
            return Problem(
                status: .internalServerError, type: "about:blank", title: "Internal error",
                detail: "the stored data could not be read")
        }
    }

    /// A full or damaged store is logged as critical; a store fault the codes do not name as an error.
    var fault: ProblemFault? {
        switch code {
        case .notFound, .conflict, .noSystem, .unavailable: nil
        case .full: ProblemFault(level: .critical, message: "a write failed for lack of space")
        case .corrupt: ProblemFault(level: .critical, message: "the store is damaged")
        default: ProblemFault(level: .error, message: "store fault")
        }
    }
}
