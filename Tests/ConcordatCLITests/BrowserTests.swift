import Foundation
import Testing

/// The browser walk (Tests/Browser/walk.py): `concordat demo` in headless Chromium through Selenium,
/// every main page checked with axe, a vote cast, a return submitted and a vote closed, as a person
/// would. It needs Chromium, chromedriver and the `.venv-browser` that `.ci/run` installs.
@Suite("In a real browser", .serialized)
struct BrowserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let python = root.appendingPathComponent(".venv-browser/bin/python")
    static let available =
        FileManager.default.isExecutableFile(atPath: python.path)
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")

    @Test(
        "every main page renders and passes axe; a representative votes, a return is submitted, the vote is closed",
        .enabled(if: available, "run .ci/run (or install chromium, chromium-driver and .venv-browser) first"))
    func walk() throws {
        let shots = Self.root.appendingPathComponent(".build/browser-screenshots")
        let process = Process()
        process.executableURL = Self.python
        process.arguments = [
            Self.root.appendingPathComponent("Tests/Browser/walk.py").path, "--concordat",
            ConcordatProcess.executable.path, "--screenshots", shots.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("every page rendered and passed axe"))
        #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("journey-voted.png").path))
    }
}
