/// A unit of the system's geography: the system itself, a place, a neighbourhood, a practice, a
/// cluster or a locality, depending on the system's ``HierarchyLevel``s.
public struct Area: Hashable, Sendable, Codable, Identifiable {
    /// The area's code: an ODS code for practices and PCNs, a short code for places.
    public var code: String
    /// The name people know it by.
    public var name: String
    /// The key of its ``HierarchyLevel``.
    public var level: String
    /// The code of the area it belongs to; `nil` only for the system.
    public var parentCode: String?
    /// The postcode, for practices.
    public var postcode: String?
    /// The local authority district (LTLA), where a source gives one.
    public var district: String?

    /// The area's code.
    public var id: String { code }

    /// Makes an area.
    public init(
        code: String, name: String, level: String, parentCode: String?, postcode: String? = nil,
        district: String? = nil
    ) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.postcode = postcode
        self.district = district
    }
}
