import Finance

extension Ledger.Invalid: ProblemConvertible {
    /// 422: the ledger cannot be made from the lines and months given.
    var problem: Web.Problem {
        Web.Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-compute",
            title: "Cannot compute", detail: description)
    }
}
