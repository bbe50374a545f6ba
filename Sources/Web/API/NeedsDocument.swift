import ConcordatCore
import Hummingbird
import PopulationHealth

/// `GET /api/v1/areas/{code}/needs`: an area's population health profile in aggregate — segments,
/// Core20, conditions, frailty, emergency admissions and cost per head — each compared with the system
/// through funnel-plot limits. Counts of 1–4 are suppressed (`null`); where a series has a suppressed
/// count, its other counts are rounded to the nearest 5 so the suppressed one cannot be recovered.
struct NeedsDocument: ResponseCodable {
    var code: String
    var name: String
    var people: Int?
    var core20: Share
    var meanCharlson: Double?
    /// People by Charlson score 0, 1, 2, 3, 4, 5+ (suppressed and rounded as a series).
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
    /// People in the admission-risk model's top-risk cohort (a count only; suppressed when 1–4).
    var topRiskCohort: Int?

    /// A count and its share of the population, with where it sits against the system.
    struct Share: Codable, Sendable {
        var count: Int?
        var percent: Double?
        var systemPercent: Double?
        var funnel: FunnelLimits.Position?

        /// `count` of `denominator` against `systemCount` of `systemDenominator`, with the count suppressed
        /// (and no percentage or comparison) when the rule hides it.
        init(count: Int, systemCount: Int, denominator: Int, systemDenominator: Int, rule: SmallNumberSuppression) {
            self.count = rule.value(count)
            guard denominator > 0, systemDenominator > 0, self.count != nil else { return }
            let target = Double(systemCount) / Double(systemDenominator)
            let observed = Double(count) / Double(denominator)
            percent = observed * 100
            systemPercent = target * 100
            funnel = FunnelLimits(target: target, denominator: denominator).position(of: observed)
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
        var people: Int?
        var percent: Double?
        var systemPercent: Double?
        var funnel: FunnelLimits.Position?
    }

    struct SettingCost: Codable, Sendable {
        var setting: String
        var label: String
        var pence: Int64?
    }

    init?(area: Area, snapshot: SystemSnapshot) {
        guard let profile = snapshot.profiles[area.code], let system = snapshot.profiles[snapshot.system.root.code]
        else { return nil }
        let rule = SmallNumberSuppression.standard
        code = area.code
        name = area.name
        let n = profile.people
        people = rule.value(n)
        func share(_ count: Int, _ systemCount: Int, denominator: Int, systemDenominator: Int) -> Share {
            Share(
                count: count, systemCount: systemCount, denominator: denominator, systemDenominator: systemDenominator,
                rule: rule)
        }
        core20 = share(profile.core20, system.core20, denominator: n, systemDenominator: system.people)
        emergencyAdmission = share(
            profile.peopleWithEmergencyAdmission, system.peopleWithEmergencyAdmission, denominator: n,
            systemDenominator: system.people)
        meanCharlson = n >= rule.threshold ? Double(profile.charlsonTotal) / Double(n) : nil
        charlsonDistribution = profile.charlsonDistribution.map { Self.protected($0, rule: rule) }
        emergencyAdmissionsPer1000Aged75Plus =
            profile.aged75Plus >= rule.threshold
            ? Double(profile.emergencyAdmissions75Plus) * 1000 / Double(profile.aged75Plus) : nil
        let segmentCounts = Self.protected(profile.segments, rule: rule)
        segments = BridgesToHealthSegment.allCases.map { segment in
            let index = Int(segment.rawValue)
            let count = segmentCounts[index]
            return Segment(
                key: "\(segment)", label: segment.label, people: count,
                percent: count.map { n > 0 ? Double($0) * 100 / Double(n) : 0 },
                costPerHeadPence: count.flatMap { _ in
                    profile.segments[index] > 0 ? profile.costBySegment[index] / Int64(profile.segments[index]) : nil
                })
        }
        let bands = Self.protected(profile.frailtyBands, rule: rule)
        frailty = zip(["low", "intermediate", "high"], bands).map { Band(band: $0, people: $1) }
        electronicFrailtyIndex = profile.efiCategories.map { categories in
            zip(ElectronicFrailtyIndex.Category.allCases.map(\.rawValue), Self.protected(categories, rule: rule)).map {
                Band(band: $0, people: $1)
            }
        }
        // Category names straight from the code lists: compiling a scorer per request would be wasted work.
        let charlson = ComorbidityCodeLists.charlsonQuan2005.map(\.category)
        let elixhauser = ComorbidityCodeLists.elixhauserQuan2005.map(\.category)
        conditions =
            zip(charlson.indices, charlson).map { index, category in
                Self.condition(
                    "charlson", category, profile.charlsonCategories[index], system.charlsonCategories[index], n,
                    system.people, rule)
            }
            + zip(elixhauser.indices, elixhauser).map { index, category in
                Self.condition(
                    "elixhauser", category, profile.elixhauserCategories[index], system.elixhauserCategories[index], n,
                    system.people, rule)
            }
        costPerHeadPence = n >= rule.threshold ? profile.totalCost / Int64(n) : nil
        topRiskCohort = snapshot.admissionRisk == nil ? nil : rule.value(snapshot.cohort[area.code, default: 0])
        costPerHeadBySetting = CareSetting.allCases.map { setting in
            SettingCost(
                setting: setting.code, label: setting.label,
                pence: n >= rule.threshold ? profile.costBySetting[Int(setting.rawValue)] / Int64(n) : nil)
        }
    }

    private static func condition(
        _ index: String, _ category: String, _ count: Int, _ systemCount: Int, _ n: Int, _ systemN: Int,
        _ rule: SmallNumberSuppression
    ) -> Condition {
        let share = Share(
            count: count, systemCount: systemCount, denominator: n, systemDenominator: systemN, rule: rule)
        return Condition(
            index: index, category: category, people: share.count, percent: share.percent,
            systemPercent: share.systemPercent, funnel: share.funnel)
    }

    /// A series of counts as shown: 1–4 hidden; if any is hidden, the rest rounded to the nearest 5.
    static func protected(_ counts: [Int], rule: SmallNumberSuppression) -> [Int?] {
        let hides = counts.contains(where: rule.suppresses)
        return counts.map { count in
            if rule.suppresses(count) { return nil }
            return hides ? Int((Double(count) / 5).rounded()) * 5 : count
        }
    }
}

/// `GET /api/v1/models/admission-risk`: the model and its evaluation (aggregates only).
struct AdmissionRiskDocument: ResponseCodable {
    var report: AdmissionRiskReport
}
