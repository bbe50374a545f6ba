import ConcordatCore
import ConcordatTestSupport
import Foundation
import Testing

@testable import Ingest

@Suite("The import checks diagnoses and events on several threads with the same result as on one")
struct DatasetImportParallelTests {
    static let key = Result { try Pseudonymiser(key: Array(repeating: 7, count: 32)) }

    /// A synthetic extract of `people` people (NHS numbers as person_id), with `edit` applied to its
    /// files' lines (header is line 1) before it is read.
    static func extract(people: Int, edit: (String, inout [String]) -> Void = { _, _ in }) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(UUID().uuidString)")
        _ = try SyntheticPopulation.write(
            system: try DatasetImportTests.kent.get(),
            spec: SyntheticPopulationSpec.kentMedway(seed: 11, people: people),
            to: folder)
        try Self.edit(folder, edit)
        return folder
    }

    /// Applies `edit` to the lines of each file of the extract in `folder`.
    static func edit(_ folder: URL, _ edit: (String, inout [String]) -> Void) throws {
        for name in DatasetImport.fileNames {
            let url = folder.appendingPathComponent(name)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            edit(name, &lines)
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static func run(_ folder: URL, workers: Int, key: Pseudonymiser?) throws -> (
        IntegratedDataset?, DatasetImportReport
    ) {
        var importer = DatasetImport(
            system: try DatasetImportTests.kent.get(), pseudonymiser: key, extractDate: DatasetImportTests.extractDate)
        importer.workers = workers
        return try importer.run(directory: folder)
    }

    static func expectSame(_ folder: URL, key: Pseudonymiser?) throws -> DatasetImportReport {
        let (oneDataset, one) = try run(folder, workers: 1, key: key)
        for workers in [2, 3] {
            let (dataset, report) = try run(folder, workers: workers, key: key)
            #expect(dataset == oneDataset, "\(workers) workers")
            #expect(report.errors == one.errors, "\(workers) workers")
            #expect(report.errorCount == one.errorCount, "\(workers) workers")
            #expect(report.goodRows == one.goodRows, "\(workers) workers")
            #expect(report.outsidePeopleByPractice == one.outsidePeopleByPractice)
            #expect(report.outsideDiagnoses == one.outsideDiagnoses)
            #expect(report.outsideEvents == one.outsideEvents)
            #expect(report.rowsOfRefusedPeople == one.rowsOfRefusedPeople)
            #expect(report.fingerprint == one.fingerprint)
            #expect(report.rendered() == one.rendered())
        }
        return one
    }

    @Test("a clean extract: the same dataset, codes and providers numbered the same")
    func clean() throws {
        let folder = try Self.extract(people: 4_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try Data(contentsOf: folder.appendingPathComponent("events.csv")).count
        #expect(events > 1 << 18, "events.csv must be large enough to be cut: \(events) bytes")
        let report = try Self.expectSame(folder, key: try Self.key.get())
        #expect(report.isClean)
        #expect(report.goodRows["events.csv", default: 0] > 10_000)
    }

    @Test("refused rows all through diagnoses and events: the same errors, lines, counts and report")
    func refusals() throws {
        let folder = try Self.extract(people: 4_000) { name, lines in
            guard name != "patients.csv" else {
                // A refused person, whose diagnoses and events are then counted, not checked.
                lines[10] = lines[10].replacingOccurrences(of: ",female,", with: ",woman,")
                    .replacingOccurrences(of: ",male,", with: ",man,")
                return
            }
            for line in stride(from: 7, to: lines.count - 1, by: 997) {
                var fields = lines[line].components(separatedBy: ",")
                switch line % 4 {
                case 0: fields[0] = "nobody"
                case 1: fields[fields.count - 1] = "!!"
                case 2: fields[1] = "spa"
                default: fields[3] = "2026-02-30"
                }
                lines[line] = fields.joined(separator: ",")
            }
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.expectSame(folder, key: try Self.key.get())
        #expect(report.errorCount > 20)
        #expect(report.rowsOfRefusedPeople > 0)
        #expect(Set(report.errors.map(\.file)) == ["patients.csv", "diagnoses.csv", "events.csv"])
    }

    @Test("raw NHS numbers without a key are reported once, at the same row, by any number of threads")
    func rawNumbersOnce() throws {
        // A pseudonymised extract, then raw NHS numbers (of nobody) spread through events.csv, so that
        // every thread meets one.
        let raw = try Self.extract(people: 4_000)
        let folder = raw.appendingPathExtension("pseudonymised")
        defer {
            try? FileManager.default.removeItem(at: raw)
            try? FileManager.default.removeItem(at: folder)
        }
        _ = try ExtractPseudonymisation.run(input: raw, output: folder, pseudonymiser: try Self.key.get())
        var injected = 0
        try Self.edit(folder) { name, lines in
            guard name == "events.csv" else { return }
            for line in stride(from: 50, to: lines.count - 1, by: 1_500) {
                var fields = lines[line].components(separatedBy: ",")
                fields[0] = "9434765919"
                lines[line] = fields.joined(separator: ",")
                injected += 1
            }
        }
        #expect(injected > 10)
        let report = try Self.expectSame(folder, key: nil)
        #expect(report.errors.filter { $0.reason.contains("the extract holds NHS numbers") }.count == 1)
        #expect(report.errors.filter { $0.reason.contains("is not a person in patients.csv") }.count == injected)
        #expect(report.errorCount == injected + 1)
    }

    @Test("a missing column in events.csv is reported once and its rows are not read, on any number of threads")
    func missingColumn() throws {
        let folder = try Self.extract(people: 2_000) { name, lines in
            guard name == "events.csv" else { return }
            lines[0] = lines[0].replacingOccurrences(of: "cost_pence", with: "cost")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Self.expectSame(folder, key: try Self.key.get())
        #expect(report.errors.filter { $0.field == "cost_pence" }.count == 1)
        #expect(report.goodRows["events.csv"] == nil)
    }

    @Test("people's IDs are their NHS numbers' pseudonyms, in file order, on any number of threads")
    func pseudonymsInOrder() throws {
        var numbers: [String] = []
        let folder = try Self.extract(people: 45_000) { name, lines in
            guard name == "patients.csv" else { return }
            numbers = lines.dropFirst().filter { !$0.isEmpty }.map { String($0.prefix { $0 != "," }) }
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try Self.key.get()
        let expected = try numbers.map { key.pseudonym(for: try NHSNumber(validating: $0)) }
        #expect(expected.count == 45_000 && Set(expected).count == 45_000)
        for workers in [1, 2, 3, 7] {
            let (dataset, report) = try Self.run(folder, workers: workers, key: key)
            #expect(report.errorCount == 0, "\(workers) workers: \(report.errors.prefix(3))")
            let ids = try #require(dataset).personIDs
            #expect(ids.strings == expected, "\(workers) workers")
            #expect(report.goodRows["events.csv", default: 0] > 100_000)
        }
    }
}
