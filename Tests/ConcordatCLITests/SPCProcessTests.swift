import Assurance
import Foundation
import Storage
import Testing

@Suite("concordat spc as a process")
struct SPCProcessTests {
    @Test("JSON in the documented shape; the NHSRplotthedots series; short series provisional; bad rows refused")
    func spc() throws {
        let folder = try ConcordatProcess.temporaryFolder("spc")
        defer { try? FileManager.default.removeItem(at: folder) }
        let values = [
            -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123,
            -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314,
            0.49785048, -1.96661716, 0.70135590, -0.47279141,
        ]
        let rows = values.enumerated().map { String(format: "2020-01-%02d,%.8f", $0.offset + 2, $0.element) }
        try (["period,value"] + rows).joined(separator: "\n").write(
            to: folder.appendingPathComponent("series.csv"), atomically: true, encoding: .utf8)
        let result = try ConcordatProcess.run(
            ["spc", "series.csv", "--format", "json", "--target", "0.5", "--rebase-at", "10"], in: folder)
        #expect(result.status == 0, "\(result.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        for key in ["mean", "lowerLimit", "upperLimit", "nearLowerLimit", "nearUpperLimit", "points", "variationIcon"] {
            #expect(json[key] != nil, "\(key)")
        }
        #expect(json.keys.contains("assuranceIcon"))
        #expect(abs((json["mean"] as! Double) - 0.209) < 0.0005)  // the latest segment's mean
        #expect(abs((json["upperLimit"] as! Double) - 3.70) < 0.005)
        let points = try #require(json["points"] as? [[String: Any]])
        #expect(points.count == 20)
        #expect(points.allSatisfy { $0["type"] as? String == "common_cause" && $0["rule"] is NSNull })
        #expect(abs((points[0]["upperLimit"] as! Double) - 2.75) < 0.005)
        #expect(json["variationIcon"] as? String == "common_cause")
        #expect(json["assuranceIcon"] as? String == "hit_and_miss")
        #expect(json["provisional"] as? Bool == false)

        try "period,value\n1,1\n2,3\n3,2\n".write(
            to: folder.appendingPathComponent("short.csv"), atomically: true, encoding: .utf8)
        let short = try ConcordatProcess.run(["spc", "short.csv", "--format", "json"], in: folder)
        let shortJSON = try #require(try JSONSerialization.jsonObject(with: Data(short.output.utf8)) as? [String: Any])
        #expect(shortJSON["provisional"] as? Bool == true)
        #expect(shortJSON["assuranceIcon"] is NSNull)

        try "period,value\n1,1\n2,lots\n".write(
            to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try ConcordatProcess.run(["spc", "bad.csv"], in: folder)
        #expect(bad.status != 0 && bad.output.contains("bad.csv:3") && bad.output.contains("value"), "\(bad.output)")
    }

    @Test(
        "--chart draws the family: auto chooses p′ for large denominators, p for small, c for counts; bad input refused"
    )
    func family() throws {
        let folder = try ConcordatProcess.temporaryFolder("spc-family")
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ rows: [String]) throws {
            try rows.joined(separator: "\n").write(
                to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        func chart(_ arguments: [String], _ rows: [String]? = nil) throws -> [String: Any] {
            if let rows { try write(arguments[0], rows) }
            let result = try ConcordatProcess.run(["spc"] + arguments + ["--format", "json"], in: folder)
            #expect(result.status == 0, "\(arguments): \(result.output)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        }
        let months = (1...14).map { String(format: "2025-%02d", $0 % 12 + 1) }
        try write("large.csv", ["period,events,denominator"] + months.enumerated().map { "\($1),\(700 + $0 * 3),1000" })
        try write("small.csv", ["period,events,denominator"] + months.enumerated().map { "\($1),\(10 + $0 % 3),40" })
        try write("counts.csv", ["period,value"] + months.enumerated().map { "\($1),\(4 + $0 % 4)" })
        try write("few.csv", ["period,value", "a,1", "b,2", "c,3"])
        let large = try chart(["large.csv", "--chart", "auto", "--unit", "percent"])
        #expect(large["chart"] as? String == "p-prime")
        #expect((large["reason"] as? String)?.contains("with denominators") == true)
        #expect(large["sigmaZ"] is Double)
        let points = try #require(large["points"] as? [[String: Any]])
        #expect(points.count == 14 && points[0]["denominator"] as? Double == 1000)
        #expect(abs((points[0]["value"] as! Double) - 0.7) < 1e-12)
        #expect(try chart(["small.csv", "--chart", "auto", "--unit", "percent"])["chart"] as? String == "p")
        #expect(try chart(["small.csv", "--chart", "auto", "--unit", "per-1000"])["chart"] as? String == "u")
        #expect(try chart(["counts.csv", "--chart", "auto", "--unit", "count"])["chart"] as? String == "c")
        #expect(try chart(["counts.csv", "--chart", "auto", "--unit", "pounds"])["chart"] as? String == "xmr")
        let few = try chart(["few.csv", "--chart", "auto", "--unit", "count"])
        #expect(few["chart"] as? String == "run" && few["runTests"] is [String: Any])
        #expect(try chart(["counts.csv", "--chart", "g"])["chart"] as? String == "g")

        // Refused: auto without a unit, a unit without auto, an unknown chart, a p chart without
        // denominators, a bad denominator, more events than a denominator.
        try write("over.csv", ["period,events,denominator", "a,5,4", "b,1,4"])
        try write("zero.csv", ["period,events,denominator", "a,1,lots"])
        try write("huge.csv", ["period,value", "a,1e308", "b,1e308", "c,1e308"])
        try write("zeroden.csv", ["period,events,denominator", "a,1,4", "b,1,0"])
        // Events and denominators on a chart of values: drawn as their ratio, and said so.
        let fewRates = try chart(
            ["zero-free.csv", "--chart", "auto", "--unit", "percent"],
            ["period,events,denominator", "a,1,4", "b,2,4", "c,3,4"])
        #expect(fewRates["chart"] as? String == "run")
        #expect((fewRates["reason"] as? String)?.contains("events ÷ denominator") == true)
        #expect((fewRates["points"] as? [[String: Any]])?.map { $0["value"] as? Double } == [0.25, 0.5, 0.75])
        let pounds = try chart(["large.csv", "--chart", "auto", "--unit", "pounds"])
        #expect(pounds["chart"] as? String == "xmr")
        #expect(abs(((pounds["points"] as? [[String: Any]])?.first?["value"] as? Double ?? 0) - 0.7) < 1e-12)
        for (arguments, says) in [
            (["counts.csv", "--chart", "auto"], "--unit"),
            (["counts.csv", "--unit", "count"], "--chart auto only"),
            (["counts.csv", "--chart", "x-bar"], "x-bar"),
            (["counts.csv", "--chart", "p"], "events"),
            (["zero.csv", "--chart", "p"], "zero.csv:2"),
            (["over.csv", "--chart", "p"], "over.csv"),
            (["large.csv", "--chart", "p", "--rebase-at", "5"], "xmr and t charts"),
            (["counts.csv", "--chart", "run", "--target", "3"], "run chart"),
            (["huge.csv", "--chart", "c"], "too large to chart"),
            (["zeroden.csv", "--chart", "run"], "zeroden.csv:3"),
        ] {
            let result = try ConcordatProcess.run(["spc"] + arguments, in: folder)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.output.contains(says), "\(arguments): \(result.output)")
            #expect(!result.output.contains("Fatal error"), "\(arguments)")
        }
    }
}

@Suite("concordat indicators as a process")
struct IndicatorsProcessTests {
    @Test("import is all or nothing and names the file, line and field of a refused row")
    func importValues() async throws {
        let folder = try ConcordatProcess.temporaryFolder("indicators")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConcordatProcess.run(["init"], in: folder).status == 0)
        try "indicator,area,month,value\nae-4-hour,east-kent,2026-05,74.2\ncancer-62-day,QKS,2026-05,70\n".write(
            to: folder.appendingPathComponent("good.csv"), atomically: true, encoding: .utf8)
        let good = try ConcordatProcess.run(["indicators", "import", "good.csv"], in: folder)
        #expect(good.status == 0 && good.output.contains("Imported 2 values"), "\(good.output)")
        try "indicator,area,month,value\nae-4-hour,east-kent,2026-06,74\nae-4-hour,east-kent,2026-07,174\n".write(
            to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try ConcordatProcess.run(["indicators", "import", "bad.csv"], in: folder)
        #expect(
            bad.status != 0 && bad.output.contains("bad.csv:3") && bad.output.contains("percentage"), "\(bad.output)")
        let store = try SQLiteStore(path: folder.appendingPathComponent("concordat.sqlite").path)
        #expect(try await store.indicatorValues().count == 2)  // nothing from the refused file
        let list = try ConcordatProcess.run(["indicators", "list"], in: folder)
        #expect(list.output.contains("constitutional standard"))
    }
}

@Suite("concordat indicators import-ae as a process")
struct ImportAEProcessTests {
    @Test("the shipped A&E file gives the pack's four trusts and their total; a bad file saves nothing")
    func importAE() async throws {
        let folder = try ConcordatProcess.temporaryFolder("import-ae")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConcordatProcess.run(["init"], in: folder).status == 0)
        let header = "period,org_code,type,attendances,breaches,admissions\n"
        try (header + "2019-05-01,RVV,1,100,5,1\n2019-05-01,RVV,other,100,500,1\n").write(
            to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try ConcordatProcess.run(["indicators", "import-ae", "bad.csv"], in: folder)
        #expect(
            bad.status != 0 && bad.output.contains("bad.csv:3") && bad.output.contains("breaches"), "\(bad.output)")
        let store = try SQLiteStore(path: folder.appendingPathComponent("concordat.sqlite").path)
        #expect(try await store.indicatorValues().isEmpty)
        try (header + "2019-05-01,ZZZ,1,100,5,1\n").write(
            to: folder.appendingPathComponent("strangers.csv"), atomically: true, encoding: .utf8)
        let strangers = try ConcordatProcess.run(["indicators", "import-ae", "strangers.csv"], in: folder)
        #expect(strangers.status != 0 && strangers.output.contains("no organisation of the system"))
        let shipped = try ConcordatProcess.run(["indicators", "import-ae"], in: folder)
        #expect(shipped.status == 0 && shipped.output.contains("Imported 360 values"), "\(shipped.output)")
        let values = try await store.indicatorValues()
        // (4 trusts + their total) × 36 months × (all types, type 1).
        #expect(values.count == 360)
        let total = try #require(
            values.first { $0.indicator == "ae-4-hour" && $0.subject == .area("QKS") && $0.month == "2019-03" })
        #expect(total.denominator == 57654 && total.numerator == 57654 - 9374)
    }
}
