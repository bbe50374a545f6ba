import ConcordatCore
import Disclosure
import PopulationHealth

extension NeedsDocument {
    /// What is real in the needs figures, in words for the page and the API.
    static let provenance =
        "Deprivation is real: each person's IMD decile is the national English Indices of Deprivation 2025 decile "
        + "(MHCLG, Open Government Licence) of their 2021 LSOA. In the demo the people are synthetic (concordat synth): "
        + "invented people placed uniformly over the real LSOAs of their practice's district, with invented conditions "
        + "and activity, so the breakdowns show the real geography of deprivation, not real patients' homes or care."

    /// An area's people by IMD decile, Core20 by the areas within it, and the slope index of inequality in
    /// emergency admissions across the deciles, every count through the disclosure gate.
    struct Deprivation: Codable, Sendable {
        /// Deciles 1 (most deprived) to 10; empty below a place (``PublishedFigures/placeLevelSeries``).
        var deciles: [Decile]
        /// People whose decile is unknown or not 1–10 (as published).
        var unknownDecile: Int?
        /// Core20 people (deciles 1–2) in each area within this one.
        var core20ByArea: [Core20Row]
        /// The SII of emergency admissions per 1,000 people across the ten deciles, with its simulated 95%
        /// interval; `nil` when a decile's people or admissions are hidden or none.
        var slopeIndex: SlopeIndex?
        /// Why there is no SII, when there is none.
        var slopeIndexNote: String?

        /// One decile.
        struct Decile: Codable, Sendable {
            var decile: Int
            var people: Int?
            var percent: Double?
            var emergencyAdmissions: Int?
            var emergencyAdmissionsPer1000: Double?
        }

        /// Core20 in one area.
        struct Core20Row: Codable, Sendable {
            var code: String
            var name: String
            var people: Int?
            var core20: Int?
            var percent: Double?
        }

        /// The slope index of inequality and its interval.
        struct SlopeIndex: Codable, Sendable {
            var measure: String
            /// Least deprived end minus most deprived end, per 1,000 people (negative: higher among the most deprived).
            var sii: Double
            var lower: Double
            var upper: Double
            var confidence: Double
            var method: String
        }

        init?(area: Area, profile: PracticeProfile, snapshot: SystemSnapshot) {
            guard let cells = profile.imdDeciles, cells.reduce(0, +) > 0 else { return nil }
            let published = snapshot.published
            let policy = published.policy
            let n = published.count("people", of: area.code)
            core20ByArea = snapshot.system.children(of: area.code).map { child in
                let people = published.count("people", of: child.code)
                let core20 = published.count("core20", of: child.code)
                return Core20Row(
                    code: child.code, name: child.name, people: people.value, core20: core20.value,
                    percent: policy.percent(core20, of: people))
            }
            guard PublishedFigures.publishes("imd.0", for: area, in: snapshot.system) else {
                deciles = []
                slopeIndexNote =
                    "People by IMD decile are published for the system and its places only: below a place most deciles hold too few people to show safely."
                return
            }
            deciles = (1...10).map { decile in
                let people = published.count("imd.\(decile - 1)", of: area.code)
                let admissions = published.count("imd-emergency.\(decile - 1)", of: area.code)
                return Decile(
                    decile: decile, people: people.value, percent: policy.percent(people, of: n),
                    emergencyAdmissions: admissions.value,
                    emergencyAdmissionsPer1000: policy.ratio(admissions, people).map { $0 * 1000 })
            }
            unknownDecile = published.count("imd.10", of: area.code).value
            (slopeIndex, slopeIndexNote) = Self.slopeIndex(deciles)
        }

        /// The SII over the published deciles: rates per 1,000 with the Poisson standard error of the log
        /// rate (1/√admissions), simulated as phe_sii does (100,000 repetitions, seed 1).
        static func slopeIndex(_ deciles: [Decile]) -> (SlopeIndex?, String?) {
            var quantiles: [SlopeIndexOfInequality.Quantile] = []
            var errors: [Double] = []
            for decile in deciles {
                guard let people = decile.people, people > 0, let admissions = decile.emergencyAdmissions,
                    admissions > 0, let rate = decile.emergencyAdmissionsPer1000
                else {
                    return (
                        nil,
                        "The slope index needs people and emergency admissions in all ten deciles; decile \(decile.decile) has none or too few to show."
                    )
                }
                quantiles.append(.init(population: Double(people), value: rate))
                errors.append(1 / Double(admissions).squareRoot())
            }
            do {
                let fitted = try SlopeIndexOfInequality(quantiles: quantiles)
                let interval = try SlopeIndexOfInequality.simulatedInterval(
                    quantiles: quantiles, standardErrors: errors, scale: .rate)
                return (
                    SlopeIndex(
                        measure: "emergency admissions per 1,000 people", sii: fitted.sii, lower: interval.lower,
                        upper: interval.upper, confidence: interval.confidence,
                        method:
                            "weighted least squares on the ridits of the deciles' populations (Low & Low 2004); 95% interval by simulation on the log-rate scale, 100,000 repetitions, as PHEindicatormethods' phe_sii"
                    ), nil
                )
            } catch {
                return (nil, "The slope index cannot be computed: \(error)")
            }
        }
    }

    /// The areas within an area compared on the share of people with an emergency admission, on the funnel
    /// chosen by Spiegelhalter's overdispersion test (``ComparisonFunnel``), from published counts (hidden
    /// areas are left out).
    struct ComparisonFunnelDocument: Codable, Sendable {
        /// "additive" (random-effects overdispersion) or "none" (binomial limits).
        var model: String
        /// The model in words, as the chart says it.
        var label: String
        var phi: Double
        var tau2: Double
        var winsorisedPercent: Double
        /// The pooled proportion the funnel is centred on.
        var target: Double
        var units: [Unit]

        struct Unit: Codable, Sendable {
            var code: String
            var name: String
            var people: Int
            var admitted: Int
            var percent: Double
            var significance: FunnelSignificance?
        }

        /// The funnel drawn on the page, and its units as published.
        static func comparison(within area: Area, snapshot: SystemSnapshot) -> (
            ComparisonFunnel, [(area: Area, people: Int, admitted: Int)]
        )? {
            let published = snapshot.published
            let units = snapshot.system.children(of: area.code).compactMap { child -> (Area, Int, Int)? in
                guard let people = published.count("people", of: child.code).value, people > 0,
                    let admitted = published.count("emergency", of: child.code).value, admitted <= people
                else { return nil }
                return (child, people, admitted)
            }
            guard units.count >= 2,
                let funnel = try? ComparisonFunnel(
                    proportions: units.map { .init(numerator: Double($0.2), denominator: Double($0.1)) })
            else { return nil }
            return (funnel, units.map { ($0.0, $0.1, $0.2) })
        }

        init?(emergencyAdmissionsWithin area: Area, snapshot: SystemSnapshot) {
            guard let (comparison, units) = Self.comparison(within: area, snapshot: snapshot) else { return nil }
            model = comparison.funnel.adjustment.rawValue
            label = comparison.label
            phi = comparison.funnel.phi
            tau2 = comparison.funnel.tau2
            winsorisedPercent = comparison.funnel.winsorisedShare * 100
            target = comparison.funnel.target
            self.units = units.map { unit in
                Unit(
                    code: unit.area.code, name: unit.area.name, people: unit.people, admitted: unit.admitted,
                    percent: Double(unit.admitted) / Double(unit.people) * 100,
                    significance: comparison.funnel.significance(
                        of: .init(numerator: Double(unit.admitted), denominator: Double(unit.people))))
            }
        }
    }
}
