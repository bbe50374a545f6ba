/// A proportion's confidence interval by Wilson's score method, as Fingertips and PHEindicatormethods
/// compute it: (2r + z² ∓ z√(z² + 4r(1 − r/n))) ÷ 2(n + z²).
///
/// Sources: Wilson EB, *J Am Stat Assoc* 1927;22:209–12; Newcombe RG, Altman DG, in *Statistics with
/// confidence* (2nd edn, BMJ Books, 2000), pp. 46–48.
public enum WilsonInterval {
    /// The interval for `count` of `denominator`.
    /// - Throws: ``StatisticInputError`` when the count is negative, exceeds the denominator, or the
    ///   denominator is not positive.
    public static func of(count: Double, denominator: Double, confidence: Double = 0.95) throws(StatisticInputError)
        -> ConfidenceInterval
    {
        guard count.isFinite, denominator.isFinite, count >= 0, denominator > 0, count <= denominator else {
            throw StatisticInputError("a proportion needs 0 ≤ count ≤ denominator and a positive denominator")
        }
        guard confidence > 0, confidence < 1 else {
            throw StatisticInputError("the confidence must be between 0 and 1")
        }
        let z = NormalDistribution.twoSided(confidence)
        let spread = z * (z * z + 4 * count * (1 - count / denominator)).squareRoot()
        let scale = 2 * (denominator + z * z)
        return ConfidenceInterval(
            lower: (2 * count + z * z - spread) / scale, upper: (2 * count + z * z + spread) / scale,
            confidence: confidence)
    }
}
