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
        #expect(serve.contains("--database <path-or-url>"))
        #expect(serve.contains("--log-format <text|json>"))
        #expect(serve.contains("--port <port>"))
        #expect(serve.contains("CONCORDAT_PORT"))
        let initHelp = ConcordatCommand.helpMessage(for: InitCommand.self)
        #expect(initHelp.contains("--example <name>"))
        #expect(initHelp.contains("--replace"))
    }

    @Test("the disclosure rule may be made stricter, never weaker than OpenSAFELY's")
    func disclosureOptions() throws {
        let stricter = try #require(
            try ConcordatCommand.parseAsRoot(["serve", "--suppress-at-most", "10", "--round-to", "10"]) as? ServeCommand
        )
        let policy = try stricter.server.configuration.disclosure
        #expect(policy.threshold == 10 && policy.roundingBase == 10)
        let standard = try #require(try ConcordatCommand.parseAsRoot(["serve"]) as? ServeCommand)
        #expect(try standard.server.configuration.disclosure == .standard)
        for weaker in [
            ["--suppress-at-most", "4"], ["--round-to", "1"], ["--suppress-at-most", "-1"], ["--round-to", "0"],
        ] {
            #expect(throws: (any Error).self, "\(weaker)") { try ConcordatCommand.parseAsRoot(["serve"] + weaker) }
        }
    }

    @Test("a port out of range, or an unknown example, is refused before anything runs")
    func validation() {
        #expect(throws: (any Error).self) { try ConcordatCommand.parseAsRoot(["serve", "--port", "70000"]) }
        #expect(throws: (any Error).self) { try ConcordatCommand.parseAsRoot(["init", "--example", "wales"]) }
        #expect(throws: (any Error).self) {
            try ConcordatCommand.parseAsRoot(["init", "--example", "llr", "--data", "/tmp"])
        }
        // A PostgreSQL URL is checked before anything connects: this one names no user.
        #expect(throws: (any Error).self) { try ConcordatCommand.parseAsRoot(["serve", "--database", "postgres://x"]) }
        #expect(throws: Never.self) {
            try ConcordatCommand.parseAsRoot([
                "serve", "--database", "postgres://ana:pw@db.example/kent?sslmode=require",
            ])
        }
        #expect(throws: (any Error).self) { try ConcordatCommand.parseAsRoot(["serve", "--log-format", "xml"]) }
        #expect(throws: (any Error).self) { try ConcordatCommand.parseAsRoot(["serve", "--log-level", "loud"]) }
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

    @Test("backup writes a snapshot; restore needs --replace over a system, then brings the snapshot back")
    func backupAndRestore() async throws {
        let folder = try ConcordatProcess.temporaryFolder("backup")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConcordatProcess.run(["init", "--example", "llr"], in: folder).status == 0)
        let backup = try ConcordatProcess.run(["backup", "--to", "snapshot.sqlite"], in: folder)
        #expect(backup.status == 0)
        #expect(backup.output.contains("Backed up concordat.sqlite to snapshot.sqlite"))
        #expect(try ConcordatProcess.run(["init", "--replace"], in: folder).status == 0)
        let refused = try ConcordatProcess.run(["restore", "--from", "snapshot.sqlite"], in: folder)
        #expect(refused.status != 0)
        #expect(refused.output.contains("pass --replace"))
        let restored = try ConcordatProcess.run(["restore", "--from", "snapshot.sqlite", "--replace"], in: folder)
        #expect(restored.status == 0)
        #expect(restored.output.contains("Leicester"))
        let path = folder.appendingPathComponent("concordat.sqlite").path
        #expect(try await SQLiteStore(path: path).loadSystem()?.code == "LLR")
        let missing = try ConcordatProcess.run(["restore", "--from", "nope.sqlite"], in: folder)
        #expect(missing.status != 0 && missing.output.contains("nope.sqlite: no such file"))
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

@Suite("concordat score")
struct ScoreCommandTests {
    @Test(
        "writes person_id, score and R comorbidity columns; age-adjusts; people without codes score 0; bad codes are skipped"
    )
    func score() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-score-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "person_id,code\na,I21.9\na,I50.0\nb,c50.9\nb,C78.0\nb,!!\n".write(
            to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        try "person_id,age\na,72\nb,45\nc,90\n".write(
            to: folder.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out.csv").path
        var command = try #require(
            try ConcordatCommand.parseAsRoot([
                "score", "--diagnoses", folder.appendingPathComponent("d.csv").path, "--patients",
                folder.appendingPathComponent("p.csv").path, "--index", "charlson-1987", "--age-adjust", "--out", out,
            ]) as? ScoreCommand)
        try command.run()
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(
            lines[0]
                == "person_id,score,ami,chf,pvd,cevd,dementia,copd,rheumd,pud,mld,diab,diabwc,hp,rend,canc,msld,metacanc,aids"
        )
        // a: ami 1 + chf 1 + age term 3 (72) = 5; b: metastatic 6 (cancer dropped) + age term 0 (45) = 6;
        // c: no codes + age term 4 (90) = 4. The malformed code '!!' is skipped.
        #expect(lines[1] == "a,5,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0")
        #expect(lines[2] == "b,6,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0")
        #expect(lines[3] == "c,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0")
        #expect(throws: (any Error).self) {
            try ConcordatCommand.parseAsRoot(["score", "--diagnoses", "d", "--index", "hfrs", "--age-adjust"])
        }
        #expect(throws: (any Error).self) {
            try ConcordatCommand.parseAsRoot(["score", "--diagnoses", "d", "--index", "charlson"])
        }
    }
}

@Suite("concordat score writes spreadsheet-safe CSV")
struct ScoreCSVTests {
    @Test("identifiers that look like formulas are neutralised, quotes are doubled once, negative scores stay numbers")
    func formulaInjection() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-score-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // F11.2 (opioid dependence) is drug abuse, weighted −7 by van Walraven.
        let diagnoses = [
            "person_id,code", #""=HYPERLINK(""http://evil.example"",""x"")",F11.2"#, "+cmd,I21.9", "@SUM(A1),I21.9",
            #""say ""hi""",I21.9"#, "plain,F11.2",
        ]
        try (diagnoses.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out.csv").path
        var command = try #require(
            try ConcordatCommand.parseAsRoot([
                "score", "--diagnoses", folder.appendingPathComponent("d.csv").path, "--index", "elixhauser-vw",
                "--out", out,
            ]) as? ScoreCommand)
        try command.run()
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix(#""'=HYPERLINK(""http://evil.example"",""x"")",-7,"#))
        #expect(lines[2].hasPrefix("'+cmd,0,"))
        #expect(lines[3].hasPrefix("'@SUM(A1),0,"))
        #expect(lines[4].hasPrefix(#""say ""hi""",0,"#))
        #expect(lines[5].hasPrefix("plain,-7,"))
    }
}

@Suite("concordat score --index efi")
struct ElectronicFrailtyCommandTests {
    @Test("reads SNOMED CT codes, counts configured deficits once each, and writes score, deficits and category")
    func efi() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-efi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Ten deficits, coded 100001…100010; person a has three (one twice), b has none, c a malformed code.
        let deficits = (1...10).map { #"{"name":"D\#($0)","codes":["\#(100_000 + $0)"]}"# }.joined(separator: ",")
        try #"{"deficits":[\#(deficits)]}"#.write(
            to: folder.appendingPathComponent("efi.json"), atomically: true, encoding: .utf8)
        try "person_id,code\na,100001\na,100001\na,100002\na,100003\nb,22298006\nc,XYZ\n".write(
            to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out.csv").path
        var command = try #require(
            try ConcordatCommand.parseAsRoot([
                "score", "--diagnoses", folder.appendingPathComponent("d.csv").path, "--index", "efi", "--efi-deficits",
                folder.appendingPathComponent("efi.json").path, "--out", out,
            ]) as? ScoreCommand)
        try command.run()
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(
            lines == ["person_id,score,deficits,category", "a,0.3000,3,moderate", "b,0.0000,0,fit", "c,0.0000,0,fit"])
        #expect(throws: (any Error).self) {
            try ConcordatCommand.parseAsRoot(["score", "--diagnoses", "d", "--index", "efi"])
        }
    }
}

@Suite("The progress bar")
struct ProgressBarTests {
    @Test("shows the share done, the rate and the time to go")
    func line() {
        let text = ProgressBar.line(label: "Reading", done: 50_000_000, total: 100_000_000, elapsed: 2, width: 10)
        #expect(text == "Reading [#####.....]  50% 50 MB of 100 MB, 25 MB/s, about 2 s to go")
        let done = ProgressBar.line(label: "Reading", done: 100_000_000, total: 100_000_000, elapsed: 4, width: 10)
        #expect(done == "Reading [##########] 100% 100 MB of 100 MB, 25 MB/s")
    }
}
