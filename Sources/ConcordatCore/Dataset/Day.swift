/// A calendar date held as the number of days since 1970-01-01 (proleptic Gregorian), so that dates
/// are 4-byte integers in columnar data and arithmetic on them is subtraction.
///
/// Conversion uses Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let daysSinceEpoch: Int32

    /// Wraps a day number.
    @inlinable
    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// The day for a valid calendar date, or `nil` (e.g. 2026-02-30).
    @inlinable
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
            (1800...2200).contains(year)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = Int32(era * 146_097 + doe - 719_468)
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`, from UTF-8 bytes (the fast path for imports).
    @inlinable
    public init?(iso bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var values = (0, 0, 0)
        for position in 0..<10 where position != 4 && position != 7 {
            let digit = bytes[position] &- 48
            guard digit < 10 else { return nil }
            switch position {
            case ..<4: values.0 = values.0 * 10 + Int(digit)
            case ..<7: values.1 = values.1 * 10 + Int(digit)
            default: values.2 = values.2 * 10 + Int(digit)
            }
        }
        self.init(year: values.0, month: values.1, day: values.2)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard let day = bytes.withUnsafeBufferPointer({ Day(iso: $0) }) else { return nil }
        self = day
    }

    /// The calendar date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    /// The day `count` days later (or earlier, if negative).
    public func adding(days count: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + Int32(count)) }

    /// Whole days from `self` to `other`.
    public func days(to other: Day) -> Int { Int(other.daysSinceEpoch - daysSinceEpoch) }

    /// Age in whole years on this day of someone born in `birthYear`/`birthMonth`. Extracts record only
    /// the month of birth, so the birthday is taken as the 15th of that month.
    public func age(birthYear: Int, birthMonth: Int) -> Int {
        let (year, month, day) = components
        let birthdayPassed = month > birthMonth || (month == birthMonth && day >= 15)
        return year - birthYear - (birthdayPassed ? 0 : 1)
    }

    /// Earlier days sort first.
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// The number of days in a month of a year.
    @inlinable
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Day: Codable {
    /// Reads an ISO date, `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date (YYYY-MM-DD)"))
        }
        self = day
    }

    /// Writes an ISO date, `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
