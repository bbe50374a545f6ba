import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

/// An attacker with no access but the public API and pages: reads every area's published counts on a
/// synthetic dataset of 20,000 people, writes down every relation the numbers must satisfy (a parent
/// area's count is the sum of its children's; an area's people are the sum of its segments, Charlson
/// scores and frailty bands; the calibration bands sum to the test set; the same count read through two
/// endpoints is one count), and narrows each hidden cell's possible values by interval propagation.
@Suite("Attack: differencing the published counts", .serialized)
struct DifferencingAttackTests {
    /// What the attacker knows and derives.
    struct Attack {
        var cells: [String: Int] = [:]
        var ranges: [ClosedRange<Int>] = []
        var hidden: [Bool] = []
        var shownValues: [(String, Int)] = []
        var relations: [(Int, [Int])] = []

        /// Records a published count (`nil`: hidden) under `name`; a second reading of the same name must
        /// agree with the first and is one cell.
        mutating func read(_ name: String, _ value: Int?) -> Int {
            let range: ClosedRange<Int>
            switch value {
            case nil: range = 1...7
            case 0?: range = 0...0
            case let v? where v % 5 == 0: range = max(0, v - 2)...(v + 2)
            case let v?: range = v...v  // not a multiple of 5: it was never rounded
            }
            if let value { shownValues.append((name, value)) }
            if let cell = cells[name] {
                let both = ranges[cell].clamped(to: range)
                ranges[cell] = both
                hidden[cell] = hidden[cell] && value == nil
                return cell
            }
            cells[name] = ranges.count
            ranges.append(range)
            hidden.append(value == nil)
            return ranges.count - 1
        }

        mutating func relate(_ total: String, _ parts: [String]) {
            guard let whole = cells[total] else { return }
            let members = parts.compactMap { cells[$0] }
            if members.count == parts.count, !members.isEmpty { relations.append((whole, members)) }
        }

        /// Each cell's range after propagation, or `nil` when the reading contradicts itself.
        func propagate(_ start: [ClosedRange<Int>]) -> [ClosedRange<Int>]? {
            var low = start.map(\.lowerBound)
            var high = start.map(\.upperBound)
            var changed = true
            var passes = 0
            while changed, passes < 200 {
                changed = false
                passes += 1
                for (total, parts) in relations {
                    let sumLow = parts.reduce(0) { $0 + low[$1] }
                    let sumHigh = parts.reduce(0) { $0 + high[$1] }
                    let newLow = max(low[total], sumLow)
                    let newHigh = min(high[total], sumHigh)
                    if newLow > newHigh { return nil }
                    if (newLow, newHigh) != (low[total], high[total]) {
                        (low[total], high[total]) = (newLow, newHigh)
                        changed = true
                    }
                    for part in parts {
                        let partLow = max(low[part], low[total] - (sumHigh - high[part]))
                        let partHigh = min(high[part], high[total] - (sumLow - low[part]))
                        if partLow > partHigh { return nil }
                        if (partLow, partHigh) != (low[part], high[part]) {
                            (low[part], high[part]) = (partLow, partHigh)
                            changed = true
                        }
                    }
                }
            }
            return zip(low, high).map { $0...$1 }
        }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    static func int(_ value: Any?) -> Int? { (value as? NSNumber)?.intValue }

    @Test("no hidden cell is pinned by parent minus children or by two readings; no count 1–7 is shown")
    func differencing() async throws {
        let store = try await makeDatasetStore(people: 20_000, seed: 2026)
        let app = Application(router: try buildRouter(store: store))
        let (read, pages, children, conditionNames) = try await app.test(.router) { client in
            var attack = Attack()
            var pages: [String: String] = [:]
            var children: [String: [String]] = [:]
            var conditionNames: [String] = []
            let system = try await client.execute(uri: "/api/v1/system", method: .get) { try Self.json($0) }
            let root = try #require(system["code"] as? String)
            var queue = [root]
            while let code = queue.popLast() {
                let area = try await client.execute(uri: "/api/v1/areas/\(code)", method: .get) { try Self.json($0) }
                _ = attack.read("people@\(code)", Self.int(area["datasetPeople"]))
                let kids = (area["children"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                children[code] = kids
                queue += kids
                for child in area["children"] as? [[String: Any]] ?? [] {
                    if let kid = child["code"] as? String {
                        _ = attack.read("people@\(kid)", Self.int(child["datasetPeople"]))
                    }
                }
                let needs = try await client.execute(uri: "/api/v1/areas/\(code)/needs", method: .get) { response in
                    try Self.json(response)
                }
                // People are the population at the period's end; those who died in it are shown apart.
                _ = attack.read("people@\(code)", Self.int(needs["people"]))
                _ = attack.read("died@\(code)", Self.int(needs["diedInPeriod"]))
                _ = attack.read("core20@\(code)", Self.int((needs["core20"] as? [String: Any])?["count"]))
                _ = attack.read(
                    "emergency@\(code)", Self.int((needs["emergencyAdmission"] as? [String: Any])?["count"]))
                if needs["topRiskCohort"] != nil { _ = attack.read("cohort@\(code)", Self.int(needs["topRiskCohort"])) }
                for (index, segment) in (needs["segments"] as? [[String: Any]] ?? []).enumerated() {
                    _ = attack.read("segment.\(index)@\(code)", Self.int(segment["people"]))
                }
                for (index, value) in (needs["charlsonDistribution"] as? [Any] ?? []).enumerated() {
                    _ = attack.read("charlson-score.\(index)@\(code)", Self.int(value))
                }
                for (index, band) in (needs["frailty"] as? [[String: Any]] ?? []).enumerated() {
                    _ = attack.read("frailty.\(index)@\(code)", Self.int(band["people"]))
                }
                let conditions = needs["conditions"] as? [[String: Any]] ?? []
                conditionNames = conditions.map { "\($0["index"] ?? "").\($0["category"] ?? "")" }
                for (name, condition) in zip(conditionNames, conditions) {
                    _ = attack.read("\(name)@\(code)", Self.int(condition["people"]))
                }
                pages[code] = try await client.execute(uri: "/areas/\(code)", method: .get) { $0.text }
            }
            // The model's report: the cohort by practice is the same count as each practice's needs.
            let model = try await client.execute(uri: "/api/v1/models/admission-risk", method: .get) { response in
                try #require(try Self.json(response)["report"] as? [String: Any])
            }
            for (practice, value) in model["cohortByPractice"] as? [String: Any] ?? [:] {
                _ = attack.read("cohort@\(practice)", Self.int(value))
            }
            let bands = model["calibration"] as? [[String: Any]] ?? []
            _ = attack.read("model.test", Self.int(model["testPeople"]))
            for band in bands { _ = attack.read("model.band.\(band["band"] ?? "")", Self.int(band["people"])) }
            attack.relate("model.test", bands.map { "model.band.\($0["band"] ?? "")" })
            _ = attack.read("model.training", Self.int(model["trainingPeople"]))
            let dataset = try await client.execute(uri: "/api/v1/dataset", method: .get) { try Self.json($0) }
            _ = attack.read("people@\(root)", Self.int(dataset["people"]))
            for key in ["diagnoses", "events"] { _ = attack.read("dataset.\(key)", Self.int(dataset[key])) }
            return (attack, pages, children, conditionNames)
        }
        var attack = read
        // The relations: every measure up the hierarchy, and the partitions of each area's people.
        let measures =
            ["people", "died", "core20", "emergency", "cohort"] + (0..<8).map { "segment.\($0)" }
            + (0..<6).map { "charlson-score.\($0)" } + (0..<3).map { "frailty.\($0)" } + conditionNames
        for (parent, kids) in children where !kids.isEmpty {
            for measure in measures { attack.relate("\(measure)@\(parent)", kids.map { "\(measure)@\($0)" }) }
        }
        for code in children.keys {
            attack.relate("people@\(code)", (0..<8).map { "segment.\($0)@\(code)" })
            attack.relate("people@\(code)", (0..<6).map { "charlson-score.\($0)@\(code)" })
            attack.relate("people@\(code)", (0..<3).map { "frailty.\($0)@\(code)" })
        }
        #expect(children.count > 200, "areas read: \(children.count)")
        #expect(attack.relations.count > 1_000)
        // 1. Every count shown is a multiple of 5 and none is 1–7.
        let small = attack.shownValues.filter { (1...7).contains($0.1) || $0.1 % 5 != 0 }
        #expect(small.isEmpty, "\(small.count) counts shown unrounded or small, e.g. \(small.prefix(5))")
        // 2. No hidden cell is pinned: taking every hidden cell for 1–7 or 0–7 (the rule), or, if that
        // reading contradicts the numbers (a cell withheld to protect another), for any count from there up.
        // A hidden cell that shares a relation with another hidden one may be a zero suppressed beside a
        // small count (the gate's rule), so it is read as 0–7; any other hidden cell as 1–7.
        let names = Dictionary(uniqueKeysWithValues: attack.cells.map { ($1, $0) })
        var mayBeZero = Set<Int>()
        for (total, parts) in attack.relations {
            let hidden = ([total] + parts).filter { attack.hidden[$0] }
            if hidden.count > 1 { mayBeZero.formUnion(hidden) }
        }
        let rule = attack.ranges.indices.map { cell in
            attack.hidden[cell] && mayBeZero.contains(cell) ? 0...attack.ranges[cell].upperBound : attack.ranges[cell]
        }
        let bounds =
            attack.propagate(rule)
            ?? attack.propagate(zip(rule, attack.hidden).map { $1 ? $0.lowerBound...Int(Int32.max) : $0 })
        let found = try #require(bounds, "even the loosest reading contradicts the published numbers")
        let pinned = attack.hidden.indices.filter { attack.hidden[$0] && found[$0].count == 1 }
        #expect(
            pinned.isEmpty,
            "\(pinned.count) hidden cells pinned, e.g. \(pinned.prefix(8).map { "\(names[$0]!) = \(found[$0].lowerBound)" })"
        )
        #expect(attack.hidden.contains(true), "the dataset should have some hidden cells to attack")
        // 3. The pages show the same counts as the API: the dataset's people on every area page.
        for (code, page) in pages {
            let shown =
                page.components(separatedBy: "<dt>In the integrated dataset</dt><dd>").dropFirst().first?
                .components(separatedBy: "</dd>").first ?? ""
            let digits = shown.filter(\.isNumber)
            if shown.first?.isNumber == true, let value = Int(digits), let cell = attack.cells["people@\(code)"] {
                #expect(attack.ranges[cell].contains(value), "\(code): the page shows \(shown)")
                #expect(value == 0 || value % 5 == 0, "\(code): the page shows \(shown)")
            }
        }
    }
}
