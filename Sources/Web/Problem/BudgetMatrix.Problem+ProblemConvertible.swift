import Finance

extension BudgetMatrix.Problem: ProblemConvertible {
    /// 422: the budget matrix cannot be made from the shares given.
    var problem: Web.Problem {
        Web.Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-compute",
            title: "Cannot compute", detail: description)
    }
}
