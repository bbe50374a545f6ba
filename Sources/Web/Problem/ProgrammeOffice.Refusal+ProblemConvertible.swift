import Partnership

extension ProgrammeOffice.Refusal: ProblemConvertible {
    /// 404: there is no work programme, or no decision with the reference given.
    var problem: Problem { .notFound(description) }
}
