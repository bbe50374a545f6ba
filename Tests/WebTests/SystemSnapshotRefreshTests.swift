import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

/// A server keeps the system, dataset and analysis in memory; another process (`concordat import` run
/// beside the server, or a second server on the same database) replacing them must be seen at the next
/// request, in the API, the cached pages and the money, without a restart.
@Suite("What another process loads is served at once: the snapshot follows the store's system version")
struct SystemSnapshotRefreshTests {
    @Test("a dataset replaced behind the server's back shows in the API and on the page at the next request")
    func datasetReplaced() async throws {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        let first = twoPracticeDataset(people: 20)
        try await store.replaceDataset(first, summary: DatasetSummary(of: first, fingerprint: "one", source: "first"))
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/areas/G82002", method: .get) { response in
                let document = try response.json(AreaDocument.self)
                #expect(document.datasetPeople == 20)
            }
            try await client.execute(uri: "/api/v1/dataset", method: .get) { response in
                let document = try response.json(DatasetDocument.self)
                #expect(document.source == "first")
            }
            try await client.execute(uri: "/areas/G82002", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<dt>In the integrated dataset</dt><dd>20</dd>"))
            }
            // As `concordat import` in another process would: straight into the store, not through the server.
            let second = twoPracticeDataset(people: 45)
            try await store.replaceDataset(
                second, summary: DatasetSummary(of: second, fingerprint: "two", source: "second extract"))
            try await client.execute(uri: "/api/v1/areas/G82002", method: .get) { response in
                let document = try response.json(AreaDocument.self)
                #expect(document.datasetPeople == 45)
            }
            try await client.execute(uri: "/api/v1/dataset", method: .get) { response in
                let document = try response.json(DatasetDocument.self)
                #expect(document.source == "second extract")
            }
            try await client.execute(uri: "/areas/G82002", method: .get) { response in
                #expect(response.status == .ok)
                #expect(
                    response.text.contains("<dt>In the integrated dataset</dt><dd>45</dd>"),
                    "the cached page still shows the first dataset")
            }
        }
    }

    @Test("an analysis replaced behind the server's back changes the money it serves (the finance cache is forgotten)")
    func analysisReplaced() async throws {
        let store = try await makeDatasetStore(people: 400, seed: 5)
        let other = try await makeDatasetStore(people: 1_500, seed: 6)
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let before = try await client.execute(uri: "/api/v1/ledger", method: .get) { $0.text }
            #expect(try await client.execute(uri: "/api/v1/ledger", method: .get) { $0.text } == before)
            let summary = try #require(try await store.datasetSummary())
            let analysis = try #require(try await other.datasetSummary()?.analysis)
            try await store.updateAnalysis(analysis, cohort: [], fingerprint: summary.fingerprint)
            let after = try await client.execute(uri: "/api/v1/ledger", method: .get) { response in
                #expect(response.status == .ok)
                return response.text
            }
            #expect(after != before, "the ledger was served from the analysis it replaced")
        }
    }
}
