import Governance

extension RiskScore.Invalid: ProblemConvertible {
    /// 400: a risk's likelihood or consequence is not scored 1 to 5.
    var problem: Web.Problem { .invalidRequest(description) }
}
