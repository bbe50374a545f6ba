import ArgumentParser
import Foundation
import Testing

@testable import ConcordatCLI

/// `concordat scenario appraise`: its options are checked before anything is run.
@Suite("scenario appraise on the command line")
struct ScenarioAppraiseCommandTests {
    func message(_ arguments: [String]) -> String? {
        do {
            _ = try ConcordatCommand.parseAsRoot(["scenario", "appraise", "s.json"] + arguments)
            return nil
        } catch { return ConcordatCommand.message(for: error) }
    }

    @Test("a lower optimism bias without a reason is refused with a clear error")
    func lowerWithoutReason() {
        let refusal = message(["--optimism-bias", "outsourcing", "--optimism-bias-percent", "10"])
        #expect(refusal?.contains("below the published upper bound of 41%") == true)
        #expect(refusal?.contains("--optimism-bias-percent") == true)
        #expect(message(["--optimism-bias-percent", "10", "--reason", "fixed-price contract"]) == nil)
        #expect(message(["--optimism-bias", "outsourcing"]) == nil)
    }

    @Test("bad project types, percentages and run counts are refused")
    func hostile() {
        #expect(message(["--optimism-bias", "castle"]) != nil)
        #expect(message(["--optimism-bias-percent", "nan", "--reason", "x"]) != nil)
        #expect(message(["--optimism-bias-percent", "-3", "--reason", "x"]) != nil)
        #expect(message(["--reason", "no percentage"]) != nil)
        #expect(message(["--runs", "0"]) != nil)
    }
}
