import ConcordatTestSupport
import Foundation
import Ingest
import Testing

/// Broken copies of the published files are refused with the file, line and field at fault.
@Suite("Bad reference data gives a clear error")
struct BadReferenceDataTests {
    static func data(patients: String) throws -> PublishedReferenceData {
        let real = try PublishedReferenceData.bundled("kent-medway")
        return PublishedReferenceData(
            practiceMap: real.practiceMap,
            registeredPatients: try CSVTable(
                parsing: Array(patients.utf8), file: PublishedReferenceData.FileName.registeredPatients),
            weightedPopulation: real.weightedPopulation, payments: real.payments)
    }

    static let header =
        "PUBLICATION,EXTRACT_DATE,ORG_TYPE,ORG_CODE,ONS_CODE,POSTCODE,SEX,AGE_GROUP_5,NUMBER_OF_PATIENTS\n"

    @Test("a negative count names its line and field")
    func negativeCount() throws {
        let data = try Self.data(
            patients: Self.header
                + "P,2026-07-01,GP,G82002,,CT16 1SF,FEMALE,0_4,12\nP,2026-07-01,GP,G82002,,CT16 1SF,MALE,0_4,-3\n")
        #expect {
            try PublishedSystemAssembly.assemble(from: data, rules: BundledPacks.kentPlaceRules)
        } throws: { error in
            let error = error as? IngestError
            return error?.code == .invalidValue && error?.line == 3 && error?.field == "NUMBER_OF_PATIENTS"
                && error?.file == "registered-patients-by-age-sex-2026-07.csv"
        }
    }

    @Test("an unknown age band names its line and field")
    func unknownBand() throws {
        let data = try Self.data(patients: Self.header + "P,2026-07-01,GP,G82002,,CT16 1SF,FEMALE,0_3,12\n")
        #expect {
            try PublishedSystemAssembly.assemble(from: data, rules: BundledPacks.kentPlaceRules)
        } throws: { error in
            (error as? IngestError)?.line == 2 && (error as? IngestError)?.field == "AGE_GROUP_5"
        }
    }

    @Test("an unknown sex names its line and field")
    func unknownSex() throws {
        let data = try Self.data(patients: Self.header + "P,2026-07-01,GP,G82002,,CT16 1SF,X,0_4,12\n")
        #expect {
            try PublishedSystemAssembly.assemble(from: data, rules: BundledPacks.kentPlaceRules)
        } throws: { error in
            (error as? IngestError)?.line == 2 && (error as? IngestError)?.field == "SEX"
        }
    }

    @Test("a practice total that disagrees with its bands is refused")
    func totalsDisagree() throws {
        let data = try Self.data(
            patients: Self.header
                + "P,2026-07-01,GP,G82002,,CT16 1SF,ALL,ALL,30\nP,2026-07-01,GP,G82002,,CT16 1SF,FEMALE,0_4,12\n")
        #expect {
            try PublishedSystemAssembly.assemble(from: data, rules: BundledPacks.kentPlaceRules)
        } throws: { error in
            (error as? IngestError)?.code == .inconsistent
        }
    }

    @Test("a missing file is named")
    func missingFile() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect {
            try PublishedReferenceData(directory: empty)
        } throws: { error in
            (error as? IngestError)?.code == .unreadable
                && ((error as? IngestError)?.file.hasSuffix("practice-pcn-map-2026-07.csv") ?? false)
        }
    }
}
