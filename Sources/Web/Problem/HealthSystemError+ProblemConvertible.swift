import ConcordatCore

extension HealthSystemError: ProblemConvertible {
    /// 422: the system's hierarchy cannot answer as asked.
    var problem: Web.Problem {
        Web.Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-compute",
            title: "Cannot compute", detail: description)
    }
}
