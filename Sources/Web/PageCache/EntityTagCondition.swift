import Foundation

/// An `If-None-Match` header as RFC 9110 §13.1.2 reads it: `*`, or a list of entity tags, each strong
/// (`"…"`) or weak (`W/"…"`). Members that are not entity tags are ignored, and a header that holds none
/// matches nothing, so a malformed or hostile header only costs the client a full answer.
struct EntityTagCondition: Sendable, Equatable {
    /// Whether the header is `*` (any current representation).
    var any = false
    /// The entity tags listed, as their opaque quoted text (`"abc"`), weak or not.
    var tags: [String] = []

    /// The longest header read: longer ones match nothing (a real client sends a few tags).
    static let longest = 8192
    /// The most tags read from one header.
    static let most = 64

    /// The condition in `values` (every `If-None-Match` line of a request, in order), or `nil` when there
    /// is none.
    init?(_ values: [String]) {
        guard !values.isEmpty else { return nil }
        let text = values.joined(separator: ",")
        guard text.utf8.count <= Self.longest else { return }
        if text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) == ["*"] {
            any = true
            return
        }
        var rest = Substring(text)
        while !rest.isEmpty, tags.count < Self.most {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            if rest.hasPrefix("W/") { rest = rest.dropFirst(2) }
            guard rest.first == "\"" else {
                rest = rest.drop { $0 != "," }  // not an entity tag: skip to the next member
                continue
            }
            let body = rest.dropFirst()
            guard let close = body.firstIndex(of: "\"") else { break }
            let opaque = body[..<close]
            rest = body[body.index(after: close)...].drop { $0 == " " || $0 == "\t" }
            // A tag counts only if the member ends with it (`"a"b` is not a tag).
            guard rest.isEmpty || rest.first == "," else {
                rest = rest.drop { $0 != "," }
                continue
            }
            if opaque.unicodeScalars.allSatisfy(Self.isTagCharacter) { tags.append("\"\(opaque)\"") }
        }
    }

    /// Whether a representation with the strong tag `etag` (quoted) matches: the weak comparison, which
    /// RFC 9110 requires for `If-None-Match`.
    func matches(_ etag: String) -> Bool { any || tags.contains(etag) }

    /// RFC 9110's `etagc`: `!`, `#`–`~` and obs-text.
    private static func isTagCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "!" || (0x23...0x7E).contains(scalar.value) || scalar.value >= 0x80
    }
}
