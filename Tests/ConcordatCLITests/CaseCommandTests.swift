import ArgumentParser
import Foundation
import Testing

@testable import ConcordatCLI

/// `concordat case`: its arguments are checked before anything is read or written.
@Suite("case draft, attach, determine and show on the command line")
struct CaseCommandTests {
    func message(_ arguments: [String]) -> String? {
        do {
            _ = try ConcordatCommand.parseAsRoot(["case"] + arguments)
            return nil
        } catch { return ConcordatCommand.message(for: error) }
    }

    @Test("well-formed commands parse; an outcome, a format or an office that is not one is refused")
    func arguments() {
        #expect(message(["draft", "s.json", "--id", "BC-1", "--title", "Home first"]) == nil)
        #expect(message(["draft", "s.json", "--title", "no id"]) != nil)
        #expect(message(["attach", "BC-1", "EK-1", "--as", "kcc-analyst"]) == nil)
        #expect(message(["attach", "BC-1"]) != nil)
        #expect(message(["determine", "BC-1", "--outcome", "affordable", "--reason", "fine", "--as", "s151"]) == nil)
        #expect(
            message(["determine", "BC-1", "--outcome", "perhaps", "--reason", "fine"])?.contains("perhaps") == true)
        #expect(message(["determine", "BC-1", "--outcome", "affordable"]) != nil)
        #expect(message(["show", "BC-1", "--format", "csv"]) == nil)
        #expect(message(["show", "BC-1", "--format", "xml"]) != nil)
        let office = {
            (value: String) -> String? in
            do {
                _ = try ConcordatCommand.parseAsRoot(
                    [
                        "user", "add", "--username", "s151", "--role", "finance", "--organisation", "kcc", "--office",
                        value,
                        "--password-stdin",
                    ])
                return nil
            } catch { return ConcordatCommand.message(for: error) }
        }
        #expect(office("section-151-officer") == nil)
        #expect(office("mayor") != nil)
    }
}
