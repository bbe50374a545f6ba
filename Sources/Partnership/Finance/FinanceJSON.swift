import Foundation

/// The one JSON encoding of finance answers, the command line's and the API's: keys sorted, indented.
public enum FinanceJSON {
    /// `value` as sorted, indented JSON.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(value)
    }
}
