import ConcordatCore

extension MoneyParsingError: ProblemConvertible {
    /// 400: an amount of money could not be read; the detail quotes it.
    var problem: Web.Problem { .invalidRequest(description) }
}
