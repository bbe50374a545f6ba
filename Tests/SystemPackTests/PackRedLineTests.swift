import Foundation
import Governance
import Testing

@testable import SystemPack

/// The memorandum's computed red lines in the pack format: Kent & Medway's as the seed papers draw them,
/// and hostile ones refused with their JSON path.
@Suite struct PackRedLineTests {
    /// The Section 151 red line of the scratch pack's memorandum, changed by `change`.
    func refusal(_ change: @escaping (inout [String: Any]) -> Void) throws -> PackError? {
        let pack = try PackLoaderTests.Scratch()
        try pack.edit("memorandum.json") { memorandum in
            var lines = memorandum["redLines"] as! [[String: Any]]
            let index = lines.firstIndex { $0["condition"] as? String == "section-151" }!
            change(&lines[index])
            memorandum["redLines"] = lines
        }
        return pack.refusal()
    }

    @Test func kentHasKCCsSection151AndGreenBookLinesFromDecember2026() throws {
        let memorandum = try #require(try PackLoader.bundled("kent-medway").memorandum).memorandum()
        let section151 = try #require(
            memorandum.redLines.first {
                if case .section151 = $0.condition { return true }
                return false
            })
        #expect(section151.party == "kcc")
        #expect(section151.condition == .section151(threshold: 0.1, partner: "886"))
        #expect(section151.appliesTo == [.transferOfDecisionMaking, .serviceRedesign])
        #expect(memorandum.redLines.contains { $0.condition == .greenBookAppraisal })
        // The tick line still judges the proposals tabled before the computed lines came in.
        let tick = try #require(memorandum.redLines.first { $0.condition == .greenBookBusinessCase })
        #expect(tick.inForceUntil != nil && tick.inForceUntil! < section151.inForceFrom!)
    }

    @Test func hostileSection151LinesAreRefusedWithTheirPath() throws {
        func expectRefused(_ field: String, _ change: @escaping (inout [String: Any]) -> Void) throws {
            let error = try #require(try refusal(change), "\(field)")
            #expect(error.file == "memorandum.json")
            #expect(error.location.hasSuffix("." + field), "\(error.location)")
        }
        try expectRefused("threshold") { $0["threshold"] = nil }
        try expectRefused("threshold") { $0["threshold"] = 0 }
        try expectRefused("threshold") { $0["threshold"] = 1.5 }
        try expectRefused("appliesTo") { $0["appliesTo"] = [String]() }
        try expectRefused("inForceUntil") { $0["inForceUntil"] = "2020-01-01" }
        try expectRefused("threshold") { $0["condition"] = "ring-fenced-pools" }
        #expect(try refusal { $0["appliesTo"] = ["budget-cut"] } != nil)
        #expect(try refusal { _ in } == nil)
    }
}
