import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

@Suite("A stored analysis that cannot be read is reported, not shown as empty pages", .serialized)
struct AnalysisFaultTests {
    /// A store with a small dataset whose stored analysis is then overwritten with `blob`.
    static func store(analysis blob: Data) async throws -> SQLiteStore {
        let store = try await makeDatasetStore(people: 500, seed: 91)
        let summary = try #require(try await store.datasetSummary())
        try await store.updateAnalysis(blob, cohort: [], fingerprint: summary.fingerprint)
        return store
    }

    /// The problem in a problem+json answer.
    static func problem(_ response: TestResponse) throws -> Problem {
        try JSONDecoder().decode(Problem.self, from: Data(response.text.utf8))
    }

    @Test("a blob that is not JSON: /health degraded saying why; the analysis pages 503; the rest as before")
    func notJSON() async throws {
        let store = try await Self.store(analysis: Data("not json".utf8))
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try JSONDecoder().decode([String: String].self, from: Data(response.text.utf8))
                #expect(body["status"] == "degraded")
                #expect(body["reason"]?.contains("the stored analysis cannot be read") == true, "\(body)")
                #expect(body["reason"]?.contains("not valid JSON") == true, "\(body)")
            }
            for path in ["/api/v1/models/admission-risk", "/api/v1/areas/east-kent/needs", "/api/v1/allocation"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(path)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(path)")
                    let problem = try Self.problem(response)
                    #expect(problem.type == "https://concordat.dev/problems/analysis-unreadable", "\(path)")
                    #expect(problem.detail.contains("run the analysis again"), "\(path)")
                    #expect(!problem.detail.contains("not json"), "\(path): the stored bytes are not repeated")
                }
            }
            for path in ["/", "/areas/east-kent", "/money", "/money/pools"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(path)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
                    #expect(response.text.contains("<h1>Analysis unreadable</h1>"), "\(path)")
                }
            }
            for path in ["/partnership", "/decisions", "/risks", "/programme", "/jobs", "/assurance", "/sign-in"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path) does not need the analysis")
                }
            }
            for path in ["/api/v1/system", "/api/v1/places", "/api/v1/organisations"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path) does not need the analysis")
                }
            }
        }
    }

    @Test("JSON that is not an analysis names the field that failed; a sound analysis is healthy again")
    func wrongShape() async throws {
        let store = try await Self.store(analysis: Data(#"{"profiles":"many"}"#.utf8))
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains("the stored analysis cannot be read"))
                #expect(response.text.contains("the field"), "\(response.text)")
            }
            try await client.execute(uri: "/api/v1/models/admission-risk", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
            }
        }
        let sound = try await makeDatasetStore(people: 500, seed: 92)
        try await Application(router: try buildRouter(store: sound)).test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/api/v1/models/admission-risk", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("the snapshot keeps the decoding error rather than an empty analysis")
    func snapshotKeepsTheFault() async throws {
        let store = try await Self.store(analysis: Data("[1,2".utf8))
        let registry = SystemRegistry(store: store)
        let fault = try #require(try await registry.analysisFault())
        #expect(fault.reason.contains("not valid JSON"))
        await #expect(throws: AnalysisUnreadable.self) { _ = try await registry.analysedSnapshot() }
        // What does not need the analysis still reads.
        _ = try await registry.system()
        #expect(try await registry.snapshot().analysisFault == fault)
        // With no system at all there is no fault to report.
        #expect(try await SystemRegistry(store: try SQLiteStore()).analysisFault() == nil)
    }
}
