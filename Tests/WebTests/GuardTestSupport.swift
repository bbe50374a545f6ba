import ConcordatCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)

    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// A password check that counts what it is asked to check, and checks it with bcrypt (except the dummy
/// hash, whose password nobody knows, so it is refused without spending the time).
final class CountingVerifier: PasswordVerifier, @unchecked Sendable {
    private let lock = NSLock()
    private var checked: [String] = []

    /// The hashes checked, in order.
    var hashes: [String] { lock.withLock { checked } }

    func verify(_ password: String, hash: String) -> Bool {
        lock.withLock { checked.append(hash) }
        return hash == CredentialCheck.dummyHash ? false : PasswordHashing.verify(password, hash: hash)
    }
}

/// Kent & Medway in a fresh in-memory store, with the secretary, an administrator and an analyst.
func makeGuardStore() async throws -> SQLiteStore {
    let store = try SQLiteStore()
    try await store.replaceSystem(try kentMedway.get())
    for (name, role) in [("secretary", Role.boardSecretary), ("ada", .administrator), ("ann", .analyst)] {
        try await store.insertUser(
            UserAccount(username: name, role: role, passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
    }
    return store
}

/// The router over `store` with `security`.
func guardedApp(_ store: any Store, _ security: WebSecurity = WebSecurity()) throws -> some ApplicationProtocol {
    Application(router: try buildRouter(store: store, security: security))
}

/// `headers` with `name: value` added.
func adding(_ headers: HTTPFields, _ name: String, _ value: String) -> HTTPFields {
    var fields = headers
    fields[HTTPField.Name(name)!] = value
    return fields
}

/// Basic credentials for `user` with no content type.
func basic(_ user: String, password: String = testPassword) -> HTTPFields {
    [.authorization: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()]
}
