import ConcordatCore
import Foundation
import HummingbirdBcrypt

/// Passwords: bcrypt hashes (Provos & Mazières, 1999) with a per-hash salt; a password is never stored.
public enum PasswordHashing {
    /// Hashes `password` with bcrypt at `cost` (2^cost rounds; 12 by default, 4 at the least).
    public static func hash(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: max(4, cost))
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// Why a password is refused when an account is made.
    public static func weakness(of password: String) -> String? {
        password.count < 12 ? "a password must be at least 12 characters" : nil
    }
}
