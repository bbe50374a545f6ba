import Foundation
import Testing

@testable import Scenarios

/// Stopping a run part-way (issue 17, cancelling a scenario): the Monte Carlo loop calls its checkpoint
/// between blocks of runs, and a checkpoint that throws stops it with no more runs made.
@Suite("Scenario runs stop at a checkpoint between blocks of runs")
struct ScenarioCheckpointTests {
    struct Stop: Error, Equatable {}

    static let data = SyntheticBaseline.dataset(people: 1_500, seed: 11)

    @Test("a checkpoint that never throws changes nothing: the same results, to the last bit")
    func unchanged() throws {
        let model = try SyntheticBaseline.model(SyntheticBaseline.definition(runs: 130), on: Self.data)
        var checks = 0
        let checked = model.results(workers: 2, progress: { _, _ in }, checkpoint: { checks += 1 })
        #expect(checked == model.results(workers: 2))
        // Once before the principal projection, then before each block of at most 64 runs: 64, 64, 2.
        #expect(checks == 4)
    }

    @Test("a checkpoint that throws stops the runs there: no later block is made, the error is the caller's")
    func stops() throws {
        let model = try SyntheticBaseline.model(SyntheticBaseline.definition(runs: 1_000), on: Self.data)
        var checks = 0
        var done: [Int] = []
        #expect(throws: Stop()) {
            _ = try model.results(
                workers: 1, progress: { finished, _ in done.append(finished) },
                checkpoint: {
                    checks += 1
                    if checks == 3 { throw Stop() }
                })
        }
        // The principal projection's check, one block of 64 runs made, and the second block never started.
        #expect(done == [64])
        #expect(checks == 3)
        // Stopped before anything at all: nothing is run.
        #expect(throws: Stop()) {
            _ = try model.results(
                workers: 1, progress: { _, _ in Issue.record("no run should be made") }, checkpoint: { throw Stop() })
        }
    }
}
