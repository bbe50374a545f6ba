/// A five-year age band as published by NHS Digital: 0–4, 5–9, …, 90–94 and 95 and over.
///
/// Source: NHS Digital, *Patients Registered at a GP Practice*, "5-year age groups" files
/// (`AGE_GROUP_5` column, values `0_4` … `90_94`, `95+`).
public struct AgeBand: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The zero-based position of the band: 0 for 0–4, 19 for 95+.
    public let index: Int

    /// The number of bands (20).
    public static let count = 20

    /// Every band from youngest to oldest.
    public static let all: [AgeBand] = (0..<count).map { AgeBand(uncheckedIndex: $0) }

    private init(uncheckedIndex: Int) { self.index = uncheckedIndex }

    /// The band at a position, or `nil` when the position is outside 0..<20.
    public init?(index: Int) {
        guard (0..<Self.count).contains(index) else { return nil }
        self.index = index
    }

    /// The band that holds a person of `age` whole years (negative ages have no band).
    public init?(age: Int) {
        guard age >= 0 else { return nil }
        self.index = min(age / 5, Self.count - 1)
    }

    /// Reads the publication code (`0_4`, `95+`, also `0-4` and `95_`).
    public init?(publicationCode code: String) {
        let trimmed = code.filter { $0 != " " }
        if trimmed == "95+" || trimmed == "95_" || trimmed == "95_PLUS" {
            self.index = Self.count - 1
            return
        }
        let parts = trimmed.split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]),
            low % 5 == 0, high == low + 4, low / 5 < Self.count - 1
        else { return nil }
        self.index = low / 5
    }

    /// The youngest age in the band.
    public var lowerAge: Int { index * 5 }

    /// The oldest age in the band, or `nil` for the open band 95+.
    public var upperAge: Int? { index == Self.count - 1 ? nil : index * 5 + 4 }

    /// The code used in the publication (`0_4`, `95+`).
    public var publicationCode: String {
        upperAge.map { "\(lowerAge)_\($0)" } ?? "\(lowerAge)+"
    }

    /// A label for people: "0–4", "95+".
    public var label: String {
        upperAge.map { "\(lowerAge)–\($0)" } ?? "\(lowerAge)+"
    }

    /// The band's label.
    public var description: String { label }

    /// Younger bands sort first.
    public static func < (lhs: AgeBand, rhs: AgeBand) -> Bool { lhs.index < rhs.index }

    /// Decodes a publication code such as `0_4` or `95+`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let band = AgeBand(publicationCode: code) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(code)' is not a five-year age band such as 0_4 or 95+")
        }
        self = band
    }

    /// Encodes the publication code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(publicationCode)
    }
}
