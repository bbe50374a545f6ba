import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

@Suite("Hostile input: every route answers junk with a 4xx, never a 500", .serialized)
struct HostileInputTests {
    /// A documented path with its parameters filled with `value`.
    static func path(_ template: String, _ value: String) -> String {
        template.split(separator: "/").map { $0.hasPrefix("{") ? value : String($0) }.joined(separator: "/")
            .replacingOccurrences(of: "api/v1", with: "/api/v1")
    }

    @Test("every documented route, with odd parameters and junk bodies, signed in or not, stays below 500")
    func sweep() async throws {
        let store = try await makeDatasetStore(people: 2_000, seed: 51)
        for (name, role) in [("vic", Role.viewer), ("secretary", .boardSecretary)] {
            try await store.insertUser(
                UserAccount(username: name, role: role, passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        }
        let app = Application(router: try buildRouter(store: store))
        let viewer: HTTPFields = [
            .authorization: "Basic " + Data("vic:correct horse battery".utf8).base64EncodedString(),
            .contentType: "application/json",
        ]
        let values = ["east-kent", "nowhere", "%00", "..%2F..", String(repeating: "x", count: 300), "-1"]
        let bodies = ["", "{", "[]", "null", #"{"kind":42}"#, String(repeating: "[", count: 5_000)]
        try await app.test(.router) { client in
            for operation in OpenAPIDocument.operations {
                for value in values {
                    let uri = Self.path(operation.path, value) + "?controlTotal=%E2%82%AC&months=-3&by=%3Cscript%3E"
                    let method: HTTPRequest.Method =
                        operation.method == "GET" ? .get : operation.method == "POST" ? .post : .patch
                    for body in method == .get ? [""] : bodies {
                        for headers in [jsonHeaders, viewer] {
                            try await client.execute(
                                uri: uri, method: method, headers: headers, body: ByteBuffer(string: body)
                            ) {
                                response in
                                #expect(
                                    response.status.code < 500,
                                    "\(operation.method) \(uri) body \(body.prefix(20)): \(response.status)")
                                if response.status.code >= 400, uri.hasPrefix("/api/") {
                                    #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                                }
                            }
                        }
                    }
                }
                // Writes refuse anyone not signed in (401) and a viewer (403) before reading the body.
                if operation.signIn, operation.method != "GET" {
                    let uri = Self.path(operation.path, "east-kent")
                    try await client.execute(
                        uri: uri, method: operation.method == "PATCH" ? .patch : .post, headers: jsonHeaders,
                        body: ByteBuffer(string: "{}")
                    ) {
                        #expect($0.status == .unauthorized, "\(uri)")
                    }
                }
            }
            // A body beyond the upload limit is refused, not read.
            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: 3 << 20)
            try await client.execute(
                uri: "/api/v1/organisations", method: .post, headers: signedIn("secretary"), body: huge
            ) {
                response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }
}
