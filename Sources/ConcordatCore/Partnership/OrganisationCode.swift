/// The shape of an organisation's code: an NHS Organisation Data Service (ODS) code is 3 to 6 capital
/// letters and digits (a trust `RVV`, a commissioner `09C`, an independent provider `8J094`), as NHS
/// Digital's ODS publishes them; an extract's `provider_code` may also be a local code of up to 8
/// (DESIGN.md, events.csv: `HSPKM`, `SYNACUTE`).
public enum OrganisationCode {
    /// Whether `code` has the shape of an ODS code (not whether ODS lists it).
    public static func isODSShaped(_ code: String) -> Bool {
        (3...6).contains(code.utf8.count) && isCapitalsAndDigits(code.utf8)
    }

    /// Whether `code` can be an extract's provider code: 3–8 capital letters and digits.
    public static func isValid(_ code: String) -> Bool { isValid(bytes: code.utf8) }

    /// Whether `bytes` (UTF-8) can be an extract's provider code: 3–8 capital letters and digits.
    @inlinable
    public static func isValid(bytes: some Collection<UInt8>) -> Bool {
        (3...8).contains(bytes.count) && isCapitalsAndDigits(bytes)
    }

    /// Whether every byte is a capital letter A–Z or a digit 0–9.
    @inlinable
    static func isCapitalsAndDigits(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.allSatisfy { ($0 >= 65 && $0 <= 90) || $0 &- 48 < 10 }
    }
}
