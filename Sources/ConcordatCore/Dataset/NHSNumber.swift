/// A 10-digit NHS number whose check digit is valid under the Modulus 11 algorithm.
///
/// Source: NHS Data Dictionary, "NHS Number": multiply digits 1–9 by weights 10 down to 2, sum,
/// take the remainder on division by 11, subtract it from 11; a result of 11 gives check digit 0, a
/// result of 10 means the number is invalid. Numbers made of one repeated digit are also refused.
public struct NHSNumber: Hashable, Sendable, CustomStringConvertible {
    /// The ten digits, without spaces.
    public let digits: String

    /// Why a candidate is not a valid NHS number.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// Not exactly ten digits (after removing spaces).
        case notTenDigits
        /// A character other than a digit or a space.
        case nonDigit
        /// Every digit is the same (e.g. 1111111111).
        case repeatedDigit
        /// The Modulus 11 calculation gives 10, which no valid number has.
        case checkDigitTen
        /// The last digit is not the computed check digit.
        case wrongCheckDigit(expected: Int)

        /// The reason in plain English.
        public var description: String {
            switch self {
            case .notTenDigits: "it does not have exactly 10 digits (length check)"
            case .nonDigit: "it holds a character that is not a digit (digit check)"
            case .repeatedDigit: "it is one digit repeated (all-same-digit check)"
            case .checkDigitTen: "the Modulus 11 check gives 10, so no check digit can be valid (check digit)"
            case .wrongCheckDigit: "the last digit is not the Modulus 11 check digit (check digit)"
            }
        }
    }

    /// Validates a candidate (spaces allowed, as in "943 476 5919").
    /// - Throws: ``Problem`` saying why it is not valid.
    public init(validating text: String) throws(Problem) {
        var count = 0
        var sum = 0
        var allSame = true
        var first = -1
        var last = 0
        for byte in text.utf8 where byte != UInt8(ascii: " ") {
            let digit = Int(byte &- 48)
            guard digit < 10 else { throw .nonDigit }
            guard count < 10 else { throw .notTenDigits }
            if first < 0 { first = digit } else if digit != first { allSame = false }
            if count < 9 { sum += digit * (10 - count) } else { last = digit }
            count += 1
        }
        guard count == 10 else { throw .notTenDigits }
        guard !allSame else { throw .repeatedDigit }
        let check = 11 - sum % 11
        if check == 10 { throw .checkDigitTen }
        let expected = check == 11 ? 0 : check
        guard expected == last else { throw .wrongCheckDigit(expected: expected) }
        digits =
            text.utf8.count == 10 ? text : String(decoding: text.utf8.filter { $0 != UInt8(ascii: " ") }, as: UTF8.self)
    }

    /// The check digit for nine leading digits.
    /// - Throws: ``Problem/checkDigitTen`` when the nine digits admit no valid check digit.
    public static func checkDigit(for nine: [Int]) throws(Problem) -> Int {
        var sum = 0
        for (offset, digit) in nine.enumerated() { sum += digit * (10 - offset) }
        let check = 11 - sum % 11
        if check == 11 { return 0 }
        if check == 10 { throw .checkDigitTen }
        return check
    }

    /// Whether `text` is a valid NHS number.
    public static func isValid(_ text: String) -> Bool {
        (try? NHSNumber(validating: text)) != nil
    }

    /// The digits.
    public var description: String { digits }
}
