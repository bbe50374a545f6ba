import ConcordatCore
import Foundation
import Scenarios
import Testing

@Suite("Scenario definitions")
struct ScenarioDefinitionTests {
    /// A valid definition's JSON with `patch` applied to its top-level object.
    static func json(_ patch: (inout [String: Any]) -> Void) -> Data {
        var object: [String: Any] = [
            "format": 1, "name": "frailty", "baseYear": "2026/27", "horizon": 5, "runs": 100, "seed": 3,
            "demographicGrowth": [["agedAtLeast": 75, "annual": ["low": 0.01, "high": 0.03]]],
            "nonDemographicGrowth": [["annual": 0.01]],
            "changes": [
                [
                    "name": "avoid", "kind": "avoid", "setting": "inpatient_nonelective",
                    "people": ["places": ["A"], "agedAtLeast": 75, "segments": ["longDeclineFrailtyDementia"]],
                    "fraction": ["low": 0.05, "high": 0.15], "start": "2027/28", "rampYears": 2,
                ],
                [
                    "name": "shift", "kind": "shift", "setting": "inpatient_nonelective",
                    "fraction": ["low": 0.1, "high": 0.2],
                    "to": ["setting": "community", "unitCostPence": 18_000, "partner": "COMMUNITY"],
                ],
            ],
            "investments": [
                ["partner": "COMMUNITY", "kind": "revenue", "pencePerYear": 250_000_000, "from": "2027/28"]
            ],
        ]
        patch(&object)
        return try! JSONSerialization.data(withJSONObject: object)
    }

    static func change(_ index: Int, _ object: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        var changes = object["changes"] as! [[String: Any]]
        edit(&changes[index])
        object["changes"] = changes
    }

    static func refusal(_ data: Data) -> ScenarioRefusal? {
        do {
            _ = try ScenarioDefinition.read(data, in: SyntheticBaseline.context)
            return nil
        } catch { return error }
    }

    @Test("a valid definition reads, with its years, ramp and defaults resolved")
    func reads() throws {
        let scenario = try ScenarioDefinition.read(Self.json { _ in }, in: SyntheticBaseline.context)
        #expect(scenario.baseYear == 2026 && scenario.horizon == 5 && scenario.runs == 100)
        #expect(scenario.changes[0].startOffset == 1)
        #expect(scenario.changes[0].phase(inYear: 1) == 0.5)
        #expect(scenario.changes[0].phase(inYear: 2) == 1)
        #expect(scenario.changes[1].phase(inYear: 1) == 1)
        #expect(scenario.demographicRuleOfBand[15] == 0 && scenario.demographicRuleOfBand[14] == nil)
        #expect(scenario.investments[0].years == 1...5)
        #expect(scenario.occupancy == UncertainValue(point: 0.85))
        #expect(scenario.yearLabel(1) == "2027/28")
        let roundTrip = try JSONDecoder().decode(
            ScenarioDefinition.self, from: try JSONEncoder().encode(scenario.definition))
        #expect(roundTrip == scenario.definition)
    }

    /// A hostile edit by name.
    static func hostile(_ name: String, _ o: inout [String: Any]) {
        switch name {
        case "negative fraction": change(0, &o) { $0["fraction"] = ["low": -0.1, "high": 0.1] }
        case "fraction above 1": change(1, &o) { $0["fraction"] = 1.5 }
        case "horizon 0": o["horizon"] = 0
        case "horizon 11": o["horizon"] = 11
        case "runs 0": o["runs"] = 0
        case "runs 10⁹": o["runs"] = 1_000_000_000
        case "NaN as text": change(0, &o) { $0["fraction"] = "NaN" }
        case "unknown place": change(0, &o) { $0["people"] = ["places": ["Atlantis"]] }
        case "unknown setting": change(1, &o) { $0["setting"] = "spa" }
        case "unknown destination": change(1, &o) { $0["to"] = ["setting": "moon"] }
        case "low above high": o["demographicGrowth"] = [["annual": ["low": 0.05, "high": 0.01]]]
        case "huge money": o["investments"] = [["partner": "COMMUNITY", "kind": "capital", "pencePerYear": Int64.max]]
        case "fractional pence": o["investments"] = [["partner": "COMMUNITY", "kind": "capital", "pencePerYear": 12.5]]
        case "unknown partner": o["investments"] = [["partner": "ELSEWHERE", "kind": "capital", "pencePerYear": 1]]
        case "start outside horizon": change(0, &o) { $0["start"] = "2040/41" }
        case "not a financial year": o["baseYear"] = "2026/28"
        case "format 2": o["format"] = 2
        case "missing name": o["name"] = nil
        case "unknown segment": change(0, &o) { $0["people"] = ["segments": ["frail"]] }
        case "unknown condition": change(0, &o) { $0["people"] = ["conditions": ["gout"]] }
        case "IMD decile 11": change(0, &o) { $0["people"] = ["imdDeciles": [11]] }
        case "age not a band": change(0, &o) { $0["people"] = ["agedAtLeast": 77] }
        case "shift to itself": change(1, &o) { $0["to"] = ["setting": "inpatient_nonelective"] }
        case "shift without destination": change(1, &o) { $0["to"] = nil }
        case "ramp of 0": change(0, &o) { $0["rampYears"] = 0 }
        case "growth of −200%": o["nonDemographicGrowth"] = [["annual": -2]]
        case "occupancy of 0": o["occupancy"] = 0
        case "log-normal through zero":
            change(0, &o) { $0["fraction"] = ["low": 0, "high": 0.1, "distribution": "log-normal"] }
        case "unknown distribution":
            change(0, &o) { $0["fraction"] = ["low": 0, "high": 0.1, "distribution": "cauchy"] }
        default: Issue.record("no edit named \(name)")
        }
    }

    @Test(
        "hostile definitions are refused with the JSON path and the reason",
        arguments: [
            ("negative fraction", "$.changes[0].fraction.low"),
            ("fraction above 1", "$.changes[1].fraction"),
            ("horizon 0", "$.horizon"),
            ("horizon 11", "$.horizon"),
            ("runs 0", "$.runs"),
            ("runs 10⁹", "$.runs"),
            ("NaN as text", "$.changes[0].fraction"),
            ("unknown place", "$.changes[0].people.places[0]"),
            ("unknown setting", "$.changes[1].setting"),
            ("unknown destination", "$.changes[1].to.setting"),
            ("low above high", "$.demographicGrowth[0].annual.low"),
            ("huge money", "$.investments[0].pencePerYear"),
            ("fractional pence", "$.investments[0].pencePerYear"),
            ("unknown partner", "$.investments[0].partner"),
            ("start outside horizon", "$.changes[0].start"),
            ("not a financial year", "$.baseYear"),
            ("format 2", "$.format"),
            ("missing name", "$.name"),
            ("unknown segment", "$.changes[0].people.segments[0]"),
            ("unknown condition", "$.changes[0].people.conditions[0]"),
            ("IMD decile 11", "$.changes[0].people.imdDeciles[0]"),
            ("age not a band", "$.changes[0].people.agedAtLeast"),
            ("shift to itself", "$.changes[1].to.setting"),
            ("shift without destination", "$.changes[1].to"),
            ("ramp of 0", "$.changes[0].rampYears"),
            ("growth of −200%", "$.nonDemographicGrowth[0].annual"),
            ("occupancy of 0", "$.occupancy"),
            ("log-normal through zero", "$.changes[0].fraction.low"),
            ("unknown distribution", "$.changes[0].fraction.distribution"),
        ])
    func refused(_ name: String, _ path: String) {
        let refusal = Self.refusal(Self.json { Self.hostile(name, &$0) })
        #expect(refusal?.path == path, "\(name): \(refusal.map(\.description) ?? "accepted")")
        #expect(refusal?.reason.isEmpty == false)
    }

    @Test("not JSON at all, an empty document and a list are refused at $")
    func notADefinition() {
        for text in ["", "{", "[]", "null", "\"scenario\""] {
            let refusal = Self.refusal(Data(text.utf8))
            #expect(refusal?.path == "$", "\(text): \(refusal.map(\.description) ?? "accepted")")
        }
    }

    @Test("a NaN or infinite value built in code is refused, not drawn")
    func nanInCode() {
        var definition = SyntheticBaseline.definition(
            changes: [
                .init(name: "nan", kind: .avoid, setting: "community", fraction: UncertainValue(point: .nan))
            ])
        #expect(throws: ScenarioRefusal("$.changes[0].fraction", "is not a number")) {
            _ = try definition.validated(in: SyntheticBaseline.context)
        }
        definition.changes = nil
        definition.priceUplift = UncertainValue(low: 0, high: .infinity)
        #expect(throws: ScenarioRefusal("$.priceUplift.high", "is not a number")) {
            _ = try definition.validated(in: SyntheticBaseline.context)
        }
    }

    @Test("more than 64 changes are refused")
    func tooManyChanges() {
        let change = ScenarioDefinition.Change(
            name: "a", kind: .avoid, setting: "community", fraction: UncertainValue(point: 0.01))
        let definition = SyntheticBaseline.definition(changes: Array(repeating: change, count: 65))
        #expect(throws: ScenarioRefusal.self) { _ = try definition.validated(in: SyntheticBaseline.context) }
    }
}
