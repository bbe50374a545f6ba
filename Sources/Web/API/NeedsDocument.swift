import ConcordatCore
import Disclosure
import Hummingbird
import PopulationHealth

/// `GET /api/v1/areas/{code}/needs`: an area's population health profile in aggregate — segments,
/// Core20, conditions, frailty, emergency admissions and cost per head — each compared with the system
/// through Fingertips' funnel-plot limits (``ProportionFunnel``) — and its people by IMD decile, Core20 by
/// the areas within it, the slope index of inequality in emergency admissions across deciles, and its
/// areas on the emergency-admission funnel with the model named (``NeedsDocument/Deprivation``). Every count comes through the disclosure gate (``PublishedFigures``):
/// counts of 7 or fewer are `null`, every other count is rounded to the nearest 5, a count that would
/// let a `null` be worked out is also `null`, and percentages, means and costs per head are computed
/// from the rounded counts and are `null` where their count is.
struct NeedsDocument: ResponseCodable {
    var code: String
    var name: String
    var people: Int?
    var core20: Share
    var meanCharlson: Double?
    /// People by Charlson score 0, 1, 2, 3, 4, 5+.
    var charlsonDistribution: [Int?]?
    var segments: [Segment]
    var frailty: [Band]
    /// People by electronic Frailty Index category, when eFI deficit lists were configured at import.
    var electronicFrailtyIndex: [Band]?
    var conditions: [Condition]
    var emergencyAdmission: Share
    var emergencyAdmissionsPer1000Aged75Plus: Double?
    var costPerHeadPence: Int64?
    var costPerHeadBySetting: [SettingCost]
    /// People in the admission-risk model's top-risk cohort (a count only, through the gate).
    var topRiskCohort: Int?
    /// People who died in the analysis period: not in ``people`` (the population at its end), but their
    /// activity and cost are in the activity and cost figures. `nil`: hidden, or no period recorded.
    var diedInPeriod: Int?
    /// What these figures are: the period, reference date, population, denominator and suppression rule.
    var about: AboutTheseFigures
    /// People by IMD decile, Core20 by the areas within, and the SII (`nil` for an analysis made before
    /// deciles were counted).
    var deprivation: Deprivation?
    /// The areas within compared on emergency admissions, with the funnel's model (`nil` with fewer than two).
    var emergencyAdmissionFunnel: ComparisonFunnelDocument?
    /// What is real and what is synthetic in these figures.
    var provenance: String

    /// A count and its share of the population, with where it sits against the system.
    struct Share: Codable, Sendable {
        var count: Int?
        var percent: Double?
        var systemPercent: Double?
        /// Where the area sits on Fingertips' funnel around the system value (binomial, Wilson limits).
        var funnel: FunnelSignificance?

        /// `count` of `denominator` against `systemCount` of `systemDenominator`, all as published: no
        /// percentage or comparison where the count is hidden.
        init(
            count: DisclosedCount, systemCount: DisclosedCount, denominator: DisclosedCount,
            systemDenominator: DisclosedCount, policy: DisclosurePolicy
        ) {
            self.count = count.value
            guard let observed = policy.ratio(count, denominator),
                let target = policy.ratio(systemCount, systemDenominator),
                let n = denominator.value
            else { return }
            percent = observed * 100
            systemPercent = target * 100
            funnel = (try? ProportionFunnel(average: target))?.significance(
                of: .init(count: observed * Double(n), denominator: Double(n)))
        }
    }

    struct Segment: Codable, Sendable {
        var key: String
        var label: String
        var people: Int?
        var percent: Double?
        var costPerHeadPence: Int64?
    }

    struct Band: Codable, Sendable {
        var band: String
        var people: Int?
    }

    struct Condition: Codable, Sendable {
        var index: String
        var category: String
        /// The category's name as a person reads it, with the index in brackets.
        var name: String
        var people: Int?
        var percent: Double?
        var systemPercent: Double?
        var funnel: FunnelSignificance?
    }

    struct SettingCost: Codable, Sendable {
        var setting: String
        var label: String
        var pence: Int64?
    }

    init?(area: Area, snapshot: SystemSnapshot) {
        let root = snapshot.system.root.code
        guard let profile = snapshot.profiles[area.code], snapshot.profiles[root] != nil else { return nil }
        let published = snapshot.published
        let policy = published.policy
        func cell(_ measure: String, _ code: String = area.code) -> DisclosedCount {
            published.count(measure, of: code)
        }
        code = area.code
        name = area.name
        about = AboutTheseFigures(snapshot: snapshot)
        diedInPeriod = profile.diedInPeriod == nil ? nil : cell("died").value
        // The denominator: the population at the period's end (registered and alive), not everyone loaded.
        let n = cell("people")
        let systemN = cell("people", root)
        people = n.value
        func share(_ measure: String) -> Share {
            Share(
                count: cell(measure), systemCount: cell(measure, root), denominator: n, systemDenominator: systemN,
                policy: policy)
        }
        core20 = share("core20")
        emergencyAdmission = share("emergency")
        meanCharlson = policy.mean(Double(profile.charlsonTotal), over: n)
        charlsonDistribution = profile.charlsonDistribution.map { _ in
            (0..<6).map { cell("charlson-score.\($0)").value }
        }
        emergencyAdmissionsPer1000Aged75Plus = policy.ratio(
            policy.count(profile.emergencyAdmissions75Plus), policy.count(profile.aged75Plus)
        ).map { $0 * 1000 }
        segments = BridgesToHealthSegment.allCases.map { segment in
            let index = Int(segment.rawValue)
            let count = cell("segment.\(index)")
            return Segment(
                key: "\(segment)", label: segment.label, people: count.value, percent: policy.percent(count, of: n),
                costPerHeadPence: policy.perHead(profile.costBySegment[index], over: count))
        }
        frailty = ["low", "intermediate", "high"].enumerated().map {
            Band(band: $1, people: cell("frailty.\($0)").value)
        }
        electronicFrailtyIndex = profile.efiCategories.map { _ in
            ElectronicFrailtyIndex.Category.allCases.enumerated().map {
                Band(band: $1.rawValue, people: cell("efi.\($0)").value)
            }
        }
        // Category names straight from the code lists: compiling a scorer per request would be wasted work.
        let lists = [
            ("charlson", ComorbidityCodeLists.charlsonQuan2005.map(\.category)),
            ("elixhauser", ComorbidityCodeLists.elixhauserQuan2005.map(\.category)),
        ]
        conditions = lists.flatMap { index, categories in
            categories.enumerated().map { number, category in
                let share = share("\(index).\(number)")
                return Condition(
                    index: index, category: category,
                    name: ComorbidityCategoryNames.label(
                        of: category, in: index == "elixhauser" ? .elixhauserVanWalraven : .charlsonQuan),
                    people: share.count, percent: share.percent,
                    systemPercent: share.systemPercent, funnel: share.funnel)
            }
        }
        costPerHeadPence = policy.perHead(profile.totalCost, over: n)
        topRiskCohort = snapshot.admissionRisk == nil ? nil : cell("cohort").value
        costPerHeadBySetting = CareSetting.allCases.map { setting in
            SettingCost(
                setting: setting.code, label: setting.label,
                pence: policy.perHead(profile.costBySetting[Int(setting.rawValue)], over: n))
        }
        deprivation = Deprivation(area: area, profile: profile, snapshot: snapshot)
        emergencyAdmissionFunnel = ComparisonFunnelDocument(emergencyAdmissionsWithin: area, snapshot: snapshot)
        provenance = Self.provenance
    }
}

/// `GET /api/v1/models/admission-risk`: the model and its evaluation, aggregates only, with every count
/// through the disclosure gate (rounded to 5; `null` when 7 or fewer or when it would let one be worked
/// out) and the calibration's observed rates computed from the rounded counts.
struct AdmissionRiskDocument: ResponseCodable {
    var report: Report

    /// The published form of ``AdmissionRiskReport``.
    struct Report: Codable, Sendable {
        var features: [String]
        var coefficients: [Double]
        var trainingPeople: Int?
        var testPeople: Int?
        /// The share of the test set with an outcome, from the published counts of the calibration bands
        /// (`nil` when any is hidden).
        var outcomeRate: Double?
        var auc: Double
        var calibration: [Band]
        var cohortShare: Double
        /// People in the top-risk cohort by practice code, as published (`null`: hidden).
        var cohortByPractice: [String: Int?]
        var priorPeriod: String
        var outcomePeriod: String
        /// People in the test set with an outcome, through the gate (`nil`: hidden or not recorded).
        var testOutcomes: Int?
        /// The AUC's 95% confidence interval (DeLong), `nil` when not recorded.
        var aucInterval: ConfidenceInterval?
    }

    /// A tenth of predicted risk.
    struct Band: Codable, Sendable {
        var band: Int
        var people: Int?
        var predicted: Double
        var observed: Double?
    }

    init(_ model: AdmissionRiskReport, published: PublishedFigures) {
        let policy = published.policy
        report = Report(
            features: model.features, coefficients: model.coefficients,
            trainingPeople: published.model("training").value, testPeople: published.model("test").value,
            outcomeRate: {
                let bands = model.calibration.map {
                    (published.model("band-outcome.\($0.band)").value, published.model("band.\($0.band)").value)
                }
                guard bands.allSatisfy({ $0.0 != nil && $0.1 != nil }) else { return nil }
                let people = bands.reduce(0) { $0 + $1.1! }
                return people > 0 ? Double(bands.reduce(0) { $0 + $1.0! }) / Double(people) : nil
            }(),
            auc: model.auc,
            calibration: model.calibration.map { band in
                let people = published.model("band.\(band.band)")
                return Band(
                    band: band.band, people: people.value, predicted: band.predicted,
                    observed: policy.ratio(published.model("band-outcome.\(band.band)"), people))
            },
            cohortShare: model.cohortShare,
            cohortByPractice: Dictionary(
                uniqueKeysWithValues: model.cohortByPractice.keys.map { ($0, published.count("cohort", of: $0).value) }),
            priorPeriod: model.priorPeriod, outcomePeriod: model.outcomePeriod,
            testOutcomes: model.testOutcomes == nil ? nil : published.model("test-outcomes").value,
            aucInterval: model.aucInterval)
    }
}
