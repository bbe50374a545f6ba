import ConcordatCore
import Foundation
import Storage
import Testing

/// The README's recipe for the scenario journey (issue 17) is run as written, so it cannot rot: every
/// command in its block is one the command line takes, and the accounts it makes are the ones the
/// journey needs (the browser walk, `Tests/Browser/walk.py`, runs the same block before the journey).
@Suite("The README's scenario-journey recipe runs as written")
struct ReadmeRecipeTests {
    static let readme = BrowserTests.root.appendingPathComponent("README.md")

    /// The block's commands, each as its arguments after `concordat`.
    static func recipe() throws -> [[String]] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let parts = text.components(separatedBy: "<!-- scenario-journey")
        let block = try #require(parts.dropFirst().first?.components(separatedBy: "<!-- /scenario-journey -->").first)
        return block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("concordat ") }.map { $0.split(separator: " ").dropFirst().map(String.init) }
    }

    @Test("init and the three accounts: KCC's analyst, the board secretary, KCC's Section 151 officer")
    func accounts() async throws {
        let recipe = try Self.recipe()
        #expect(recipe.first == ["init"])
        #expect(recipe.last == ["demo", "--people", "4000"])
        let folder = try ConcordatProcess.temporaryFolder("readme-recipe")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("recipe.sqlite").path
        var outputs: [String: String] = [:]
        for command in recipe.dropLast() {
            // A quick password hash, and this test's own database, whatever the environment says.
            let arguments = command + ["--database", database] + (command.first == "user" ? ["--cost", "4"] : [])
            let (status, output) = try ConcordatProcess.run(arguments, in: folder, input: "correct horse battery\n")
            #expect(status == 0, "concordat \(command.joined(separator: " ")): \(output)")
            if let at = command.firstIndex(of: "--username") { outputs[command[at + 1]] = output }
        }
        #expect(outputs["ana"]?.contains("Added ana (analyst)") == true)
        #expect(outputs["bea"]?.contains("Added bea (board-secretary)") == true)
        #expect(outputs["kim"]?.contains("Added kim (finance), Section 151 officer") == true)
        let store = try SQLiteStore(path: database)
        let ana = try #require(try await store.user("ana"))
        let bea = try #require(try await store.user("bea"))
        let kim = try #require(try await store.user("kim"))
        #expect(ana.role == .analyst && ana.organisation == "kcc")
        #expect(bea.role == .boardSecretary && bea.organisation == nil)
        #expect(kim.role == .finance && kim.organisation == "kcc")
    }
}
