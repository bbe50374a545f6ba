import ConcordatCore
import Foundation
import HTTPTypes
import Storage

/// Checks a password (the sign-in form, HTTP Basic) or an API token (Bearer), holding back an account or a
/// client address that keeps failing (``Throttle``), and doing the same work whether or not a username
/// exists, so neither the answer nor its timing says which usernames are real.
struct CredentialCheck: Sendable {
    let store: any Store
    let throttles: Throttles
    let verifier: any PasswordVerifier
    let now: @Sendable () -> Date

    init(
        store: any Store, throttles: Throttles = Throttles(), verifier: any PasswordVerifier = BcryptVerifier(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.throttles = throttles
        self.verifier = verifier
        self.now = now
    }

    /// The hash an unknown username's password is checked against: bcrypt at the cost real accounts have,
    /// of a password nobody knows, so refusing an unknown name takes as long as refusing a known one.
    static let dummyHash = PasswordHashing.hash(UUID().uuidString + UUID().uuidString)

    /// The account whose password `password` is, or `nil` when the username or password is wrong.
    /// - Throws: a 429 ``HeaderedProblem`` with `Retry-After` while the account or the address is held
    ///   back (even when the password is right).
    func password(_ password: String, of username: String, from address: String) async throws -> UserAccount? {
        let account = Self.key(username)
        if let wait = await throttles.begin(account: account, address: address, at: now()) {
            throw HeaderedProblem.tooManyAttempts(retryAfter: wait)
        }
        let stored: UserAccount?
        do { stored = try await store.user(username) } catch {
            await throttles.end(account: account, address: address, succeeded: true, at: now())  // not a guess
            throw error
        }
        let matches = verifier.verify(password, hash: stored?.passwordHash ?? Self.dummyHash)
        await throttles.end(account: account, address: address, succeeded: stored != nil && matches, at: now())
        return matches ? stored : nil
    }

    /// The account an API token belongs to, or `nil` when the token is unknown or revoked.
    /// - Throws: a 429 ``HeaderedProblem`` while the address is held back.
    func token(_ token: String, from address: String) async throws -> UserAccount? {
        if let wait = await throttles.begin(account: nil, address: address, at: now()) {
            throw HeaderedProblem.tooManyAttempts(retryAfter: wait)
        }
        let found: UserAccount?
        do { found = APIToken.isWellFormed(token) ? try await store.user(apiToken: token)?.user : nil } catch {
            await throttles.end(account: nil, address: address, succeeded: true, at: now())
            throw error
        }
        await throttles.end(account: nil, address: address, succeeded: found != nil, at: now())
        return found
    }

    /// The throttle key of a username as typed: capped, so a long name costs no more memory.
    static func key(_ username: String) -> String { String(username.lowercased().prefix(128)) }
}

/// The throttles of one server: one for accounts, one for client addresses.
actor Throttles {
    private var accounts: Throttle
    private var addresses: Throttle

    init(accounts: Throttle.Policy = .account, addresses: Throttle.Policy = .address) {
        self.accounts = Throttle(accounts)
        self.addresses = Throttle(addresses)
    }

    /// Begins a check: `nil` when neither the account (if any) nor the address must wait at `now`, else
    /// the longer wait (and nothing begins).
    func begin(account: String?, address: String, at now: Date) -> TimeInterval? {
        let wait = [account.flatMap { accounts.hold($0, at: now) }, addresses.hold(address, at: now)]
            .compactMap { $0 }.max()
        guard wait == nil else { return wait }
        if let account { accounts.began(account, at: now) }
        addresses.began(address, at: now)
        return nil
    }

    /// Ends a check. A failure counts against the account and the address; a success forgets the account's
    /// failures, but not the address's (one good account does not clear an address guessing at others).
    func end(account: String?, address: String, succeeded: Bool, at now: Date) {
        if succeeded {
            if let account { accounts.succeeded(account) }
            addresses.ended(address)
        } else {
            if let account { accounts.failed(account, at: now) }
            addresses.failed(address, at: now)
        }
    }
}

/// Who is asking, for the request being handled: the client's address and the server's credential check.
/// Set by ``SessionMiddleware``; read by ``Authentication`` and the sign-in form.
struct Caller: Sendable {
    /// The client's address: the peer's IP, or the proxy's `X-Forwarded-For` when the server is told to
    /// trust it.
    var address: String
    var credentials: CredentialCheck

    /// The current request's caller.
    @TaskLocal static var current: Caller?
}
