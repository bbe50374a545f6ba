import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Runs the real `concordat` executable as a user would: `concordat demo` on a free loopback port,
/// reads the API over HTTP, then stops it with SIGINT (Ctrl-C) and expects a clean exit.
@Suite("concordat demo as a process", .serialized)
struct DemoProcessTests {
    /// The built executable, beside the test bundle in the build folder.
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("concordat").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("concordat")
    }

    static func freePort() throws -> Int {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func get(_ url: URL) async -> (Int, Data)? {
        guard let (data, response) = try? await URLSession.shared.data(from: url) else { return nil }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    @Test("demo creates the database, loads Kent & Medway, serves it, and stops cleanly on Ctrl-C")
    func demo() async throws {
        let executable = Self.executable
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "build the concordat executable first (swift build)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = try Self.freePort()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["demo"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["CONCORDAT_PORT"] = String(port)
        environment.removeValue(forKey: "CONCORDAT_DATABASE")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let url = URL(string: "http://127.0.0.1:\(port)/api/v1/system")!
        var answer: (Int, Data)?
        for _ in 0..<120 where answer == nil {
            try await Task.sleep(for: .milliseconds(250))
            answer = await Self.get(url)
        }
        let (status, data) = try #require(answer, "the demo did not answer on port \(port) within 30 s")
        #expect(status == 200)
        let system = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(system?["registeredPopulation"] as? Int == 2_039_483)
        #expect(system?["reconciles"] as? Bool == true)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("concordat.sqlite").path))

        kill(process.processIdentifier, SIGINT)
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning, "the server did not stop within 10 s of SIGINT")
        #expect(process.terminationStatus == 0)
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("Loaded into concordat.sqlite"))
        #expect(log.contains("listening on 127.0.0.1:\(port)"))
    }
}
