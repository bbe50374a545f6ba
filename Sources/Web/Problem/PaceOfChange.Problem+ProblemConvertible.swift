import Finance

extension PaceOfChange.Problem: ProblemConvertible {
    /// 422: pace of change cannot be applied with the baselines and rates given.
    var problem: Web.Problem {
        Web.Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-compute",
            title: "Cannot compute", detail: description)
    }
}
