extension Problem: ProblemConvertible {
    /// The problem is its own answer.
    var problem: Problem { self }
}
