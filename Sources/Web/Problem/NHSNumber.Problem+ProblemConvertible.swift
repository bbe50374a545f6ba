import ConcordatCore

extension NHSNumber.Problem: ProblemConvertible {
    /// 400: an NHS number is not valid (the detail never repeats it).
    var problem: Web.Problem { .invalidRequest(description) }
}
