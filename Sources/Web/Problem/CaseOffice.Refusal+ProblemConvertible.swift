import Partnership

extension CaseOffice.Refusal: ProblemConvertible {
    /// 409: the proposal has been voted on, or no council's red line asks for a determination.
    var problem: Problem { .conflict(description) }
}
