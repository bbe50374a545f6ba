/// The shape of an NHS Organisation Data Service (ODS) code: 3 to 6 capital letters and digits (a trust
/// `RVV`, a commissioner `09C`, an independent provider `8J094`), as NHS Digital's ODS publishes them.
public enum OrganisationCode {
    /// Whether `code` has the shape of an ODS code (not whether ODS lists it).
    public static func isODSShaped(_ code: String) -> Bool {
        (3...6).contains(code.count)
            && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
