import ConcordatCore
import Crypto
import Foundation

/// Replaces NHS numbers with keyed pseudonyms, at source, before data leaves the provider.
///
/// The pseudonym is the first 128 bits of HMAC-SHA256(key, NHS number digits), written as 32 lower-case
/// hex digits (RFC 2104 HMAC; FIPS 180-4 SHA-256). The same key gives the same pseudonym for the same
/// person in every provider's extract, so records link; without the key a pseudonym cannot be reversed
/// or recomputed from a guessed NHS number. The key is held by the data provider and must never be
/// stored beside the data.
public struct Pseudonymiser: @unchecked Sendable {
    // Unchecked: the only stored property is an immutable value (a keyed HMAC state, copied per use).
    /// The HMAC already keyed: copying it skips the key schedule for each person.
    private let keyed: HMAC<SHA256>

    /// The shortest key accepted, in bytes (256 bits).
    public static let minimumKeyBytes = 32

    /// Why a key cannot be used.
    public struct KeyError: Error, CustomStringConvertible, Sendable {
        /// What is wrong with it.
        public let description: String
    }

    /// Uses `key` (at least 32 bytes).
    /// - Throws: ``KeyError`` for a shorter key.
    public init(key: [UInt8]) throws {
        guard key.count >= Self.minimumKeyBytes else {
            throw KeyError(description: "the key has \(key.count) bytes; at least \(Self.minimumKeyBytes) are needed")
        }
        self.keyed = HMAC<SHA256>(key: SymmetricKey(data: key))
    }

    /// Reads a key file: either at least 64 hexadecimal digits (surrounding white space ignored), as
    /// ``generateKeyFile(at:)`` writes, or at least 32 raw bytes.
    /// - Throws: ``KeyError`` when the file cannot be read or holds too short a key.
    public init(keyFile: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: keyFile) } catch {
            throw KeyError(description: "cannot read the key file \(keyFile.path) (\(error.localizedDescription))")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count >= 64, text.count % 2 == 0, text.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(index, offsetBy: 2)
                bytes.append(UInt8(text[index..<next], radix: 16)!)
                index = next
            }
            try self.init(key: bytes)
        } else {
            try self.init(key: [UInt8](data))
        }
    }

    /// HMAC-SHA256 of `message` under the key (RFC 2104), the primitive behind every pseudonym.
    func authenticationCode(for message: [UInt8]) -> [UInt8] {
        var mac = keyed
        mac.update(data: message)
        return Array(mac.finalize())
    }

    /// The pseudonym for a valid NHS number.
    public func pseudonym(for number: NHSNumber) -> String {
        var hex = PackedStrings()
        appendPseudonym(ofDigits: Array(number.digits.utf8), to: &hex)
        return hex[0]
    }

    /// Appends the pseudonym of the NHS number whose ten digits are `digits` (ASCII, already checked) to
    /// `column`, as ``pseudonym(for:)`` gives it, without making a `String`: the import's form.
    public func appendPseudonym(ofDigits digits: some Collection<UInt8>, to column: inout PackedStrings) {
        var mac = keyed
        mac.update(data: Array(digits))
        let code = mac.finalize()
        var hex = [UInt8](repeating: 0, count: 32)
        code.withUnsafeBytes { bytes in
            for index in 0..<16 {
                hex[2 * index] = Self.hexDigits[Int(bytes[index] >> 4)]
                hex[2 * index + 1] = Self.hexDigits[Int(bytes[index] & 0x0F)]
            }
        }
        column.append(utf8: hex)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes a new random 256-bit key as 64 hex digits, readable only by its owner.
    /// - Throws: when the file cannot be written.
    public static func generateKeyFile(at url: URL) throws {
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { bytes in bytes.map { String(format: "%02x", $0) }.joined() }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((hex + "\n").utf8).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
