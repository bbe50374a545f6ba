import ConcordatCore
import Finance
import Foundation
import Storage
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// SIGKILL the server while it is taking payments, then open the store: every acknowledged payment is
/// there, and nothing half-written is visible (the pool's money adds up exactly).
@Suite("The server killed during writes", .serialized)
struct ServerKillTests {
    @Test("every acknowledged payment survives a SIGKILL, and the pool still adds up")
    func killDuringPayments() async throws {
        let folder = try ConcordatProcess.temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConcordatProcess.run(["init"], in: folder).status == 0)
        #expect(
            try ConcordatProcess.run(
                ["user", "add", "--username", "fin", "--role", "finance", "--password-stdin", "--cost", "4"],
                in: folder,
                input: "correct horse battery\n"
            ).status == 0)
        let pool = Pool(
            code: "test-pool", name: "Test pool", kind: .aligned, host: "kcc",
            contributions: [.init(partner: "kcc", amount: Money(pence: 1_000_000))])
        try JSONEncoder().encode(pool).write(to: folder.appendingPathComponent("pool.json"))
        #expect(try ConcordatProcess.run(["pool", "add", "pool.json"], in: folder).status == 0)
        let port = ConcordatProcess.freePort()
        let (server, _) = try ConcordatProcess.start(
            ["serve"], in: folder, environment: ["CONCORDAT_PORT": String(port)])
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        var ready = false
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            ready = await ConcordatProcess.get(URL(string: "http://127.0.0.1:\(port)/health")!) != nil
        }
        try #require(ready)
        @Sendable func pay() async -> Bool {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/pools/test-pool/payments")!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.setValue(
                "Basic " + Data("fin:correct horse battery".utf8).base64EncodedString(),
                forHTTPHeaderField: "Authorization")
            request.httpBody = Data(
                #"{"partner":"kcc","setting":"community","area":"east-kent","month":"2026-11","amountPence":100}"#.utf8)
            guard let (_, response) = try? await URLSession.shared.data(for: request) else { return false }
            return (response as? HTTPURLResponse)?.statusCode == 201
        }
        // Twenty acknowledged one by one, then a burst with the kill in the middle of it.
        var acknowledged = 0
        for _ in 0..<20 where await pay() { acknowledged += 1 }
        #expect(acknowledged == 20)
        acknowledged += await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                group.addTask {
                    if index == 100 { kill(server.processIdentifier, SIGKILL) }
                    return await pay()
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        server.waitUntilExit()
        let store = try SQLiteStore(path: folder.appendingPathComponent("concordat.sqlite").path)
        let account = try await store.poolAccount(code: "test-pool")
        #expect(account.payments.count >= acknowledged)
        #expect(account.spent.pence == Int64(account.payments.count) * 100)
        #expect(account.spent + account.balance == pool.total)
        #expect(account.trace.first.map { $0.spentPence + $0.remainingPence } == 1_000_000)
    }
}
