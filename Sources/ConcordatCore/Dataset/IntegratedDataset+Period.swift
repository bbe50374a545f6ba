extension IntegratedDataset {
    /// The latest date recorded anywhere in the data (an event's start or end, a diagnosis, a death), or
    /// `nil` for a dataset with no dates. The default extract date is the day after it.
    public var latestDate: Day? {
        var latest = Int32.min
        for day in eventStart where day > latest { latest = day }
        for day in eventEnd where day != Self.noDate && day > latest { latest = day }
        for day in diagnosisRecordedOn where day > latest { latest = day }
        for day in diedOn where day != Self.noDate && day > latest { latest = day }
        return latest == Int32.min ? nil : Day(daysSinceEpoch: latest)
    }

    /// The earliest start of an event, or `nil` with no events.
    public var earliestEventStart: Day? { eventStart.min().map(Day.init(daysSinceEpoch:)) }

    /// The latest start of an event, or `nil` with no events.
    public var latestEventStart: Day? { eventStart.max().map(Day.init(daysSinceEpoch:)) }

    /// Where person `person` stands in `period`, by the registered-population definition NHS England's
    /// "Patients Registered at a GP Practice" and OHID's practice profiles use: on the list on the
    /// period's last day (registered on or before it) and alive on it.
    public func standing(of person: Int, in period: AnalysisPeriod) -> PeriodStanding {
        let last = period.lastDay.daysSinceEpoch
        let died = diedOn[person]
        if died != Self.noDate, died < period.firstDay.daysSinceEpoch { return .diedBefore }
        if registeredFrom[person] > last { return .registeredAfter }
        if died != Self.noDate, died <= last { return .diedInPeriod }
        return .registered
    }

    /// The events whose start lies outside `period`: how many, and the earliest and latest of them.
    public func eventsOutside(_ period: AnalysisPeriod) -> EventsOutsidePeriod {
        var result = EventsOutsidePeriod()
        let first = period.firstDay.daysSinceEpoch
        let end = period.endExclusive.daysSinceEpoch
        for day in eventStart where day < first || day >= end {
            if day < first { result.before += 1 } else { result.after += 1 }
            let date = Day(daysSinceEpoch: day)
            result.earliest = min(result.earliest ?? date, date)
            result.latest = max(result.latest ?? date, date)
        }
        return result
    }
}

/// A person's place in an analysis period's figures.
public enum PeriodStanding: Sendable, Hashable {
    /// Registered on the period's last day and alive: in the population, with their activity.
    case registered
    /// Died during the period: their activity and cost count, they are not in the end population, and
    /// they are shown apart ("of whom died in the period").
    case diedInPeriod
    /// Died before the period began: not counted.
    case diedBefore
    /// Registered only after the period ended: not counted.
    case registeredAfter

    /// Whether their activity and cost in the period count.
    public var countsActivity: Bool { self == .registered || self == .diedInPeriod }
}

/// Events left out of a period's measures (kept in the dataset for later periods).
public struct EventsOutsidePeriod: Sendable, Hashable, Codable {
    /// Events that started before the period.
    public var before = 0
    /// Events that started after it.
    public var after = 0
    /// The earliest start among them.
    public var earliest: Day?
    /// The latest start among them.
    public var latest: Day?

    /// None.
    public init() {}

    /// How many in all.
    public var count: Int { before + after }
}
