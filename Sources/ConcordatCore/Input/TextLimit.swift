import Foundation

/// The limits on text that Concordat accepts from anyone: the one place input lengths and identifier
/// patterns are set. Each domain type that keeps text names its fields' limits (``TextLimited``), and
/// every store write checks them, so the web API, the forms and the command line refuse the same text.
///
/// | limit | what it allows | used for |
/// |---|---|---|
/// | ``identifier`` | `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`: 1–64 ASCII letters, digits, `.`, `_`, `-`, starting with a letter or digit | proposal, risk, milestone and gateway ids; organisation, area and party codes |
/// | ``name`` | one line (no control characters), 1–200 characters | titles, names, owners, bodies, minute references |
/// | ``text`` | up to 10,000 characters; line breaks and tabs allowed, no other control characters | descriptions, controls, actions, narratives, comments, register details |
///
/// Characters are counted as Swift counts them (extended grapheme clusters).
public enum TextLimit: String, Sendable, Hashable, CaseIterable {
    /// An identifier: `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`.
    case identifier
    /// A one-line name or title of 1–200 characters.
    case name
    /// Free text of at most 10,000 characters.
    case text

    /// The most characters the field may hold.
    public var maximumCharacters: Int {
        switch self {
        case .identifier: 64
        case .name: 200
        case .text: 10_000
        }
    }

    /// Why `value` is refused, or `nil` when it is acceptable.
    public func refusal(of value: String) -> String? {
        switch self {
        case .identifier:
            let bytes = Array(value.utf8)
            let isAlphanumeric = { (byte: UInt8) in
                (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
            }
            guard !bytes.isEmpty else { return "is required" }
            guard bytes.count <= maximumCharacters else {
                return "is \(bytes.count) characters long; an identifier has at most \(maximumCharacters)"
            }
            guard isAlphanumeric(bytes[0]),
                bytes.allSatisfy({
                    isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
                })
            else {
                return "must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}: letters, digits, '.', '_' and '-' only, "
                    + "starting with a letter or digit (no spaces or line breaks)"
            }
            return nil
        case .name:
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { return "is required" }
            if let length = Self.longer(value, than: maximumCharacters) {
                return "is \(length) characters long; at most \(maximumCharacters) are allowed"
            }
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                return "must be one line, without line breaks, tabs or other control characters"
            }
            return nil
        case .text:
            if let length = Self.longer(value, than: maximumCharacters) {
                return "is \(length) characters long; at most \(maximumCharacters) are allowed"
            }
            guard
                !value.unicodeScalars.contains(where: {
                    $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0)
                })
            else { return "must not hold control characters other than line breaks and tabs" }
            return nil
        }
    }

    /// Checks `value`, naming `field` in the refusal.
    public func check(_ value: String, field: String) throws(FieldRefusal) {
        if let reason = refusal(of: value) { throw FieldRefusal(field: field, reason: reason) }
    }

    /// The length of `value` when it is longer than `limit` characters; counted cheaply first by bytes,
    /// so a megabyte is refused without walking its characters.
    private static func longer(_ value: String, than limit: Int) -> Int? {
        guard value.utf8.count > limit else { return nil }
        let count = value.count
        return count > limit ? count : nil
    }
}

/// A field refused by its ``TextLimit``: which field, and why.
public struct FieldRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field's name (as in the JSON body or form: `title`, `votes[2].organisation`).
    public var field: String
    /// Why it was refused.
    public var reason: String

    /// Makes a refusal.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// "title is 1500000 characters long; …".
    public var description: String { "\(field) \(reason)" }
}

/// A value that keeps text from outside, and names each field's ``TextLimit``.
public protocol TextLimited {
    /// Each text field: its name, its value and its limit (optional fields only when present).
    var limitedText: [(field: String, value: String, limit: TextLimit)] { get }
}

extension TextLimited {
    /// Checks every text field against its limit, refusing the first that breaks one.
    public func checkText() throws(FieldRefusal) {
        for (field, value, limit) in limitedText { try limit.check(value, field: field) }
    }
}

extension Sequence where Element: TextLimited {
    /// The elements' fields, named `name[index].field`.
    public func limitedText(as name: String) -> [(field: String, value: String, limit: TextLimit)] {
        enumerated().flatMap { index, element in
            element.limitedText.map { ("\(name)[\(index)].\($0.field)", $0.value, $0.limit) }
        }
    }
}
