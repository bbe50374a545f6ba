/// What a stream of amounts by year is, which decides how it is adjusted and discounted.
public enum StreamKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Capital costs: raised by the option's capital optimism bias, discounted at the option's schedule.
    case capitalCost
    /// Operating (revenue) costs: raised by the operating optimism bias, discounted at the option's schedule.
    case operatingCost
    /// Monetised benefits (negative for disbenefits), discounted at the standard schedule.
    case benefit
    /// Health effects valued in money (QALYs × a value per QALY), discounted at the health schedule
    /// (HM Treasury, *The Green Book*, 2022, Annex A6: 1.5% for years 0–30).
    case healthBenefit

    /// Whether the stream is a cost (the others are benefits).
    public var isCost: Bool { self == .capitalCost || self == .operatingCost }
}
