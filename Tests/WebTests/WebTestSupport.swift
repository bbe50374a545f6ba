import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import Testing

@testable import Web

/// A router over an in-memory store holding `system` (or nothing).
func makeApp(_ system: HealthSystem?) async throws -> some ApplicationProtocol {
    let store = try SQLiteStore()
    if let system { try await store.replaceSystem(system) }
    return Application(router: try buildRouter(store: store))
}

let kentMedway = Result {
    try PublishedSystemAssembly.assemble(from: .bundledKentMedway(), organisations: EastKentPartnership.organisations)
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body decoded as JSON.
    func json<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601  // as Hummingbird encodes dates
        return try decoder.decode(T.self, from: Data(text.utf8))
    }
}

/// `application/json` request headers.
let jsonHeaders: HTTPFields = [.contentType: "application/json"]
