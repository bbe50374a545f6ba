import Crypto
import Foundation

/// Session and form tokens: random, and stored only as a hash, so a leaked table gives no usable sessions.
enum SessionToken {
    /// A random token: 32 bytes from the system's generator, hex.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// SHA-256 of a token, hex: what the store keeps.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
