import ConcordatCore

/// A condition on a person's facts, composable and `Codable`, so segmentation rules are configuration.
public indirect enum SegmentCondition: Sendable, Codable, Hashable {
    /// Any of these Charlson categories.
    case anyCharlson([String])
    /// Any of these Elixhauser categories.
    case anyElixhauser([String])
    /// At least this many Charlson categories.
    case charlsonCategoriesAtLeast(Int)
    /// Hospital Frailty Risk Score at least this (in points, e.g. 5).
    case frailtyAtLeast(Double)
    /// Age at least this.
    case ageAtLeast(Int)
    /// Age below this.
    case ageBelow(Int)
    /// A pregnancy or childbirth code is recorded.
    case maternity
    /// At least `count` events in `setting` in the year.
    case events(setting: CareSetting, atLeast: Int)
    /// Every condition holds.
    case all([SegmentCondition])
    /// Any condition holds.
    case any([SegmentCondition])

    /// Whether the condition holds for `facts`.
    public func holds(for facts: PersonFacts) -> Bool {
        switch self {
        case .anyCharlson(let names): return names.contains { facts.charlson.contains($0) }
        case .anyElixhauser(let names): return names.contains { facts.elixhauser.contains($0) }
        case .charlsonCategoriesAtLeast(let count): return facts.charlson.count >= count
        case .frailtyAtLeast(let points): return Double(facts.frailtyTenths) >= points * 10
        case .ageAtLeast(let age): return facts.age >= age
        case .ageBelow(let age): return facts.age < age
        case .maternity: return facts.maternity
        case .events(let setting, let count): return facts.events[setting, default: 0] >= count
        case .all(let conditions): return conditions.allSatisfy { $0.holds(for: facts) }
        case .any(let conditions): return conditions.contains { $0.holds(for: facts) }
        }
    }
}

/// Assigns each person exactly one Bridges to Health segment: rules are tried in priority order and the
/// first that holds wins; nobody matched is ``BridgesToHealthSegment/healthy``.
public struct SegmentationRules: Sendable, Codable, Hashable {
    /// One rule: a segment and when it applies.
    public struct Rule: Sendable, Codable, Hashable {
        /// The segment.
        public var segment: BridgesToHealthSegment
        /// When a person belongs to it.
        public var condition: SegmentCondition

        /// Makes a rule.
        public init(_ segment: BridgesToHealthSegment, _ condition: SegmentCondition) {
            self.segment = segment
            self.condition = condition
        }
    }

    /// The rules, highest priority first.
    public var rules: [Rule]

    /// Makes a rule set.
    public init(rules: [Rule]) { self.rules = rules }

    /// The segment for `facts`.
    public func segment(for facts: PersonFacts) -> BridgesToHealthSegment {
        rules.first { $0.condition.holds(for: facts) }?.segment ?? .healthy
    }

    /// Concordat's default rules, most serious need first (a person in two segments is placed in the
    /// one nearer the end of life, as Lynn 2007 suggests):
    /// 1. long decline — dementia, or a high frailty score (> 15), or aged 85+ with an intermediate one (≥ 5);
    /// 2. short decline before dying — metastatic cancer, or any cancer with hospice care in the year;
    /// 3. limited reserve with exacerbations — heart failure, COPD, renal or severe liver disease, with an
    ///    emergency admission in the year, or two of them;
    /// 4. stable but serious disability — hemiplegia or paraplegia, or other neurological disorders with
    ///    adult social care;
    /// 5. maternal and infant — under 1, or a pregnancy or childbirth code;
    /// 6. chronic conditions — any Charlson or Elixhauser category;
    /// 7. acutely ill — an A&E attendance or emergency admission in the year;
    /// otherwise healthy.
    public static let standard = SegmentationRules(rules: [
        Rule(
            .longDeclineFrailtyDementia,
            .any([.anyCharlson(["dementia"]), .frailtyAtLeast(15.1), .all([.ageAtLeast(85), .frailtyAtLeast(5)])])),
        Rule(
            .shortDeclineBeforeDying,
            .any([.anyCharlson(["metacanc"]), .all([.anyCharlson(["canc"]), .events(setting: .hospice, atLeast: 1)])])),
        Rule(
            .limitedReserveWithExacerbations,
            .any([
                .all([
                    .anyCharlson(["chf", "copd", "rend", "msld"]), .events(setting: .inpatientNonElective, atLeast: 1),
                ]),
                .all([.anyCharlson(["chf", "copd", "rend", "msld"]), .charlsonCategoriesAtLeast(2)]),
            ])),
        Rule(
            .stableButSeriousDisability,
            .any([
                .anyCharlson(["hp"]),
                .all([.anyElixhauser(["ond", "para"]), .events(setting: .adultSocialCare, atLeast: 1)]),
            ])),
        Rule(.maternalAndInfant, .any([.ageBelow(1), .maternity])),
        Rule(
            .chronicConditions,
            .any([
                .charlsonCategoriesAtLeast(1), .anyElixhauser(ComorbidityCodeLists.elixhauserQuan2005.map(\.category)),
            ])),
        Rule(
            .acutelyIll, .any([.events(setting: .ae, atLeast: 1), .events(setting: .inpatientNonElective, atLeast: 1)])),
    ])
}
