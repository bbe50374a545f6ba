import Foundation
import Hummingbird
import Storage
import Testing

@testable import Web

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Numbers and text at the edges of every type, sent wherever input enters: every route's path
/// parameters, every query parameter the web reads, every JSON write body's numbers, and every numeric
/// option of the command line. Nothing may stop the process or answer 500.
enum Extremes {
    /// Values for path segments and query parameters.
    static let values: [String] = [
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "99999999999999999999", "1e309",
        "-1e309", "-0", "0", "-1", "NaN", "nan", "inf", "-inf", "0x7fffffffffffffff", "£92233720368547758",
        "£92233720368547757.99", "£3,1bn", "1,000,000,000,000,000,000", "%00", "%E2%82%AC", "..%2F..%2Fetc%2Fpasswd",
        String(repeating: "9", count: 400), String(repeating: "x", count: 4_000), "%F0%9F%92%A5",
        "%0D%0AX-Injected:%201",
    ]

    /// JSON numbers for the numeric fields of write bodies.
    static let numbers: [String] = [
        "9223372036854775807", "-9223372036854775808", "18446744073709551616", "1e308", "-1e308", "1e309", "-0",
        "0.0000000000000000001", "99999999999999999999999999",
    ]

    /// Every query parameter name the web reads, found in its sources (so a new one cannot be missed).
    static func queryNames() throws -> [String] {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Web")
        var names: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for marker in ["queryParameters.get(\"", "query.get(\""] {
                for piece in text.components(separatedBy: marker).dropFirst() {
                    if let end = piece.firstIndex(of: "\"") { names.insert(String(piece[..<end])) }
                }
            }
        }
        return names.sorted()
    }
}

@Suite("Extreme input: no request and no option can stop Concordat", .serialized)
struct InputSweepTests {
    /// Sends one HTTP/1.1 request over a fresh loopback connection and reads the status line; nil when
    /// nothing answers within 30 s. A plain socket rather than URLSession, whose Linux implementation can
    /// wait forever on a connection the server has closed.
    static func send(_ url: URL, method: String = "GET", body: String? = nil, authorization: String? = nil) async
        -> Int?
    {
        guard let port = url.port else { return nil }
        let target = url.absoluteString.components(separatedBy: "\(port)").dropFirst().joined(separator: "\(port)")
        var head =
            "\(method) \(target.isEmpty ? "/" : target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let authorization { head += "Authorization: \(authorization)\r\n" }
        let payload = Data((body ?? "").utf8)
        if body != nil { head += "Content-Type: application/json\r\n" }
        head += "Content-Length: \(payload.count)\r\n\r\n"
        return await Task.detached { () -> Int? in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else { return nil }
            let bytes = [UInt8](Data(head.utf8) + payload)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { break }
                sent += n
            }
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while received.count < 64 {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n <= 0 { break }
                received += buffer[..<n]
            }
            // "HTTP/1.1 200 OK"
            let line = String(decoding: received.prefix(32), as: UTF8.self).split(separator: " ")
            return line.count >= 2 && line[0].hasPrefix("HTTP/") ? Int(line[1]) : nil
        }.value
    }

    @Test("every route, path parameter and query parameter, with extremes, against a real server: never a 500")
    func routes() async throws {
        let folder = try ConcordatProcess.temporaryFolder("sweep")
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = ConcordatProcess.freePort()
        let (server, output) = try ConcordatProcess.start(
            ["demo", "--people", "2000", "--database", "sweep.sqlite"], in: folder,
            environment: ["CONCORDAT_PORT": String(port)])
        defer { if server.isRunning { server.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        var up = false
        for _ in 0..<480 where !up {
            try await Task.sleep(for: .milliseconds(250))
            up = await Self.send(URL(string: "\(base)/health")!) == 200
        }
        try #require(
            up, "the demo did not start: \(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self))")
        let add = try ConcordatProcess.run(
            [
                "user", "add", "--username", "sweeper", "--role", "administrator", "--password-stdin", "--cost", "4",
                "--database", "sweep.sqlite",
            ], in: folder, input: "correct horse battery\n")
        #expect(add.status == 0, "\(add.output)")
        let authorization = "Basic " + Data("sweeper:correct horse battery".utf8).base64EncodedString()

        let routes = try buildRouter(store: try SQLiteStore()).routes.map { route in
            (
                method: route.method.rawValue,
                segments: route.path.description.split(separator: "/").map(String.init)
            )
        }
        #expect(routes.count >= 60)
        let names = try Extremes.queryNames()
        #expect(names.contains("controlTotal") && names.contains("page") && names.contains("limit"))
        // Every route with every value in its path and in every query parameter at once; then each query
        // parameter alone with the numeric extremes, on every route without path parameters (so that one
        // parameter refused first cannot hide another).
        var probes: [(method: String, url: String, body: String?)] = []
        for route in routes where ["GET", "POST", "PATCH"].contains(route.method) {
            for value in Extremes.values {
                let path = "/" + route.segments.map { $0.hasPrefix(":") ? value : $0 }.joined(separator: "/")
                let body =
                    route.method == "GET"
                    ? nil
                    : "{\"amountPence\":\(Extremes.numbers[probes.count % Extremes.numbers.count]),\"value\":1e308,\"likelihood\":9223372036854775807,\"consequence\":-9223372036854775808,\"status\":\"\(value)\"}"
                probes.append(
                    (route.method, base + path + "?" + names.map { "\($0)=\(value)" }.joined(separator: "&"), body))
            }
            if route.method == "GET", !route.segments.contains(where: { $0.hasPrefix(":") }) {
                for name in names {
                    for value in Extremes.values.prefix(8) {
                        probes.append(
                            (
                                route.method, base + "/" + route.segments.joined(separator: "/") + "?\(name)=\(value)",
                                nil
                            ))
                    }
                }
            }
        }
        #expect(probes.count > 2_000)
        var failures: [String] = []
        // Four at a time; after each batch, the process must still answer /health.
        for start in stride(from: 0, to: probes.count, by: 4) {
            let batch = Array(probes[start..<min(start + 4, probes.count)])
            let statuses = await withTaskGroup(of: (Int, Int?).self) { group in
                for (index, probe) in batch.enumerated() {
                    group.addTask {
                        guard let url = URL(string: probe.url) else { return (index, 400) }
                        return (
                            index,
                            await Self.send(
                                url, method: probe.method, body: probe.body,
                                authorization: (start + index) % 2 == 0 ? authorization : nil)
                        )
                    }
                }
                var statuses = [Int?](repeating: nil, count: batch.count)
                for await (index, status) in group { statuses[index] = status }
                return statuses
            }
            for (probe, status) in zip(batch, statuses) where status == nil || status! >= 500 {
                failures.append("\(probe.method) \(probe.url.prefix(160)): \(status.map(String.init) ?? "no answer")")
            }
            if statuses.contains(where: { $0 == nil }) {
                let alive = await Self.send(URL(string: "\(base)/health")!) == 200
                try #require(
                    alive, "the server stopped after one of \(batch.map { "\($0.method) \($0.url.prefix(160))" })")
            }
        }
        let requests = probes.count
        #expect(requests > 2_000)
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(20).joined(separator: "\n"))")
        #expect(server.isRunning)
    }

    @Test("every numeric option of the command line, with extremes: a located error, never a trap")
    func options() throws {
        let folder = try ConcordatProcess.temporaryFolder("option-sweep")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConcordatProcess.run(["init", "--database", "s.sqlite"], in: folder).status == 0)
        let store = ["--database", "s.sqlite"]
        let commands: [(option: String, command: [String])] = [
            ("--control-total", ["allocate"] + store),
            ("--control-total", ["ledger"] + store),
            ("--months", ["ledger"] + store),
            ("--control-total", ["settle"] + store),
            ("--months", ["settle"] + store),
            (
                "--quality-factor",
                ["settle", "--preset", "mssp", "--assigned", "20000", "--benchmark", "$1m", "--expenditure", "$900k"]
            ),
            ("--assigned", ["settle", "--preset", "mssp", "--benchmark", "$1m", "--expenditure", "$900k"]),
            ("--benchmark", ["settle", "--preset", "mssp", "--assigned", "20000", "--expenditure", "$900k"]),
            ("--people", ["synth", "--out", "synth-out"] + store),
            (
                "--amount",
                [
                    "pool", "pay", "--pool", "p", "--partner", "x", "--setting", "gp", "--area", "QKS", "--month",
                    "2026-01",
                ] + store
            ),
        ]
        var trapped: [String] = []
        for (option, command) in commands {
            for value in Extremes.values.map({ $0.removingPercentEncoding ?? $0 }) {
                let process = Process()
                process.executableURL = ConcordatProcess.executable
                process.arguments = command + [option, value]
                process.currentDirectoryURL = folder
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                try process.run()
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let text = String(decoding: data, as: UTF8.self)
                if process.terminationReason == .uncaughtSignal || ![0, 1, 64].contains(process.terminationStatus) {
                    trapped.append(
                        "\(command.first!) \(option) \(value.prefix(40)): status \(process.terminationStatus)")
                } else if process.terminationStatus != 0 {
                    #expect(
                        text.contains("Error") || text.contains("error"),
                        "\(command.first!) \(option) \(value.prefix(40)): \(text.prefix(300))")
                }
            }
        }
        #expect(trapped.isEmpty, "\(trapped.joined(separator: "\n"))")
    }
}
