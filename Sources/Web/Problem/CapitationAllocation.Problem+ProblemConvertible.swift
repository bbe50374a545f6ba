import Finance

extension CapitationAllocation.Problem: ProblemConvertible {
    /// 422: the allocation cannot be made (a negative control total, no weighted population, place budgets that do not add up).
    var problem: Web.Problem {
        Web.Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-compute",
            title: "Cannot compute", detail: description)
    }
}
