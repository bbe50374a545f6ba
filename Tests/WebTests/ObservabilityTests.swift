import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

@Suite("Observability: Prometheus metrics and an OpenAPI document that matches the routes")
struct ObservabilityTests {
    @Test("the OpenAPI document names exactly the routes served under /api/v1")
    func openAPIMatchesRoutes() throws {
        let router = try buildRouter(store: try SQLiteStore())
        let served = Set(
            router.routes.map { route in
                let path = route.path.description.split(separator: "/").map { part in
                    part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
                }
                return "\(route.method.rawValue) /" + path.joined(separator: "/")
            }.filter { $0.contains(" /api/v1/") })
        let documented = Set(OpenAPIDocument.operations.map { "\($0.method) \($0.path)" })
        #expect(
            served.subtracting(documented).isEmpty,
            "served but not documented: \(served.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(served).isEmpty,
            "documented but not served: \(documented.subtracting(served).sorted())")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        #expect(json["openapi"] as? String == "3.1.0")
        #expect((json["paths"] as? [String: Any])?.count == Set(OpenAPIDocument.operations.map(\.path)).count)
    }

    @Test("/metrics counts requests by route template and status, with latency histograms and no identifiers")
    func metrics() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/places/east-kent", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/places/nowhere", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                let text = response.text
                #expect(text.contains("concordat_http_requests_total"))
                #expect(text.contains("status=\"200\"") && text.contains("status=\"404\""))
                #expect(text.contains("concordat_http_request_duration_seconds_bucket"))
                #expect(!text.contains("east-kent") && !text.contains("nowhere"))  // templates, never values
            }
        }
    }
}
