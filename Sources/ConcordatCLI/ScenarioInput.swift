import ArgumentParser
import Foundation
import Partnership
import Scenarios

/// The options every `concordat scenario` subcommand reads a scenario with: the store, the definition
/// file and the runs in place of the definition's, parsed and checked once.
struct ScenarioInput: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The scenario definition (JSON).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Monte Carlo runs, in place of the definition's (1–100,000).", valueName: "n"))
    var runs: Int?

    func validate() throws {
        if let runs, !(1...ScenarioDefinition.maximumRuns).contains(runs) {
            throw ValidationError("--runs must be 1 to \(ScenarioDefinition.maximumRuns)")
        }
    }

    /// The definition's bytes and the study of the stored system and dataset.
    /// - Throws: `ValidationError` naming the file when it cannot be read, or saying what the store lacks.
    func read() async throws -> (json: Data, study: ScenarioStudy) {
        let json: Data
        do { json = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw ValidationError("\(file) cannot be read: \(error.localizedDescription)")
        }
        do {
            return (json, try await store.withStore { try await ScenarioStudy.read(from: $0) })
        } catch let problem as ScenarioStudy.Problem {
            throw ValidationError(problem.description)
        }
    }
}
