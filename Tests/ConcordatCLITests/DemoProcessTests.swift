import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the real `concordat demo` as a user would, on a free loopback port, reads the API over HTTP,
/// then stops it with SIGINT (Ctrl-C) and expects a clean exit.
@Suite("concordat demo as a process", .serialized)
struct DemoProcessTests {
    @Test("demo creates the database, loads Kent & Medway and a synthetic dataset, serves it, and stops on Ctrl-C")
    func demo() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: ConcordatProcess.executable.path),
            "build the concordat executable first (swift build)")
        let folder = try ConcordatProcess.temporaryFolder("demo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = ConcordatProcess.freePort()
        let (process, output) = try ConcordatProcess.start(
            ["demo", "--people", "3000"], in: folder, environment: ["CONCORDAT_PORT": String(port)])
        defer { if process.isRunning { process.terminate() } }

        let base = "http://127.0.0.1:\(port)/api/v1"
        var answer: (Int, Data)?
        for _ in 0..<240 where answer == nil {
            try await Task.sleep(for: .milliseconds(250))
            answer = await ConcordatProcess.get(URL(string: "\(base)/system")!)
        }
        let (status, data) = try #require(answer, "the demo did not answer on port \(port) within 60 s")
        #expect(status == 200)
        let system = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(system?["registeredPopulation"] as? Int == 2_039_483)
        #expect(system?["reconciles"] as? Bool == true)
        let (_, datasetData) = try #require(await ConcordatProcess.get(URL(string: "\(base)/dataset")!))
        let dataset = try JSONSerialization.jsonObject(with: datasetData) as? [String: Any]
        // The population at the analysis period's end: the 3,000 loaded less those who died in the period.
        let people = try #require(dataset?["people"] as? Int)
        #expect(people < 3000 && people > 2_900 && people % 5 == 0)
        // A&E is NHS England's published series for the pack's four trusts: 36 months of East Kent's.
        let (aeStatus, aeData) = try #require(
            await ConcordatProcess.get(URL(string: "\(base)/indicators/ae-4-hour/organisations/ekhuft/spc")!))
        #expect(aeStatus == 200)
        let ae = try JSONSerialization.jsonObject(with: aeData) as? [String: Any]
        #expect((ae?["points"] as? [Any])?.count == 36)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("concordat.sqlite").path))
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(".concordat-cache/keys/demo-provider.key").path))

        kill(process.processIdentifier, SIGINT)
        for _ in 0..<300 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning, "the server did not stop within 30 s of SIGINT")
        #expect(process.terminationStatus == 0)
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("Loaded into concordat.sqlite"))
        #expect(log.contains("3000 people loaded"))
        #expect(log.contains("listening on 127.0.0.1:\(port)"))
    }
}
