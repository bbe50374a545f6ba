import ConcordatCore
import ConcordatTestSupport
import Foundation
import Testing

@testable import Ingest

@Suite("Importing FHIR R4 Bulk Data NDJSON")
struct FHIRBulkExtractTests {
    static let kent = Result {
        try PublishedSystemAssembly.assemble(from: .bundled("kent-medway"), rules: BundledPacks.kentPlaceRules)
    }

    static func patient(_ id: String, nhs: String? = nil, gender: String = "female", practice: String = "G82002")
        -> String
    {
        let identifier =
            nhs.map { #","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"\#($0)"}]"# } ?? ""
        return """
            {"resourceType":"Patient","id":"\(id)"\(identifier),"birthDate":"1948-05-17","gender":"\(gender)",\
            "generalPractitioner":[{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"\(practice)"}}],\
            "extension":[{"url":"https://concordat.dev/fhir/StructureDefinition/lsoa","valueString":"E01024345"},\
            {"url":"https://concordat.dev/fhir/StructureDefinition/imd-decile","valueInteger":2},\
            {"url":"https://concordat.dev/fhir/StructureDefinition/registration-period","valuePeriod":{"start":"2001-04-01"}}]}
            """
    }

    static let conditions = """
        {"resourceType":"Condition","subject":{"reference":"Patient/a1"},"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"I50.0"}]},"recordedDate":"2024-03-02T09:30:00Z"}
        {"resourceType":"Condition","subject":{"reference":"Patient/a1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"22298006"}]},"onsetDateTime":"2023-01-01"}

        """

    static let encounters = """
        {"resourceType":"Encounter","subject":{"reference":"Patient/a1"},"class":{"code":"EMER"},"serviceProvider":{"identifier":{"value":"RVV"}},"period":{"start":"2026-01-03T22:00:00Z","end":"2026-01-04"},"extension":[{"url":"https://concordat.dev/fhir/StructureDefinition/cost-pence","valueInteger":18000}]}
        {"resourceType":"Encounter","subject":{"reference":"Patient/a1"},"class":{"code":"IMP"},"priority":{"coding":[{"code":"EM"}]},"serviceProvider":{"identifier":{"value":"RVV"}},"period":{"start":"2026-01-04","end":"2026-01-09"},"reasonCode":[{"coding":[{"code":"I50.0"}]}],"extension":[{"url":"https://concordat.dev/fhir/StructureDefinition/cost-pence","valueInteger":380000}]}
        {"resourceType":"Encounter","subject":{"reference":"Patient/b2"},"serviceProvider":{"identifier":{"value":"886"}},"period":{"start":"2026-02-01","end":"2026-02-28"},"extension":[{"url":"https://concordat.dev/fhir/StructureDefinition/care-setting","valueCode":"adult_social_care"},{"url":"https://concordat.dev/fhir/StructureDefinition/cost-pence","valueInteger":180000}]}

        """

    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-fhir-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func run(_ folder: URL, key: Pseudonymiser? = nil) throws -> (IntegratedDataset?, DatasetImportReport) {
        defer { try? FileManager.default.removeItem(at: folder) }
        let importer = DatasetImport(
            system: try kent.get(), pseudonymiser: key, extractDate: Day(year: 2026, month: 7, day: 1)!)
        return try importer.run(directory: folder)
    }

    @Test("Patient, Condition and Encounter resources load as people, diagnoses and events")
    func loads() throws {
        let folder = try Self.folder([
            "1.Patient.ndjson": Self.patient("a1") + "\n",
            "2.Patient.ndjson": Self.patient("b2", gender: "male") + "\n",
            "Condition.ndjson": Self.conditions, "Encounter.ndjson": Self.encounters,
        ])
        let (dataset, report) = try Self.run(folder)
        let loaded = try #require(dataset, "\(report.rendered())")
        #expect(loaded.personIDs.strings == ["a1", "b2"])
        #expect(loaded.birthYear == [1948, 1948])
        #expect(loaded.birthMonth == [5, 5])
        #expect(loaded.sex == [0, 1])
        #expect(loaded.imdDecile == [2, 2])
        #expect(loaded.diagnosisCount == 2)
        #expect(Set(loaded.diagnosisSystem) == [CodeSystem.icd10.rawValue, CodeSystem.snomed.rawValue])
        #expect(loaded.eventSetting == [CareSetting.ae, .inpatientNonElective, .adultSocialCare].map(\.rawValue))
        #expect(loaded.eventCostPence == [18_000, 380_000, 180_000])
        #expect(loaded.eventStart[0] == Day(year: 2026, month: 1, day: 3)!.daysSinceEpoch)
        #expect(loaded.codes[Int(loaded.eventPrimaryCode[1])] == "I500")
        #expect(report.goodRows["Patient resources"] == 2)
    }

    @Test("an NHS number identifier is pseudonymised like a CSV extract's")
    func nhsNumber() throws {
        let key = try Pseudonymiser(key: [UInt8](repeating: 9, count: 32))
        let conditions = Self.conditions.replacingOccurrences(of: "Patient/a1", with: "Patient/9434765919")
        let folder = try Self.folder([
            "Patient.ndjson": Self.patient("x", nhs: "9434765919") + "\n", "Condition.ndjson": conditions,
        ])
        let (dataset, report) = try Self.run(folder, key: key)
        let loaded = try #require(dataset, "\(report.rendered())")
        #expect(loaded.personIDs.strings == [key.pseudonym(for: try NHSNumber(validating: "9434765919"))])
        #expect(loaded.diagnosisCount == 2)
    }

    @Test("errors name the NDJSON file, line and FHIR element; broken JSON names its line")
    func errors() throws {
        let patients = Self.patient("a1") + "\n" + Self.patient("b2", gender: "unknown") + "\n{not json\n"
        let folder = try Self.folder(["Patient.ndjson": patients, "Condition.ndjson": Self.conditions])
        let (dataset, report) = try Self.run(folder)
        #expect(dataset == nil)
        #expect(report.errors.contains { $0.file == "Patient.ndjson" && $0.line == 2 && $0.field == "gender (sex)" })
        #expect(report.errors.contains { $0.file == "Patient.ndjson" && $0.line == 3 && $0.field == "resource" })
        #expect(!report.errors.contains { $0.file == "patients.csv" })
    }
}
