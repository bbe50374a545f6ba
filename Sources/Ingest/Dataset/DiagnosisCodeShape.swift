/// The shapes a diagnosis code must have once normalised, shared by the import and `concordat score`:
/// ICD-10 as stored (upper case, no dot: a letter, two digits or X, then up to four letters or digits;
/// `I219`, `E11X`), and SNOMED CT identifiers (6–18 digits).
enum DiagnosisCodeShape {
    /// Whether normalised ICD-10 bytes are shaped like a code.
    static func isICD10(_ code: some RandomAccessCollection<UInt8>) -> Bool {
        code.withContiguousStorageIfAvailable { isICD10($0) } ?? isICD10(Array(code))
    }

    /// Whether normalised ICD-10 bytes are shaped like a code.
    static func isICD10(_ code: UnsafeBufferPointer<UInt8>) -> Bool {
        (3...7).contains(code.count) && code[0] >= 65 && code[0] <= 90 && code[1] &- 48 < 10
            && (code[2] &- 48 < 10 || code[2] == UInt8(ascii: "X"))
            && code[3...].allSatisfy { $0 &- 48 < 10 || ($0 >= 65 && $0 <= 90) }
    }

    /// Whether bytes are a SNOMED CT identifier.
    static func isSNOMED(_ code: some Collection<UInt8>) -> Bool {
        (6...18).contains(code.count) && code.allSatisfy { $0 &- 48 < 10 }
    }
}
