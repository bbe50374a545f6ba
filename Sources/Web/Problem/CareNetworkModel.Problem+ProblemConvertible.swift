import Finance

extension CareNetworkModel.Problem: ProblemConvertible {
    /// 422: the care-network model cannot split the budget as given.
    var problem: Web.Problem {
        Web.Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-compute",
            title: "Cannot compute", detail: description)
    }
}
