/// The whole calendar months a dataset's figures describe, first month to last month inclusive
/// (`2025-07..2026-06`): activity and cost are counted for events starting in it, and the population is
/// the registered population at its last day. One period is stored with each dataset, so that the
/// import, the demo and every re-analysis describe the same months.
public struct AnalysisPeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first month, as `year * 12 + (month - 1)`.
    public let firstMonthIndex: Int
    /// The number of months, 1 to ``maximumMonths``.
    public let months: Int

    /// The longest period accepted: two years. Finance reads the period's spend as a year's; a longer
    /// period would be two years' activity shown as one.
    public static let maximumMonths = 24

    /// The period of `months` months starting at `year`-`month`.
    /// - Throws: ``AnalysisPeriodError`` when the month is invalid or the length is outside 1…24.
    public init(year: Int, month: Int, months: Int) throws {
        guard (1...12).contains(month), (1900...2199).contains(year) else {
            throw AnalysisPeriodError.malformed(text: "\(year)-\(month)", reason: "the month is not a calendar month")
        }
        guard months >= 1 else { throw AnalysisPeriodError.empty(text: "\(months) months") }
        guard months <= Self.maximumMonths else {
            throw AnalysisPeriodError.tooLong(text: "\(months) months", months: months)
        }
        firstMonthIndex = year * 12 + month - 1
        self.months = months
    }

    /// Parses `YYYY-MM..YYYY-MM` (first and last month, inclusive).
    /// - Throws: ``AnalysisPeriodError`` saying what is wrong with `text`.
    public init(parsing text: String) throws {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2 else {
            throw AnalysisPeriodError.malformed(
                text: text, reason: "write the first and last month as YYYY-MM..YYYY-MM, e.g. 2025-07..2026-06")
        }
        guard let first = Month.components(parts[0]) else {
            throw AnalysisPeriodError.malformed(text: text, reason: "'\(parts[0])' is not a month (YYYY-MM)")
        }
        guard let last = Month.components(parts[1]) else {
            throw AnalysisPeriodError.malformed(text: text, reason: "'\(parts[1])' is not a month (YYYY-MM)")
        }
        let count = (last.year * 12 + last.month) - (first.year * 12 + first.month) + 1
        guard count >= 1 else {
            throw count == 0
                ? AnalysisPeriodError.empty(text: text) : AnalysisPeriodError.reversed(text: text)
        }
        guard count <= Self.maximumMonths else { throw AnalysisPeriodError.tooLong(text: text, months: count) }
        try self.init(year: first.year, month: first.month, months: count)
    }

    /// The twelve months ending at the last complete month on or before `latest`: if `latest` is a
    /// month's last day, that month ends the period; otherwise the month before it does.
    public static func twelveMonths(endingAtLastCompleteMonthOf latest: Day) -> AnalysisPeriod {
        let (year, month, day) = latest.components
        var lastIndex = year * 12 + month - 1
        if day != Day.daysIn(month: month, year: year) { lastIndex -= 1 }
        let first = lastIndex - 11
        return try! AnalysisPeriod(year: first / 12, month: first % 12 + 1, months: 12)
    }

    /// The twelve whole months before `referenceDate`'s month (the convention before periods were stored).
    public static func twelveMonths(before referenceDate: Day) -> AnalysisPeriod {
        twelveMonths(endingAtLastCompleteMonthOf: referenceDate.adding(days: -referenceDate.components.day))
    }

    /// The period's first day.
    public var firstDay: Day { Day(year: firstMonthIndex / 12, month: firstMonthIndex % 12 + 1, day: 1)! }

    /// The day after the period's last day (the end, exclusive).
    public var endExclusive: Day {
        let next = firstMonthIndex + months
        return Day(year: next / 12, month: next % 12 + 1, day: 1)!
    }

    /// The period's last day: the date the population is counted at and ages are taken at.
    public var lastDay: Day { endExclusive.adding(days: -1) }

    /// The first day of the month `offset` months into the period (0: the first month).
    public func firstDay(ofMonth offset: Int) -> Day {
        let index = firstMonthIndex + offset
        return Day(year: index / 12, month: index % 12 + 1, day: 1)!
    }

    /// The period's months, `YYYY-MM`, first first.
    public var monthLabels: [String] {
        (0..<months).map { Month.label(year: firstMonthIndex / 12, month: firstMonthIndex % 12 + 1, offset: $0) }
    }

    /// Whether `day` lies in the period.
    public func contains(_ day: Day) -> Bool { day >= firstDay && day < endExclusive }

    /// `YYYY-MM..YYYY-MM`, the form `--period` takes.
    public var description: String { "\(monthLabels.first!)..\(monthLabels.last!)" }

    /// Words for people: "July 2025 to June 2026 (12 months)".
    public var words: String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let last = firstMonthIndex + months - 1
        let first = "\(names[firstMonthIndex % 12]) \(firstMonthIndex / 12)"
        let end = "\(names[last % 12]) \(last / 12)"
        return "\(first) to \(end) (\(months) month\(months == 1 ? "" : "s"))"
    }

    /// Reads `YYYY-MM..YYYY-MM`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    /// Writes `YYYY-MM..YYYY-MM`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Why a period was refused.
public enum AnalysisPeriodError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not `YYYY-MM..YYYY-MM`.
    case malformed(text: String, reason: String)
    /// The last month is before the first.
    case reversed(text: String)
    /// No months.
    case empty(text: String)
    /// More than ``AnalysisPeriod/maximumMonths``.
    case tooLong(text: String, months: Int)
    /// It ends after the data do (the extract date).
    case afterExtract(period: String, extractDate: Day)

    /// What is wrong, in words.
    public var description: String {
        switch self {
        case .malformed(let text, let reason): "the period '\(text)' is not a period: \(reason)"
        case .reversed(let text): "the period '\(text)' ends before it starts: give the first month first"
        case .empty(let text): "the period '\(text)' has no months: it needs at least one"
        case .tooLong(let text, let months):
            "the period '\(text)' is \(months) months long; the longest accepted is \(AnalysisPeriod.maximumMonths)"
        case .afterExtract(let period, let extractDate):
            "the period \(period) ends on or after the extract date \(extractDate): its last months have no data yet"
        }
    }
}
