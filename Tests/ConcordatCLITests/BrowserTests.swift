import Foundation
import Testing

/// The browser walk (Tests/Browser/walk.py): `concordat demo` in headless Chromium through Selenium,
/// every main page checked with axe, a vote cast, a return submitted and a vote closed, as a person
/// would; then the scenario journey (the README's recipe): a scenario written on the builder, run, its
/// outputs checked, a second run cancelled, its business case drafted and attached to a proposal, the
/// Section 151 determination recorded, and the red lines judged from the case. It needs Chromium,
/// chromedriver and the `.venv-browser` that `.ci/run` installs.
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
        "every main page passes axe; a vote, a return, a close; a scenario to its business case and judged red lines",
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
        #expect(output.contains("scenario, cancel, business case, proposal and red lines all worked"))
        #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("journey-red-lines.png").path))
    }
}
