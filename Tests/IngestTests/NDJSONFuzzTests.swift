import ConcordatCore
import Foundation
import Testing

@testable import Ingest

/// The FHIR NDJSON reader under mutated input: valid Patient, Condition and Encounter lines with bytes
/// flipped, cut, doubled and spliced. Every run must end in a dataset or in errors that name a file and a
/// line inside it — never a crash, and never a half-loaded dataset beside errors.
@Suite("Fuzzing the FHIR NDJSON reader")
struct NDJSONFuzzTests {
    static func mutate(_ text: String, _ generator: inout SeededRandom) -> String {
        var bytes = Array(text.utf8)
        for _ in 0..<(1 + generator.next() % 6) where !bytes.isEmpty {
            let index = Int(generator.next() % UInt64(bytes.count))
            switch generator.next() % 6 {
            case 0: bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            case 1: bytes.removeSubrange(index..<min(bytes.count, index + Int(generator.next() % 40)))
            case 2: bytes.insert(contentsOf: Array(#"{"resourceType":"Patient"}"#.utf8), at: index)
            case 3:
                bytes.insert(contentsOf: [0x0A, 0x0D, 0x00, 0xEF, 0xBB, 0xBF].shuffled(using: &generator), at: index)
            case 4: bytes.insert(contentsOf: bytes[index..<min(bytes.count, index + 60)], at: index)
            default: bytes.insert(contentsOf: Array(#"":[[{"value":1e999}]],"#.utf8), at: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("200 mutated extracts load whole or are refused with located errors")
    func fuzz() throws {
        var generator = SeededRandom(seed: 9_434_765_919)
        let patients = FHIRBulkExtractTests.patient("a1") + "\n" + FHIRBulkExtractTests.patient("b2", gender: "male")
        var loaded = 0
        var refused = 0
        for iteration in 0..<200 {
            let files = [
                "Patient.ndjson": Self.mutate(patients + "\n", &generator),
                "Condition.ndjson": iteration % 2 == 0
                    ? Self.mutate(FHIRBulkExtractTests.conditions, &generator) : FHIRBulkExtractTests.conditions,
                "Encounter.ndjson": iteration % 3 == 0
                    ? Self.mutate(FHIRBulkExtractTests.encounters, &generator) : FHIRBulkExtractTests.encounters,
            ]
            // Counted in bytes: a Swift String holds "\r\n" as one Character.
            let lines = files.mapValues { $0.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count }
            let (dataset, report) = try FHIRBulkExtractTests.run(try FHIRBulkExtractTests.folder(files))
            if let dataset {
                loaded += 1
                #expect(report.errors.isEmpty, "iteration \(iteration)")
                #expect(dataset.personIDs.count <= 4)
            } else {
                refused += 1
                #expect(!report.errors.isEmpty, "iteration \(iteration): refused without a reason")
                for error in report.errors {
                    #expect(files[error.file] != nil, "iteration \(iteration): \(error.file) is not a file")
                    if let line = error.line {
                        #expect(
                            line >= 1 && line <= (lines[error.file] ?? 0),
                            "iteration \(iteration): \(error)")
                    }
                }
            }
        }
        #expect(loaded + refused == 200)
        #expect(refused > 50)
    }
}
