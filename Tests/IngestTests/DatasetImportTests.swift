import ConcordatCore
import ConcordatTestSupport
import Foundation
import Testing

@testable import Ingest

@Suite("Importing the integrated dataset")
struct DatasetImportTests {
    static let kent = Result {
        try PublishedSystemAssembly.assemble(from: .bundled("kent-medway"), rules: BundledPacks.kentPlaceRules)
    }
    static let extractDate = Day(year: 2026, month: 7, day: 1)!

    static let patients = """
        person_id,nhs_number,birth_year,birth_month,sex,lsoa,imd_decile,practice_code,registered_from,died_on
        p1,,1950,3,female,E01024345,3,G82002,2001-05-01,
        p2,,1980,12,male,E01024346,9,G82028,2010-01-01,2026-03-01
        p3,,1990,1,female,E01000001,5,A81001,2015-01-01,

        """
    static let diagnoses = """
        person_id,code_system,code,recorded_on
        p1,icd10,I21.9,2020-01-01
        p1,snomed,22298006,2021-01-01
        p3,icd10,E11.9,2020-01-01

        """
    static let events = """
        person_id,setting,provider_code,start_on,end_on,cost_pence,primary_code
        p1,inpatient_nonelective,RVV,2026-01-01,2026-01-05,350000,I21.9
        p2,gp,G82028,2026-02-01,,4200,
        p3,gp,A81001,2026-02-01,,4200,

        """

    /// Writes an extract, optionally replacing one line (1-based, header is line 1) of one file.
    static func extract(patients: String = patients, diagnoses: String = diagnoses, events: String = events) throws
        -> URL
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try patients.write(to: folder.appendingPathComponent("patients.csv"), atomically: true, encoding: .utf8)
        try diagnoses.write(to: folder.appendingPathComponent("diagnoses.csv"), atomically: true, encoding: .utf8)
        try events.write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    static func replacing(_ text: String, line: Int, with replacement: String) -> String {
        var lines = text.components(separatedBy: "\n")
        lines[line - 1] = replacement
        return lines.joined(separator: "\n")
    }

    static func run(_ folder: URL, key: Pseudonymiser? = nil) throws -> (IntegratedDataset?, DatasetImportReport) {
        defer { try? FileManager.default.removeItem(at: folder) }
        return try DatasetImport(system: try kent.get(), pseudonymiser: key, extractDate: extractDate).run(
            directory: folder)
    }

    @Test("a clean extract loads; people outside the system are reported, not loaded; codes are stored without the dot")
    func clean() throws {
        let (dataset, report) = try Self.run(try Self.extract())
        let loaded = try #require(dataset)
        #expect(report.isClean)
        #expect(loaded.personCount == 2)
        #expect(loaded.personIDs.strings == ["p1", "p2"])
        #expect(loaded.diagnosisCount == 2)
        #expect(loaded.eventCount == 2)
        #expect(loaded.codes.strings.contains("I219"))
        #expect(loaded.diedOn[1] == Day(year: 2026, month: 3, day: 1)!.daysSinceEpoch)
        #expect(loaded.diedOn[0] == IntegratedDataset.noDate)
        #expect(loaded.costBySetting() == [.inpatientNonElective: 350_000, .gp: 4_200])
        #expect(report.outsidePeopleByPractice == ["A81001": 1])
        #expect(report.outsideDiagnoses == 1)
        #expect(report.outsideEvents == 1)
        #expect(report.goodRows == ["patients.csv": 3, "diagnoses.csv": 3, "events.csv": 3])
        #expect(report.fingerprint.count == 64)
    }

    /// (file, line, replacement, field expected in the error)
    static let malformed: [(String, Int, String, String)] = [
        ("patients.csv", 2, "p1,,1950,13,female,E01024345,3,G82002,2001-05-01,", "birth_month"),
        ("patients.csv", 2, "p1,,19x0,3,female,E01024345,3,G82002,2001-05-01,", "birth_year"),
        ("patients.csv", 2, "p1,,1950,3,woman,E01024345,3,G82002,2001-05-01,", "sex"),
        ("patients.csv", 2, "p1,,1950,3,female,E0102434,3,G82002,2001-05-01,", "lsoa"),
        ("patients.csv", 2, "p1,,1950,3,female,E01024345,11,G82002,2001-05-01,", "imd_decile"),
        ("patients.csv", 2, "p1,,1950,3,female,E01024345,3,G8200,2001-05-01,", "practice_code"),
        ("patients.csv", 2, "p1,,1950,3,female,E01024345,3,G82002,2001-02-30,", "registered_from"),
        ("patients.csv", 2, "p1,,1950,3,female,E01024345,3,G82002,2027-01-01,", "registered_from"),
        ("patients.csv", 2, "p1,,1950,3,female,E01024345,3,G82002,1940-01-01,", "registered_from"),
        ("patients.csv", 2, "p1,,1950,3,female,E01024345,3,G82002,2001-05-01,2000-01-01", "died_on"),
        ("patients.csv", 2, "p1,9434765918,1950,3,female,E01024345,3,G82002,2001-05-01,", "nhs_number"),
        ("patients.csv", 2, "p 1,,1950,3,female,E01024345,3,G82002,2001-05-01,", "person_id"),
        ("patients.csv", 3, "p1,,1980,12,male,E01024346,9,G82028,2010-01-01,", "person_id"),
        ("diagnoses.csv", 2, "p9,icd10,I21.9,2020-01-01", "person_id"),
        ("diagnoses.csv", 2, "p1,icd9,410.9,2020-01-01", "code_system"),
        ("diagnoses.csv", 2, "p1,icd10,21.9,2020-01-01", "code"),
        ("diagnoses.csv", 3, "p1,snomed,2229,2021-01-01", "code"),
        ("diagnoses.csv", 2, "p1,icd10,I21.9,01/01/2020", "recorded_on"),
        ("events.csv", 2, "p1,spa,RVV,2026-01-01,2026-01-05,350000,I21.9", "setting"),
        ("events.csv", 2, "p1,inpatient_nonelective,rv,2026-01-01,2026-01-05,350000,I21.9", "provider_code"),
        ("events.csv", 2, "p1,inpatient_nonelective,RVV,2026-01-01,2025-12-05,350000,I21.9", "end_on"),
        ("events.csv", 2, "p1,inpatient_nonelective,RVV,2026-01-01,2026-01-05,-1,I21.9", "cost_pence"),
        ("events.csv", 2, "p1,inpatient_nonelective,RVV,2026-01-01,2026-01-05,35.50,I21.9", "cost_pence"),
        ("events.csv", 2, "p1,inpatient_nonelective,RVV,2026-01-01,2026-01-05,350000,!!", "primary_code"),
        ("events.csv", 2, "p1,inpatient_nonelective,RVV,,2026-01-05,350000,I21.9", "start_on"),
    ]

    @Test(
        "each kind of malformed row is refused with its file, line and field, and nothing is loaded",
        arguments: malformed)
    func refusesMalformedRow(file: String, line: Int, replacement: String, field: String) throws {
        let folder = try Self.extract(
            patients: file == "patients.csv"
                ? Self.replacing(Self.patients, line: line, with: replacement) : Self.patients,
            diagnoses: file == "diagnoses.csv"
                ? Self.replacing(Self.diagnoses, line: line, with: replacement) : Self.diagnoses,
            events: file == "events.csv" ? Self.replacing(Self.events, line: line, with: replacement) : Self.events)
        let (dataset, report) = try Self.run(folder)
        #expect(dataset == nil)
        // The refused row is the first error; any others can only be rows of other files naming a person
        // whom the change removed from patients.csv.
        let others = report.errors.dropFirst()
        #expect(
            others.allSatisfy { $0.file != file && $0.field == "person_id" && $0.reason.contains("is not a person") },
            "\(report.errors)")
        let error = try #require(report.errors.first)
        #expect(error.file == file)
        #expect(error.line == line)
        #expect(error.field == field)
        #expect(report.rendered().contains("\(file):\(line): field '\(field)':"))
    }

    @Test("a missing column is reported; a missing file is reported")
    func missingColumnAndFile() throws {
        let folder = try Self.extract(events: "person_id,setting\np1,gp\n")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("diagnoses.csv"))
        let (dataset, report) = try Self.run(folder)
        #expect(dataset == nil)
        #expect(report.errors.contains { $0.file == "diagnoses.csv" && $0.code == .unreadable })
        #expect(
            report.errors.contains { $0.file == "events.csv" && $0.field == "cost_pence" && $0.code == .missingColumn })
    }

    @Test("NHS numbers are refused without a key, and pseudonymised (never kept) with one")
    func nhsNumbers() throws {
        let raw = """
            person_id,nhs_number,birth_year,birth_month,sex,lsoa,imd_decile,practice_code,registered_from,died_on
            9434765919,9434765919,1950,3,female,E01024345,3,G82002,2001-05-01,

            """
        let diagnoses = "person_id,code_system,code,recorded_on\n9434765919,icd10,I50.0,2020-01-01\n"
        let events =
            "person_id,setting,provider_code,start_on,end_on,cost_pence,primary_code\n9434765919,gp,G82002,2026-02-01,,4200,\n"
        let (refused, report) = try Self.run(try Self.extract(patients: raw, diagnoses: diagnoses, events: events))
        #expect(refused == nil)
        #expect(report.errors.first?.reason.contains("pseudonymise") == true)
        let key = try Pseudonymiser(key: [UInt8](repeating: 3, count: 32))
        let (dataset, clean) = try Self.run(
            try Self.extract(patients: raw, diagnoses: diagnoses, events: events), key: key)
        #expect(clean.isClean)
        let loaded = try #require(dataset)
        #expect(loaded.personIDs.strings == [key.pseudonym(for: try NHSNumber(validating: "9434765919"))])
        #expect(loaded.diagnosisCount == 1 && loaded.eventCount == 1)
    }

    @Test("the report itemises the first 1000 refused rows and counts the rest")
    func reportCap() throws {
        var patients =
            "person_id,nhs_number,birth_year,birth_month,sex,lsoa,imd_decile,practice_code,registered_from,died_on\n"
        for index in 0..<1_500 { patients += "q\(index),,1950,3,nobody,E01024345,3,G82002,2001-05-01,\n" }
        let (dataset, report) = try Self.run(
            try Self.extract(
                patients: patients, diagnoses: "person_id,code_system,code,recorded_on\n",
                events: "person_id,setting,provider_code,start_on,end_on,cost_pence,primary_code\n"))
        #expect(dataset == nil)
        #expect(report.errorCount == 1_500)
        #expect(report.errors.count == 1_000)
        #expect(report.rendered().contains("… and 500 more"))
    }

    @Test("the same extract has the same fingerprint; a changed one does not")
    func fingerprint() throws {
        let (_, first) = try Self.run(try Self.extract())
        let (_, second) = try Self.run(try Self.extract())
        let (_, changed) = try Self.run(
            try Self.extract(events: Self.events.replacingOccurrences(of: "4200", with: "4201")))
        #expect(first.fingerprint == second.fingerprint)
        #expect(first.fingerprint != changed.fingerprint)
    }
}

@Suite("Import progress")
struct ImportProgressTests {
    /// Progress reports, collected from the import's callback.
    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [(Int, Int)] = []
        func add(_ read: Int, _ total: Int) { lock.withLock { values.append((read, total)) } }
        var all: [(Int, Int)] { lock.withLock { values } }
    }

    @Test("progress rises to the extract's whole size, in bytes")
    func progress() throws {
        let folder = try DatasetImportTests.extract()
        defer { try? FileManager.default.removeItem(at: folder) }
        let size = try ["patients.csv", "diagnoses.csv", "events.csv"].reduce(0) { sum, name in
            sum
                + (try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size]
                    as! Int)
        }
        var importer = DatasetImport(
            system: try DatasetImportTests.kent.get(), extractDate: DatasetImportTests.extractDate)
        let reports = Reports()
        importer.progress = { reports.add($0, $1) }
        _ = try importer.run(directory: folder)
        let seen = reports.all
        #expect(!seen.isEmpty)
        #expect(seen.allSatisfy { $0.1 == size })
        #expect(seen.last?.0 == size)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.0 <= $1.0 })
    }
}
