import ArgumentParser
import Foundation
import Storage
import Testing

@testable import ConcordatCLI

@Suite("The command line")
struct CommandLineTests {
    @Test("--help lists the subcommands with real help text")
    func help() {
        let help = ConcordatCommand.helpMessage()
        #expect(help.contains("USAGE: concordat <subcommand>"))
        for line in ["demo", "init", "serve"] { #expect(help.contains(line)) }
        #expect(help.contains("Load a system into the database."))
        #expect(help.contains("CONCORDAT_DATABASE"))
        let serve = ConcordatCommand.helpMessage(for: ServeCommand.self)
        #expect(serve.contains("--database <path>"))
        #expect(serve.contains("--port <port>"))
        #expect(serve.contains("CONCORDAT_PORT"))
        let initHelp = ConcordatCommand.helpMessage(for: InitCommand.self)
        #expect(initHelp.contains("--example <name>"))
        #expect(initHelp.contains("--replace"))
    }

    @Test("a port out of range, or an unknown example, is refused before anything runs")
    func validation() {
        #expect(throws: (any Error).self) { try ConcordatCommand.parseAsRoot(["serve", "--port", "70000"]) }
        #expect(throws: (any Error).self) { try ConcordatCommand.parseAsRoot(["init", "--example", "wales"]) }
        #expect(throws: (any Error).self) {
            try ConcordatCommand.parseAsRoot(["init", "--example", "llr", "--data", "/tmp"])
        }
        #expect(throws: (any Error).self) { try ConcordatCommand.parseAsRoot(["serve", "--database", "postgres://x"]) }
        let message = ConcordatCommand.message(for: ValidationError("x"))
        #expect(message == "x")
    }

    @Test("init loads LLR, refuses to overwrite without --replace, and replaces with it")
    func initCommand() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-cli-\(UUID().uuidString).sqlite"
        ).path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var first = try #require(
            try ConcordatCommand.parseAsRoot(["init", "--example", "llr", "--database", path]) as? InitCommand)
        try await first.run()
        #expect(try await SQLiteStore(path: path).loadSystem()?.code == "LLR")
        var again = try #require(try ConcordatCommand.parseAsRoot(["init", "--database", path]) as? InitCommand)
        await #expect(throws: ValidationError.self) { try await again.run() }
        #expect(try await SQLiteStore(path: path).loadSystem()?.code == "LLR")
        var replace = try #require(
            try ConcordatCommand.parseAsRoot(["init", "--replace", "--database", path]) as? InitCommand)
        try await replace.run()
        let system = try #require(try await SQLiteStore(path: path).loadSystem())
        #expect(system.code == "QKS")
        #expect(system.population(of: "QKS").total == 2_039_483)
    }

    @Test("CONCORDAT_DATABASE and CONCORDAT_PORT are honoured when the options are absent")
    func environment() throws {
        setenv("CONCORDAT_DATABASE", "/tmp/from-env.sqlite", 1)
        setenv("CONCORDAT_PORT", "9123", 1)
        defer {
            unsetenv("CONCORDAT_DATABASE")
            unsetenv("CONCORDAT_PORT")
        }
        let serve = try #require(try ConcordatCommand.parseAsRoot(["serve"]) as? ServeCommand)
        #expect(serve.store.resolvedPath == "/tmp/from-env.sqlite")
        #expect(try serve.server.resolvedPort() == 9123)
        let explicit = try #require(
            try ConcordatCommand.parseAsRoot(["serve", "--port", "8181", "--database", "a.sqlite"]) as? ServeCommand)
        #expect(explicit.store.resolvedPath == "a.sqlite")
        #expect(try explicit.server.resolvedPort() == 8181)
    }
}
