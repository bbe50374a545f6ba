import Finance

extension SharedSavingsProgram.Invalid: ProblemConvertible {
    /// 422: the shared savings settlement cannot be made as it stands.
    var problem: Web.Problem {
        Web.Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-settle", title: "Cannot settle",
            detail: description)
    }
}
