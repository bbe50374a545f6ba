/// One cell of a CSV that Concordat writes, typed so the writer knows what it holds.
///
/// A **text** cell is written safe for spreadsheets (OWASP "CSV injection"): when it starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return, a single quote is put before it, so a spreadsheet shows
/// it as text instead of running it as a formula. A **number** cell is written as it is, so negative
/// numbers (an Elixhauser score, a variance in pence) stay numbers; a number cell whose text is not a
/// plain decimal number is treated as text. Either is then quoted as RFC 4180 requires.
public enum CSVCell: Sendable, Hashable {
    /// Text, neutralised against formulas.
    case text(String)
    /// A number already formatted (`-12`, `0.1250`): written unchanged when it is one.
    case number(String)

    /// A whole number.
    public static func integer(_ value: some BinaryInteger) -> CSVCell { .number(String(value)) }

    /// The characters that make a spreadsheet read a cell as a formula when they come first.
    static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// Whether `text` is a plain decimal number: an optional minus, digits, an optional fraction.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { (48...57).contains($0) } }
    }

    /// The cell's UTF-8 bytes as written: neutralised when it is text, then quoted if it must be.
    public var encoded: [UInt8] {
        var bytes: [UInt8]
        switch self {
        case .number(let text) where Self.isPlainNumber(text): return Array(text.utf8)
        case .number(let text), .text(let text):
            bytes = Array(text.utf8)
            if let first = bytes.first, Self.formulaStarts.contains(first) { bytes.insert(UInt8(ascii: "'"), at: 0) }
        }
        return Self.quoted(bytes)
    }

    /// `bytes` quoted as RFC 4180 requires: inside double quotes, with each quote doubled once, when they
    /// hold a comma, a quote, a carriage return or a line feed; unchanged otherwise.
    static func quoted(_ bytes: [UInt8]) -> [UInt8] {
        let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D]
        guard bytes.contains(where: special.contains) else { return bytes }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}
