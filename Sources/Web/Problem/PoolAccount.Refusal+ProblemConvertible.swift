import Finance

extension PoolAccount.Refusal: ProblemConvertible {
    /// 422: a pool's rule (its ring-fence, its balance) refuses the change; the rule is named.
    var problem: Problem { .ruleBroken(rule, description) }
}
