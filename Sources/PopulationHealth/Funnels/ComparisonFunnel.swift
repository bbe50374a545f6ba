import Foundation

/// The funnel to compare units (the PCNs of a place, the places of a system) on a proportion with, chosen
/// by Spiegelhalter's test for overdispersion: when the units vary more than chance allows, limits from
/// within-unit (binomial) variation alone flag most large units, so the limits allow for the real variation
/// between them.
///
/// The test: with 10% Winsorised z-scores (``OverdispersedFunnel``), I·φ is compared with the upper 5%
/// point of χ² on I − 1 degrees of freedom (Spiegelhalter DJ, "Handling over-dispersion of performance
/// indicators", *Quality and Safety in Health Care* 2005;14:347–351; the χ² quantile by Wilson and Hilferty's
/// approximation, *PNAS* 1931;17:684–688). Overdispersed units get the additive random-effects model
/// (τ² by DerSimonian–Laird, FunnelPlotR's default), which Spiegelhalter prefers for large units (its limits
/// do not shrink to nothing as the denominator grows); others the unadjusted binomial limits, on the same
/// arcsine scale. Limits are 95% and 99.8%.
public struct ComparisonFunnel: Sendable, Hashable, Codable {
    /// The funnel drawn, with the chosen adjustment.
    public var funnel: OverdispersedFunnel
    /// Whether the units are overdispersed by the test.
    public var overdispersed: Bool
    /// The units compared.
    public var unitCount: Int
    /// The upper 5% point of χ² on I − 1 degrees of freedom that I·φ was compared with.
    public var criticalValue: Double

    /// The funnel for `units` (events among people).
    /// - Throws: ``StatisticInputError`` as ``OverdispersedFunnel/init(units:measure:adjustment:winsorise:)``.
    public init(proportions units: [OverdispersedFunnel.Unit], winsorise: Double = 0.1) throws(StatisticInputError) {
        let test = try OverdispersedFunnel(units: units, measure: .proportion, adjustment: .none, winsorise: winsorise)
        unitCount = units.count
        criticalValue = Self.chiSquareUpper5Percent(degreesOfFreedom: units.count - 1)
        overdispersed = Double(units.count) * test.phi > criticalValue
        funnel =
            overdispersed
            ? try OverdispersedFunnel(units: units, measure: .proportion, adjustment: .additive, winsorise: winsorise)
            : test
    }

    /// The model in words, for the chart: "95% and 99.8% limits, binomial with additive random-effects
    /// overdispersion (φ = 3.1, τ = 0.0123 on the arcsine scale; 10% winsorised)", or the binomial limits
    /// and why.
    public var label: String {
        let phi = String(format: "%.1f", funnel.phi)
        let winsorised = String(format: "%.0f%% winsorised", funnel.winsorisedShare * 100)
        if overdispersed {
            return "95% and 99.8% limits, binomial with additive random-effects overdispersion "
                + "(Spiegelhalter 2005: φ = \(phi), τ = \(String(format: "%.4f", funnel.tau2.squareRoot())) "
                + "on the arcsine scale; \(winsorised))"
        }
        return "95% and 99.8% limits, binomial without overdispersion (φ = \(phi), \(winsorised), is within "
            + "chance for \(unitCount) units by Spiegelhalter's χ² test)"
    }

    /// The upper 5% point of χ² on `k` degrees of freedom, by the Wilson–Hilferty cube-root normal
    /// approximation k(1 − 2/9k + z√(2/9k))³ (within 1% of the exact value from k = 1; 3.84 exactly needs the
    /// exact form, which is used for k = 1).
    static func chiSquareUpper5Percent(degreesOfFreedom k: Int) -> Double {
        guard k > 1 else { return 3.841_459 }
        let z = NormalDistribution.quantile(0.95)
        let a = 2 / (9 * Double(k))
        let cube = 1 - a + z * a.squareRoot()
        return Double(k) * cube * cube * cube
    }
}
