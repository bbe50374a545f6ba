import ConcordatCore
import Foundation
import HummingbirdBcrypt

/// Passwords: bcrypt hashes (Provos & Mazières, 1999) with a per-hash salt; a password is never stored.
public enum PasswordHashing {
    /// The cost accounts are made with unless told otherwise: 2^12 rounds, about 250 ms a check.
    public static let defaultCost: UInt8 = 12

    /// Hashes `password` with bcrypt at `cost` (2^cost rounds; 12 by default, 4 at the least).
    public static func hash(_ password: String, cost: UInt8 = defaultCost) -> String {
        Bcrypt.hash(password, cost: max(4, cost))
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// Why a password is refused when an account is made.
    public static func weakness(of password: String) -> String? {
        password.count < 12 ? "a password must be at least 12 characters" : nil
    }
}

/// What checks a password against its hash: bcrypt in service, a counting stand-in in tests.
protocol PasswordVerifier: Sendable {
    /// Whether `password` matches `hash`.
    func verify(_ password: String, hash: String) -> Bool
}

/// The bcrypt check.
struct BcryptVerifier: PasswordVerifier {
    func verify(_ password: String, hash: String) -> Bool { PasswordHashing.verify(password, hash: hash) }
}
