/// A measure the partnership watches: what it counts, which way is better, where it comes from, and its
/// targets over time (standards change every planning round, so each target is dated).
public struct Indicator: Sendable, Hashable, Codable, Identifiable {
    /// How a value is expressed.
    public enum Unit: String, Sendable, Hashable, Codable {
        /// A percentage (0–100).
        case percent
        /// A rate per 1,000 people.
        case per1000 = "per-1000"
        /// Pounds.
        case pounds
        /// A count.
        case count
    }

    /// A target in force from a month until the next one.
    public struct Target: Sendable, Hashable, Codable {
        /// The first month it applies, `YYYY-MM`.
        public var from: String
        /// The value to reach (or stay beyond).
        public var value: Double
        /// What it is, e.g. "constitutional standard" or "2025/26 planning guidance: 78% by March 2026".
        public var label: String

        /// Makes a target.
        public init(from: String, value: Double, label: String) {
            self.from = from
            self.value = value
            self.label = label
        }
    }

    /// A short key, e.g. `ae-4-hour`.
    public var code: String
    /// The indicator's name.
    public var name: String
    /// What is counted.
    public var numerator: String
    /// What it is counted out of, if a proportion or rate.
    public var denominator: String?
    /// How values are expressed.
    public var unit: Unit
    /// Which way is better.
    public var improvement: ImprovementDirection
    /// Where the values come from.
    public var source: String
    /// The targets, earliest first.
    public var targets: [Target]
    /// Whether Concordat computes it from the integrated dataset (otherwise values are imported).
    public var computedFromDataset: Bool

    /// The identity is the code.
    public var id: String { code }

    /// Makes an indicator.
    public init(
        code: String, name: String, numerator: String, denominator: String?, unit: Unit,
        improvement: ImprovementDirection, source: String, targets: [Target] = [], computedFromDataset: Bool = false
    ) {
        self.code = code
        self.name = name
        self.numerator = numerator
        self.denominator = denominator
        self.unit = unit
        self.improvement = improvement
        self.source = source
        self.targets = targets.sorted { $0.from < $1.from }
        self.computedFromDataset = computedFromDataset
    }

    /// The target in force in `month` (`YYYY-MM`): the latest that starts on or before it.
    public func target(in month: String) -> Target? { targets.last { $0.from <= month } }

    /// Why `value` cannot be a value of this indicator, or `nil` if it can.
    public func problem(with value: Double) -> String? {
        guard value.isFinite else { return "\(value) is not a number" }
        if unit == .percent, !(0...100).contains(value) { return "\(value) is not a percentage from 0 to 100" }
        return nil
    }

    /// A value written in the indicator's unit, e.g. "76.4%" or "12.3 per 1,000".
    public func format(_ value: Double) -> String {
        switch unit {
        case .percent: return formatted(value, decimals: 1) + "%"
        case .per1000: return formatted(value, decimals: 1) + " per 1,000"
        case .pounds: return "£" + formatted(value, decimals: 0)
        case .count: return formatted(value, decimals: 0)
        }
    }

    private func formatted(_ value: Double, decimals: Int) -> String {
        let scale = decimals == 0 ? 1.0 : 10.0
        let rounded = (value * scale).rounded() / scale
        if decimals == 0 { return String(Int(rounded)) }
        let whole = Int(rounded.magnitude)
        let tenth = Int(((rounded.magnitude - Double(whole)) * 10).rounded())
        return (rounded < 0 ? "-" : "") + "\(whole).\(tenth)"
    }
}

/// One value of an indicator for a subject (an area of the hierarchy, or an organisation such as a provider
/// trust) in a month.
public struct IndicatorValue: Sendable, Hashable, Codable {
    /// The indicator's code.
    public var indicator: String
    /// What it is a value of: an area or an organisation.
    public var subject: IndicatorSubject
    /// The month, `YYYY-MM`.
    public var month: String
    /// The value, in the indicator's unit.
    public var value: Double
    /// The numerator, if known.
    public var numerator: Double?
    /// The denominator, if known.
    public var denominator: Double?

    /// The subject's code (an area's or an organisation's).
    public var area: String { subject.code }

    /// Makes a value of an area.
    public init(
        indicator: String, area: String, month: String, value: Double, numerator: Double? = nil,
        denominator: Double? = nil
    ) {
        self.init(
            indicator: indicator, subject: .area(area), month: month, value: value, numerator: numerator,
            denominator: denominator)
    }

    /// Makes a value of any subject.
    public init(
        indicator: String, subject: IndicatorSubject, month: String, value: Double, numerator: Double? = nil,
        denominator: Double? = nil
    ) {
        self.indicator = indicator
        self.subject = subject
        self.month = month
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
    }

    private enum CodingKeys: String, CodingKey {
        case indicator, area, subject, month, value, numerator, denominator
    }

    /// Reads a value: `area` is the subject's code and `subject` its kind (`area`, the default, or
    /// `organisation`), so values written before organisations had values still read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        indicator = try container.decode(String.self, forKey: .indicator)
        let kind = try container.decodeIfPresent(IndicatorSubject.Kind.self, forKey: .subject) ?? .area
        subject = IndicatorSubject(kind: kind, code: try container.decode(String.self, forKey: .area))
        month = try container.decode(String.self, forKey: .month)
        value = try container.decode(Double.self, forKey: .value)
        numerator = try container.decodeIfPresent(Double.self, forKey: .numerator)
        denominator = try container.decodeIfPresent(Double.self, forKey: .denominator)
    }

    /// Writes a value: the subject's code as `area` and its kind as `subject`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicator, forKey: .indicator)
        try container.encode(subject.code, forKey: .area)
        try container.encode(subject.kind, forKey: .subject)
        try container.encode(month, forKey: .month)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(numerator, forKey: .numerator)
        try container.encodeIfPresent(denominator, forKey: .denominator)
    }
}
