/// A JSON path (`$.seats[3].organisation`) built from a decoder's coding path, as system packs and scenario
/// definitions locate their refusals.
public enum JSONPath {
    /// The path of `codingPath`, `$` for the document itself.
    public static func of(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce("$") { path, key in
            if let index = key.intValue { return "\(path)[\(index)]" }
            return "\(path).\(key.stringValue)"
        }
    }

    /// The path and reason of a decoding failure, in words a pack author can act on.
    public static func describe(_ error: DecodingError) -> (path: String, reason: String) {
        switch error {
        case .keyNotFound(let key, let context):
            return (of(context.codingPath + [key]), "is missing")
        case .typeMismatch(let type, let context):
            return (of(context.codingPath), "is not \(expected(type))")
        case .valueNotFound(let type, let context):
            return (of(context.codingPath), "is null; expected \(expected(type))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty, let underlying = context.underlyingError {
                return ("$", "is not valid JSON (\(underlying.localizedDescription))")
            }
            return (of(context.codingPath), context.debugDescription)
        @unknown default:
            return ("$", "cannot be read")
        }
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "a list" : "an object of the expected shape"
        }
    }
}
