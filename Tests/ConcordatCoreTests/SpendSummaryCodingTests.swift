import ConcordatCore
import Foundation
import Testing

@Suite("A spend summary is stored as a table of columns, and one stored before it still reads")
struct SpendSummaryCodingTests {
    /// Cells with every flag, repeated and unique codes, a missing event count and extreme pence.
    static let summary = SpendSummary(
        months: ["2025-04", "2025-05"],
        cells: [
            .init(practice: "G82001", setting: "apc", provider: "RVV", month: "2025-04", child: false, pence: 1_234),
            .init(
                practice: "G82001", setting: "apc", provider: "RVV", month: "2025-05", child: true, pence: -7,
                events: 3),
            .init(
                practice: "G82002", setting: "gp", provider: "G82002", month: "2025-04", child: false,
                aged75Plus: true, pence: .max, events: 0),
            .init(
                practice: "G82002", setting: "comm\"unity", provider: "é", month: "2024-01", child: true,
                aged75Plus: true, pence: .min, events: .max),
        ],
        people: ["G82001": .init(all: 10, aged75Plus: 2)])

    @Test("written and read back, it is the same summary, cell for cell, in order")
    func roundTrip() throws {
        let data = try JSONEncoder().encode(Self.summary)
        #expect(try JSONDecoder().decode(SpendSummary.self, from: data) == Self.summary)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["cells"] == nil)
        let table = try #require(object["cellTable"] as? [String: Any])
        #expect(table["practices"] as? [String] == ["G82001", "G82002"])
        #expect(table["flags"] as? [Int] == [0, 1, 2, 3])
        let empty = SpendSummary(months: [], cells: [])
        #expect(try JSONDecoder().decode(SpendSummary.self, from: JSONEncoder().encode(empty)) == empty)
    }

    @Test("a summary stored with one object per cell (before the table) reads as it was written")
    func storedBefore() throws {
        // The format of earlier versions, written out by hand: one keyed object per cell, and a cell from
        // before the 75+ flag and event counts.
        let json = """
            {"months":["2025-04"],"cells":[
              {"practice":"G82001","setting":"apc","provider":"RVV","month":"2025-04","child":false,"aged75Plus":true,
               "pence":500,"events":2},
              {"practice":"G82002","setting":"gp","provider":"G82002","month":"2025-04","child":true,"pence":9}]}
            """
        let read = try JSONDecoder().decode(SpendSummary.self, from: Data(json.utf8))
        #expect(
            read.cells == [
                .init(
                    practice: "G82001", setting: "apc", provider: "RVV", month: "2025-04", child: false,
                    aged75Plus: true, pence: 500, events: 2),
                .init(practice: "G82002", setting: "gp", provider: "G82002", month: "2025-04", child: true, pence: 9),
            ])
        #expect(read.people == nil && read.total == 509)
    }

    @Test(
        "a damaged table is refused saying what is wrong, never read short or out of range",
        arguments: [
            (#""practice":[0,0,1]"#, "columns differ in length"),
            (#""practice":[0,0,1,5]"#, "practice 5 names no code"),
            (#""practice":[0,0,1,-1]"#, "practice -1 names no code"),
            (#""flags":[0,1,2,4]"#, "flags 4 are not 0–3"),
            (#""cellMonths":[]"#, "month 0 names no code"),
        ])
    func damaged(replacement: String, says: String) throws {
        var text = String(decoding: try JSONEncoder().encode(Self.summary), as: UTF8.self)
        let name = String(replacement.prefix { $0 != ":" })
        let range = try #require(text.range(of: name + #":\[[^\]]*\]"#, options: .regularExpression))
        text.replaceSubrange(range, with: replacement)
        #expect {
            try JSONDecoder().decode(SpendSummary.self, from: Data(text.utf8))
        } throws: { error in
            guard case .dataCorrupted(let context) = error as? DecodingError else { return false }
            return context.debugDescription.contains(says)
        }
    }

    @Test("a table of many cells is much smaller than an object per cell")
    func smaller() throws {
        let cells = (0..<2_000).map { row in
            SpendSummary.Cell(
                practice: "G8\(2000 + row % 150)", setting: ["apc", "ae", "gp"][row % 3], provider: "R\(row % 20)",
                month: "2025-\(String(format: "%02d", row % 12 + 1))", child: row % 5 == 0, aged75Plus: row % 7 == 0,
                pence: Int64(row) * 1_001, events: row % 9)
        }
        let summary = SpendSummary(months: [], cells: cells)
        let table = try JSONEncoder().encode(summary)
        let objects = try JSONEncoder().encode(["months": [], "cells": cells] as [String: [SpendSummary.Cell]])
        #expect(table.count * 2 < objects.count)
        #expect(try JSONDecoder().decode(SpendSummary.self, from: table) == summary)
    }
}
