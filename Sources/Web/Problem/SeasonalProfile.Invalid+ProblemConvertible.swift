import Finance

extension SeasonalProfile.Invalid: ProblemConvertible {
    /// 422: the seasonal profile's weights cannot spread a year's spend.
    var problem: Web.Problem {
        Web.Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/cannot-compute",
            title: "Cannot compute", detail: description)
    }
}
