import Partnership

extension Secretariat.Refusal: ProblemConvertible {
    /// 409 with no memorandum; 400 for an incomplete proposal; 422 for a decision that does not reopen
    /// the partnership; 403 for a ballot from an account that represents no organisation.
    var problem: Problem {
        switch self {
        case .noMemorandum:
            Problem(
                status: .conflict, type: "https://concordat.dev/problems/no-memorandum", title: "No memorandum",
                detail: description)
        case .proposalIncomplete:
            .invalidRequest("the proposal was not tabled", invalidParams: [.init(name: "id", reason: description)])
        case .notAReopening: .refusedByMemorandum(description)
        case .notARepresentative: .forbidden(description)
        }
    }
}
