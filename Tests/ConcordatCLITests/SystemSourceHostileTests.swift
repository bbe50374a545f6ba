import ArgumentParser
import Foundation
import Storage
import Testing

@testable import ConcordatCLI

/// `init --icb`, `--place-map`, `--pcn-map` and `--pack` sent hostile values and hostile files: each is a
/// clear refusal saying what was wrong (the option, or the file and why), the database is left empty, and
/// nothing crashes.
@Suite("Hostile system sources on the command line", .serialized)
struct SystemSourceHostileTests {
    /// A scratch folder, removed by the caller.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs `concordat init ARGUMENTS` against a fresh database in `folder`: the refusal's message, or nil
    /// when the command succeeded. Checks that a refused command left the database without a system.
    static func refusal(_ arguments: [String], in folder: URL) async throws -> String? {
        let database = folder.appendingPathComponent("\(UUID().uuidString).sqlite").path
        do {
            var command = try #require(
                try ConcordatCommand.parseAsRoot(["init"] + arguments + ["--database", database]) as? InitCommand)
            try await command.run()
            return nil
        } catch {
            if FileManager.default.fileExists(atPath: database) {
                #expect(try await SQLiteStore(path: database).loadSystem() == nil, "a refused init loaded nothing")
            }
            let message = ConcordatCommand.message(for: error)
            #expect(!message.isEmpty)
            #expect(message.utf8.count < 20_000, "the refusal does not repeat a huge value: \(message.prefix(200))")
            return message
        }
    }

    static let tenMegabytes = String(repeating: "Q", count: 10 * 1024 * 1024)

    @Test("--icb: empty, NaN, negative, unicode, control characters and 10 MB are refused naming --icb")
    func icbValues() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        for value in [
            "", " ", "NaN", "-1", "-QUY", "1e308", "９９", "ＱＵＹ", "QUY\u{0}", "QUY\n", "\u{202E}YUQ", "💥", "../../etc",
            "QUY,QKS", "Q%55Y", Self.tenMegabytes,
        ] {
            let message = try #require(
                try await Self.refusal(["--icb", value], in: folder), "--icb \(value.prefix(20)) was accepted")
            #expect(message.contains("--icb"), "\(value.prefix(20)): \(message.prefix(200))")
        }
    }

    @Test("--place-map and --pcn-map: missing, a directory, empty, binary, 10 MB and hostile rows are refused")
    func mapFiles() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ bytes: Data) throws -> String {
            let url = folder.appendingPathComponent(name)
            try bytes.write(to: url)
            return url.path
        }
        let directory = folder.appendingPathComponent("a-directory.csv")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let placeFiles: [(String, String)] = [
            ("missing", folder.appendingPathComponent("nope.csv").path),
            ("directory", directory.path),
            ("empty", try file("empty.csv", Data())),
            ("binary", try file("binary.csv", Data([0xFF, 0xFE, 0x00, 0x01, 0xC3, 0x28]))),
            ("huge", try file("huge.csv", Data(("district,place_code,place_name\n" + Self.tenMegabytes).utf8))),
            ("NaN", try file("nan.csv", Data("district,place_code,place_name\nNaN,nan,NaN\n".utf8))),
            (
                "negative",
                try file("negative.csv", Data("district,place_code,place_name\nBristol, City of,-1,-1\n".utf8))
            ),
            (
                "unicode code",
                try file("unicode.csv", Data("district,place_code,place_name\n\"Bristol, City of\",bri stol💥,B\n".utf8))
            ),
            (
                "huge name",
                try file(
                    "long.csv",
                    Data(
                        ("district,place_code,place_name\n\"Bristol, City of\",b,"
                            + String(repeating: "é", count: 1_000_000) + "\n").utf8))
            ),
            ("no columns", try file("columns.csv", Data("a,b\n1,2\n".utf8))),
        ]
        for (what, path) in placeFiles {
            let message = try #require(
                try await Self.refusal(["--icb", "QUY", "--place-map", path], in: folder), "\(what) was accepted")
            #expect(
                message.contains(path) || message.contains("--place-map"),
                "\(what) names the file: \(message.prefix(300))"
            )
        }
        let pcnFiles: [(String, String)] = [
            ("missing", folder.appendingPathComponent("nope-pcn.csv").path),
            ("directory", directory.path),
            ("empty", try file("empty-pcn.csv", Data())),
            ("binary", try file("binary-pcn.csv", Data([0xFF, 0xFE, 0x00]))),
            ("huge", try file("huge-pcn.csv", Data(("PRACTICE_CODE,PCN_CODE,PCN_NAME\n" + Self.tenMegabytes).utf8))),
            ("no columns", try file("columns-pcn.csv", Data("a,b\n1,2\n".utf8))),
        ]
        for (what, path) in pcnFiles {
            let message = try #require(
                try await Self.refusal(["--icb", "QUY", "--pcn-map", path], in: folder), "\(what) was accepted")
            #expect(
                message.contains(path) || message.contains("--pcn-map"),
                "\(what) names the file: \(message.prefix(300))")
        }
    }

    @Test("--pack: a missing folder, a file, an empty folder, a pack.json that is a directory, 10 MB or hostile")
    func packFolders() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        func pack(_ name: String, files: [String: Data], directories: [String] = []) throws -> String {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (file, bytes) in files { try bytes.write(to: url.appendingPathComponent(file)) }
            for directory in directories {
                try FileManager.default.createDirectory(
                    at: url.appendingPathComponent(directory), withIntermediateDirectories: true)
            }
            return url.path
        }
        let aFile = folder.appendingPathComponent("not-a-folder")
        try Data("{}".utf8).write(to: aFile)
        func manifest(_ json: String) -> [String: Data] { ["pack.json": Data(json.utf8)] }
        let england = #"{"format":1,"name":"X","hierarchy":{"kind":"england","icb":"QZZ"}}"#
        let cases: [(String, String)] = [
            ("missing", folder.appendingPathComponent("no-such-pack").path),
            ("a file", aFile.path),
            ("empty", try pack("empty", files: [:])),
            ("pack.json a directory", try pack("dir", files: [:], directories: ["pack.json"])),
            (
                "10 MB pack.json",
                try pack("huge", files: manifest(#"{"format":1,"name":""# + Self.tenMegabytes + "\"}"))
            ),
            ("format NaN", try pack("nan", files: manifest(#"{"format":NaN,"name":"X"}"#))),
            ("format -1", try pack("negative", files: manifest(#"{"format":-1,"name":"X"}"#))),
            ("format huge", try pack("big", files: manifest(#"{"format":1e308,"name":"X"}"#))),
            ("unicode name", try pack("unicode", files: manifest(#"{"format":1,"name":"\u202e💥","hierarchy":7}"#))),
            ("unknown ICB", try pack("england", files: manifest(england).merging(["places.csv": Data()]) { $1 })),
            (
                "places.csv a directory",
                try pack(
                    "places-dir",
                    files: manifest(#"{"format":1,"name":"X","hierarchy":{"kind":"england","icb":"QUY"}}"#),
                    directories: ["places.csv"])
            ),
        ]
        for (what, path) in cases {
            let message = try #require(try await Self.refusal(["--pack", path], in: folder), "\(what) was accepted")
            #expect(message.count > 10, "\(what): \(message)")
        }
    }
}
