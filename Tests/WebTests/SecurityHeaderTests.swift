import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

@Suite("Security headers, caching, HEAD and 405", .serialized)
struct SecurityHeaderTests {
    /// The pages the browser walk visits, and a few answers that are not pages.
    static let pages = [
        "/", "/areas/east-kent", "/partnership", "/money", "/money/ledger", "/money/settlement", "/money/pools",
        "/assurance", "/assurance/east-kent", "/assurance/returns", "/decisions", "/decisions/register", "/risks",
        "/programme", "/jobs", "/sign-in", "/styles.css", "/health", "/metrics", "/areas/nowhere",
        "/api/v1/system", "/api/v1/openapi.json", "/api/v1/nowhere", "/api/v1/access-log",
    ]

    static func datasetStore() async throws -> SQLiteStore {
        let store = try await makeDatasetStore(people: 1_000, seed: 71)
        try await adoptEastKentMemorandum(store)
        try await store.insertUser(
            UserAccount(
                username: "ada", role: .administrator, passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        return store
    }

    static func expectSecurityHeaders(_ response: TestResponse, _ what: String, secure: Bool = false) {
        let csp = response.headers[.contentSecurityPolicy] ?? ""
        #expect(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "\(what): \(csp)")
        #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "\(what)")
        #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(what)")
        #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(what)")
        #expect(
            response.headers[HTTPField.Name("Referrer-Policy")!] == "strict-origin-when-cross-origin", "\(what)")
        #expect((response.headers[.strictTransportSecurity] != nil) == secure, "\(what): HSTS only over HTTPS")
    }

    @Test("every page and answer carries the security headers; HSTS only when the request came over HTTPS")
    func everyAnswer() async throws {
        let app = try guardedApp(try await Self.datasetStore())
        try await app.test(.router) { client in
            for path in Self.pages {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status.code < 500, "\(path): \(response.status)")
                    Self.expectSecurityHeaders(response, path)
                }
                try await client.execute(
                    uri: path, method: .get, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"]
                ) { response in
                    Self.expectSecurityHeaders(response, "\(path) over HTTPS", secure: true)
                    #expect(response.headers[.strictTransportSecurity] == "max-age=31536000")
                }
            }
            // Errors too: a refused change, a problem, a 405.
            try await client.execute(uri: "/api/v1/organisations", method: .post, body: ByteBuffer(string: "{}")) {
                response in
                #expect(response.status == .unsupportedMediaType)
                Self.expectSecurityHeaders(response, "415")
            }
            try await client.execute(uri: "/", method: .delete) { Self.expectSecurityHeaders($0, "405") }
        }
    }

    @Test("the pages need no inline script or style, so the policy can forbid both")
    func noInlineScriptOrStyle() async throws {
        let app = try guardedApp(try await Self.datasetStore())
        try await app.test(.router) { client in
            for path in Self.pages where !path.hasPrefix("/api/") && path != "/styles.css" {
                try await client.execute(uri: path, method: .get) { response in
                    let html = response.text.lowercased()
                    for inline in ["<script", "<style", " style=", "javascript:", " onclick=", " onload="] {
                        #expect(!html.contains(inline), "\(path) has \(inline)")
                    }
                }
            }
        }
    }

    @Test("private, no-store on signed-in pages, identifiable data and the sign-in form; public pages may be cached")
    func caching() async throws {
        let store = try await makeGuardStore()
        try await store.insertUser(
            UserAccount(
                username: "pat", role: .partnerRepresentative, organisation: "kcc",
                passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        try await guardedApp(store).test(.router) { client in
            try await client.execute(uri: "/partnership", method: .get) { response in
                #expect(response.headers[.cacheControl] == "no-cache")  // kept, revalidated (the page cache)
            }
            try await client.execute(uri: "/styles.css", method: .get) { response in
                #expect(response.headers[.cacheControl] == "public, max-age=3600")
            }
            try await client.execute(uri: "/sign-in", method: .get) { response in
                #expect(response.headers[.cacheControl] == "private, no-store")
            }
            let (cookie, _) = try await SignInTests.signIn(client, "pat")
            for path in ["/partnership", "/", "/assurance/returns"] {
                try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.cacheControl] == "private, no-store", "\(path) signed in")
                }
            }
            // Identifiable data is never cached, whoever asks and whatever the answer.
            for headers in [HTTPFields(), basic("ann"), basic("ada")] {
                for path in ["/api/v1/practices/G82001/cohort", "/api/v1/access-log"] {
                    try await client.execute(uri: path, method: .get, headers: headers) { response in
                        #expect(response.headers[.cacheControl] == "private, no-store", "\(path): \(response.status)")
                    }
                }
            }
        }
    }

    @Test("HEAD answers every GET route with the same status and headers and no body")
    func head() async throws {
        let store = try await Self.datasetStore()
        let router = try buildRouter(store: store, security: WebSecurity())
        let gets = router.routes.filter { $0.method == .get }.map { route in
            "/"
                + route.path.components.map { element in
                    element.description.hasPrefix("{") ? "east-kent" : element.description
                }.joined(separator: "/")
        }
        #expect(gets.count > 40)
        try await Application(router: router).test(.router) { client in
            for path in gets + ["/nowhere", "/api/v1/nowhere"] {
                let get = try await client.execute(uri: path, method: .get, headers: basic("ada")) { $0 }
                try await client.execute(uri: path, method: .head, headers: basic("ada")) { response in
                    #expect(response.status == get.status, "HEAD \(path)")
                    #expect(response.body.readableBytes == 0, "HEAD \(path) has a body")
                    #expect(response.headers[.contentType] == get.headers[.contentType], "HEAD \(path)")
                    if get.status == .ok, path != "/metrics", path != "/jobs" {
                        #expect(response.headers[.contentLength] == get.headers[.contentLength], "HEAD \(path)")
                    }
                    Self.expectSecurityHeaders(response, "HEAD \(path)")
                }
            }
        }
    }

    @Test("a known path asked with the wrong method is a 405 naming the methods; an unknown path stays a 404")
    func methodNotAllowed() async throws {
        let store = try await makeGuardStore()
        try await guardedApp(store).test(.router) { client in
            let cases: [(String, HTTPRequest.Method, String)] = [
                ("/api/v1/organisations", .delete, "GET, HEAD, POST"),
                ("/api/v1/organisations", .put, "GET, HEAD, POST"),
                ("/api/v1/organisations/kcc", .put, "GET, HEAD, PATCH"),
                ("/api/v1/system", .post, "GET, HEAD"),
                ("/api/v1/proposals", .get, "POST"),
                ("/decisions/register", .post, "GET, HEAD"),
                ("/", .put, "GET, HEAD"),
                ("/sign-in", .delete, "GET, HEAD, POST"),
                ("/sign-out", .get, "POST"),
            ]
            // With JSON or with no content type at all: a wrong method is a 405, not a 415.
            for (path, method, allow) in cases {
                for headers in [signedIn("secretary"), basic("secretary")] {
                    try await client.execute(uri: path, method: method, headers: headers) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(path): \(response.status)")
                        #expect(response.headers[.allow] == allow, "\(method) \(path)")
                        if path.hasPrefix("/api/") {
                            #expect(response.headers[.contentType] == "application/problem+json")
                            let problem = try response.json(Problem.self)
                            #expect(problem.status == 405)
                        } else {
                            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                        }
                    }
                }
            }
            try await client.execute(uri: "/api/v1/proposals", method: .head) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
            for (path, method) in [
                ("/api/v1/nowhere", HTTPRequest.Method.get), ("/api/v1/nowhere", .post), ("/nowhere", .delete),
                ("/api/v1/organisations/kcc/extra", .get),
            ] {
                try await client.execute(uri: path, method: method, headers: jsonHeaders) { response in
                    #expect(response.status == .notFound, "\(method) \(path)")
                    #expect(response.headers[.allow] == nil)
                }
            }
            // A handler's own 404 is not turned into a 405.
            try await client.execute(uri: "/api/v1/organisations/nobody", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
