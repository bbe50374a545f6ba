import ConcordatCore
import Foundation
import Testing

@testable import Ingest

@Suite("Pseudonymisation with a keyed HMAC")
struct PseudonymiserTests {
    static let key = [UInt8](repeating: 7, count: 32)

    @Test("the primitive is HMAC-SHA256: RFC 4231 test case 6 (a 131-byte key)")
    func rfc4231() throws {
        let pseudonymiser = try Pseudonymiser(key: [UInt8](repeating: 0xAA, count: 131))
        let mac = pseudonymiser.authenticationCode(
            for: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        let hex = mac.map { String(format: "%02x", $0) }.joined()
        #expect(hex == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test("a pseudonym is the first 128 bits of the HMAC of the digits, in hex")
    func pseudonymIsTruncatedMAC() throws {
        let pseudonymiser = try Pseudonymiser(key: Self.key)
        let number = try NHSNumber(validating: "9434765919")
        let mac = pseudonymiser.authenticationCode(for: Array("9434765919".utf8))
        #expect(pseudonymiser.pseudonym(for: number) == mac.prefix(16).map { String(format: "%02x", $0) }.joined())
    }

    @Test("stable for a key, different for another key or another person")
    func stableAndKeyDependent() throws {
        let first = try Pseudonymiser(key: Self.key)
        let again = try Pseudonymiser(key: Self.key)
        let other = try Pseudonymiser(key: [UInt8](repeating: 8, count: 32))
        let person = try NHSNumber(validating: "9434765919")
        let someoneElse = try NHSNumber(validating: "4010232137")
        #expect(first.pseudonym(for: person) == again.pseudonym(for: person))
        #expect(first.pseudonym(for: person) != other.pseudonym(for: person))
        #expect(first.pseudonym(for: person) != first.pseudonym(for: someoneElse))
        #expect(first.pseudonym(for: person).count == 32)
        #expect(!first.pseudonym(for: person).contains("9434765919"))
    }

    @Test("keys shorter than 256 bits are refused; a generated key file round-trips")
    func keys() throws {
        #expect(throws: Pseudonymiser.KeyError.self) { try Pseudonymiser(key: [UInt8](repeating: 1, count: 31)) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("provider.key")
        try Pseudonymiser.generateKeyFile(at: file)
        let text = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.count == 64)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let person = try NHSNumber(validating: "9434765919")
        #expect(
            try Pseudonymiser(keyFile: file).pseudonym(for: person)
                == Pseudonymiser(keyFile: file).pseudonym(for: person))
    }

    @Test("pseudonymising an extract removes every NHS number and links the files; a bad number writes nothing")
    func extract() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-pseud-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try "person_id,nhs_number,practice_code\n9434765919,9434765919,G82002\n4010232137,4010232137,G82006\n"
            .write(to: input.appendingPathComponent("patients.csv"), atomically: true, encoding: .utf8)
        try "person_id,setting\n9434765919,gp\n4010232137,\"a, b\"\n"
            .write(to: input.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let pseudonymiser = try Pseudonymiser(key: Self.key)
        let output = folder.appendingPathComponent("out")
        let outcome = try ExtractPseudonymisation.run(input: input, output: output, pseudonymiser: pseudonymiser)
        #expect(outcome.errorCount == 0)
        let patients = try String(contentsOf: output.appendingPathComponent("patients.csv"), encoding: .utf8)
        let events = try String(contentsOf: output.appendingPathComponent("events.csv"), encoding: .utf8)
        let p1 = pseudonymiser.pseudonym(for: try NHSNumber(validating: "9434765919"))
        #expect(
            patients
                == "person_id,nhs_number,practice_code\n\(p1),,G82002\n\(pseudonymiser.pseudonym(for: try NHSNumber(validating: "4010232137"))),,G82006\n"
        )
        #expect(events.hasPrefix("person_id,setting\n\(p1),gp\n"))
        #expect(events.contains("\"a, b\""))
        #expect(!patients.contains("9434765919") && !events.contains("9434765919"))

        try "person_id,setting\n9434765918,gp\n".write(
            to: input.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let bad = folder.appendingPathComponent("bad")
        let refused = try ExtractPseudonymisation.run(input: input, output: bad, pseudonymiser: pseudonymiser)
        #expect(refused.errorCount == 1)
        #expect(refused.errors.first?.line == 2)
        #expect(refused.errors.first?.file == "events.csv")
        #expect(try FileManager.default.contentsOfDirectory(atPath: bad.path).isEmpty)
    }
}
