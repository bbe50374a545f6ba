import PopulationHealth

extension StatisticInputError: ProblemConvertible {
    /// 422: a public-health statistic cannot be computed from the counts given.
    var problem: Web.Problem {
        Web.Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-compute",
            title: "Cannot compute", detail: description)
    }
}
