import Assurance

extension XmRChart.Invalid: ProblemConvertible {
    /// 422: an SPC chart cannot be drawn from the values given.
    var problem: Web.Problem {
        Web.Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-compute",
            title: "Cannot compute", detail: description)
    }
}
