import Partnership

extension ScenarioStudy.Problem: ProblemConvertible {
    /// 409: the store holds no system or no dataset to run a scenario over.
    var problem: Problem { .conflict(description) }
}
