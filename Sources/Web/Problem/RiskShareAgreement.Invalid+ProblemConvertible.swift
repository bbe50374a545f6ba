import Finance

extension RiskShareAgreement.Invalid: ProblemConvertible {
    /// 422: the agreement cannot be settled as it stands.
    var problem: Problem {
        Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-settle", title: "Cannot settle",
            detail: description)
    }
}
