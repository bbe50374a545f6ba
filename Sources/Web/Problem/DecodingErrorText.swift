import Foundation

/// A readable sentence for a `DecodingError`, naming the field path.
struct DecodingErrorText: CustomStringConvertible {
    let error: DecodingError
    init(_ error: DecodingError) { self.error = error }

    var description: String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let prefix = path(context.codingPath)
            return "the field '\(prefix.isEmpty ? key.stringValue : prefix + "." + key.stringValue)' is required"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "the field '\(path(context.codingPath))' has the wrong type: \(context.debugDescription)"
        case .dataCorrupted(let context):
            let at = path(context.codingPath)
            return at.isEmpty ? "it is not valid JSON" : "the field '\(at)' is not valid: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
