import ConcordatCore
import ConcordatTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Logging
import Storage
import Testing

@testable import Web

@Suite("/health reports the store's condition; the register page prints its head", .serialized)
struct StoreHealthWebTests {
    @Test("a whole store answers 200 {\"status\":\"ok\"}; a damaged one 503 degraded, with the reason")
    func health() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-health-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store.sqlite").path
        do {
            let store = try SQLiteStore(path: path)
            let health = StoreHealth()
            #expect(await health.check(store, logger: Logger(label: "test")) == [])
            try await Application(router: try buildRouter(store: store, health: health)).test(.router) { client in
                try await client.execute(uri: "/health", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text == #"{"status":"ok"}"#)
                }
            }
        }
        try await DamagedSQLite.damageLastPage(of: path)
        let store = try SQLiteStore(path: path)
        let health = StoreHealth()
        #expect(await !health.check(store, logger: Logger(label: "test")).isEmpty)
        try await Application(router: try buildRouter(store: store, health: health)).test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try JSONDecoder().decode([String: String].self, from: Data(response.text.utf8))
                #expect(body["status"] == "degraded")
                #expect(body["reason"]?.hasPrefix("the store is damaged") == true)
            }
        }
    }

    @Test("the public register page and the API show the head record's hash in full")
    func registerHead() async throws {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        try await adoptEastKentMemorandum(store)
        let head = try #require(try await store.registerHeadRecord())
        #expect(head.count == 1)
        try await Application(router: try buildRouter(store: store)).test(.router) { client in
            try await client.execute(uri: "/decisions/register", method: .get) { response in
                #expect(response.text.contains(#"<code id="register-head">\#(head.hash)</code>"#))
                #expect(response.text.contains("All 1 entries verify"))
            }
            try await client.execute(uri: "/api/v1/register", method: .get) { response in
                let view = try response.json(GovernanceController<BasicRequestContext>.RegisterView.self)
                #expect(view.head == head && view.verified)
            }
        }
    }
}
