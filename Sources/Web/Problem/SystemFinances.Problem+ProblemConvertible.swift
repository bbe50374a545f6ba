import Finance

extension SystemFinances.Problem: ProblemConvertible {
    /// 409: the money picture cannot be computed from what is loaded.
    var problem: Web.Problem {
        Web.Problem(
            status: .conflict, type: "https://concordat.dev/problems/cannot-compute", title: "Cannot compute",
            detail: description)
    }
}
