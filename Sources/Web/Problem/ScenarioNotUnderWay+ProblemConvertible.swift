import Partnership

extension ScenarioNotUnderWay: ProblemConvertible {
    /// 409: the scenario's run has already ended (done, failed or cancelled).
    var problem: Problem { .conflict(description) }
}
