import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `concordat user token add|list|revoke`, run as an operator would, and the token used against a real
/// server: it signs a script in until it is revoked.
@Suite("API tokens on the command line", .serialized)
struct UserTokenProcessTests {
    /// The token printed on its own line.
    static func token(in output: String) -> String? {
        output.split(separator: "\n").map(String.init).first {
            $0.range(of: "^cct_[0-9a-f]{64}$", options: .regularExpression) != nil
        }
    }

    @Test("add prints the token once; list shows it with its use; revoke stops it at once")
    func lifecycle() async throws {
        let folder = try ConcordatProcess.temporaryFolder("tokens")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConcordatProcess.run(["init"], in: folder).status == 0)
        let added = try ConcordatProcess.run(
            ["user", "add", "--username", "ada", "--role", "administrator", "--password-stdin", "--cost", "4"],
            in: folder, input: "correct horse battery\n")
        #expect(added.status == 0, "\(added.output)")

        let missing = try ConcordatProcess.run(["user", "token", "add", "nobody", "--name", "x"], in: folder)
        #expect(missing.status != 0 && missing.output.contains("there is no user 'nobody'"))
        let made = try ConcordatProcess.run(["user", "token", "add", "ada", "--name", "nightly audit"], in: folder)
        #expect(made.status == 0, "\(made.output)")
        let token = try #require(Self.token(in: made.output), "\(made.output)")
        #expect(made.output.contains("Token 1 'nightly audit' for ada"))

        let fresh = try ConcordatProcess.run(["user", "token", "list", "ada"], in: folder)
        #expect(fresh.status == 0)
        #expect(fresh.output.contains("nightly audit") && fresh.output.contains("never"), "\(fresh.output)")
        #expect(!fresh.output.contains(token) && !fresh.output.contains(token.dropFirst(4)))  // shown once only
        #expect(
            try ConcordatProcess.run(["user", "token", "list", "nobody"], in: folder).output.contains("no API tokens"))

        // The token signs a script in to a running server.
        let port = ConcordatProcess.freePort()
        let (server, _) = try ConcordatProcess.start(
            ["serve"], in: folder, environment: ["CONCORDAT_PORT": String(port)])
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let base = "http://127.0.0.1:\(port)"
        try #require(try await ConcordatProcess.waitUntilHealthy(port: port))
        func accessLog() async throws -> HTTPURLResponse? {
            var request = URLRequest(url: URL(string: "\(base)/api/v1/access-log")!)
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            return try await URLSession.shared.data(for: request).1 as? HTTPURLResponse
        }
        let signedIn = try #require(try await accessLog())
        #expect(signedIn.statusCode == 200)
        #expect(signedIn.value(forHTTPHeaderField: "Cache-Control") == "private, no-store")

        let used = try ConcordatProcess.run(["user", "token", "list"], in: folder)
        #expect(!used.output.contains("never"), "\(used.output)")  // its last use is recorded

        let revoked = try ConcordatProcess.run(["user", "token", "revoke", "1"], in: folder)
        #expect(revoked.status == 0 && revoked.output.contains("Revoked token 1 'nightly audit' of ada"))
        let refused = try #require(try await accessLog())
        #expect(refused.statusCode == 401)
        #expect(refused.value(forHTTPHeaderField: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
        kill(server.processIdentifier, SIGINT)
        server.waitUntilExit()

        let listed = try ConcordatProcess.run(["user", "token", "list", "ada"], in: folder)
        let row = try #require(listed.output.split(separator: "\n").last.map(String.init))
        #expect(row.hasPrefix("1") && !row.hasSuffix(" -"), "\(listed.output)")  // a revoked date, not "-"
        let again = try ConcordatProcess.run(["user", "token", "revoke", "99"], in: folder)
        #expect(again.status != 0 && again.output.contains("there is no API token 99"))

        // Only a hash is in the file.
        let database = try Data(contentsOf: folder.appendingPathComponent("concordat.sqlite"))
        let wal = (try? Data(contentsOf: folder.appendingPathComponent("concordat.sqlite-wal"))) ?? Data()
        #expect(database.range(of: Data(token.utf8)) == nil && wal.range(of: Data(token.utf8)) == nil)
    }
}
