import ConcordatCore
import Disclosure
import PopulationHealth

/// Every count derived from the integrated dataset that pages, the API, charts and metrics may show,
/// passed once through the disclosure gate (``CountRelease``) with the relations an attacker could use:
/// each area's count is the sum of its children's, and an area's people are the sum of its segments,
/// its Charlson scores, its frailty bands, its eFI categories and its IMD deciles (with the unknown). Every output reads its counts here,
/// so one count is shown the same way wherever it appears.
struct PublishedFigures: Sendable {
    /// The gate's rule.
    var policy: DisclosurePolicy
    /// The cells as published.
    var counts: ProtectedCounts

    /// The measures of an area's profile, as cell names and how to read each from a profile.
    static let series: [(name: String, size: Int, read: @Sendable (PracticeProfile) -> [Int]?)] = [
        ("segment", BridgesToHealthSegment.allCases.count, { $0.segments }),
        ("charlson-score", 6, { $0.charlsonDistribution }),
        ("frailty", 3, { $0.frailtyBands }),
        ("efi", ElectronicFrailtyIndex.Category.allCases.count, { $0.efiCategories }),
        ("charlson", ComorbidityCodeLists.charlsonQuan2005.count, { $0.charlsonCategories }),
        ("elixhauser", ComorbidityCodeLists.elixhauserQuan2005.count, { $0.elixhauserCategories }),
        ("imd", PracticeProfile.decileCells, { $0.imdDeciles }),
        ("imd-emergency", PracticeProfile.decileCells, { $0.emergencyAdmissionsByDecile }),
    ]

    /// The series whose cells partition an area's people (each person in exactly one cell).
    static let partitions: Set<String> = ["segment", "charlson-score", "frailty", "efi", "imd"]

    /// The series published only for the system and its places : below a place an
    /// area's people split eleven ways are mostly counts of 7 or fewer, whose protection would withhold the
    /// area's own people and, up the hierarchy, the system's.
    static let placeLevelSeries: Set<String> = ["imd", "imd-emergency"]

    /// Whether `measure` has a cell for `area`: every measure does, except the place-level series below a place.
    static func publishes(_ measure: String, for area: Area, in system: HealthSystem) -> Bool {
        guard let series = measure.split(separator: ".").first, placeLevelSeries.contains(String(series)) else {
            return true
        }
        return system.lineage(of: area.code).count <= 2
    }

    /// The cell name of `measure` for the area `code`.
    static func key(_ measure: String, _ code: String) -> String { "\(measure)@\(code)" }

    init(
        system: HealthSystem, datasetPeople: [String: Int]?, profiles: [String: PracticeProfile],
        cohort: [String: Int]?, admissionRisk: AdmissionRiskReport?, policy: DisclosurePolicy
    ) {
        self.policy = policy
        var release = CountRelease(policy: policy)
        var measures: [String] = []
        func add(_ measure: String, _ values: [String: Int]) {
            measures.append(measure)
            for area in system.areas where Self.publishes(measure, for: area, in: system) {
                release.add(Self.key(measure, area.code), count: values[area.code, default: 0])
            }
        }
        if let datasetPeople { add("people", datasetPeople) }
        if !profiles.isEmpty {
            // People who died in the analysis period: counted in activity, not in "people" (the population
            // at the period's end), shown apart.
            if profiles.values.contains(where: { $0.diedInPeriod != nil }) {
                add("died", profiles.mapValues { $0.diedInPeriod ?? 0 })
            }
            add("core20", profiles.mapValues(\.core20))
            add("emergency", profiles.mapValues(\.peopleWithEmergencyAdmission))
            for series in Self.series where profiles.values.contains(where: { series.read($0) != nil }) {
                for index in 0..<series.size {
                    add("\(series.name).\(index)", profiles.mapValues { series.read($0)?[index] ?? 0 })
                }
                if Self.partitions.contains(series.name) {
                    for area in system.areas {
                        release.relate(
                            total: Self.key("people", area.code),
                            parts: (0..<series.size).map { Self.key("\(series.name).\($0)", area.code) })
                    }
                }
            }
        }
        if let cohort { add("cohort", cohort) }
        for measure in measures {
            for area in system.areas {
                let children = system.children(of: area.code)
                guard !children.isEmpty else { continue }
                release.relate(total: Self.key(measure, area.code), parts: children.map { Self.key(measure, $0.code) })
            }
        }
        if let model = admissionRisk {
            release.add("model.training", count: model.trainingPeople)
            release.add("model.test", count: model.testPeople)
            if let outcomes = model.testOutcomes { release.add("model.test-outcomes", count: outcomes) }
            for band in model.calibration {
                release.add("model.band.\(band.band)", count: band.people)
                release.add(
                    "model.band-outcome.\(band.band)", count: Int((band.observed * Double(band.people)).rounded()))
            }
            release.relate(total: "model.test", parts: model.calibration.map { "model.band.\($0.band)" })
        }
        counts = release.protected()
    }

    /// A cell as published.
    func count(_ measure: String, of code: String) -> DisclosedCount { counts[Self.key(measure, code)] }

    /// A cell of the admission-risk model as published.
    func model(_ name: String) -> DisclosedCount { counts["model.\(name)"] }
}
