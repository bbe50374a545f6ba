/// The dataset's spend in aggregate, as finance needs it: pence by practice, care setting, provider,
/// month, and whether the person was a child. No person appears in it. It is what the ledger's actuals,
/// the care-network budget mix and the current-spend baseline are built from.
public struct SpendSummary: Sendable, Hashable, Codable {
    /// One cell of spend.
    public struct Cell: Sendable, Hashable, Codable {
        /// The person's practice (ODS code).
        public var practice: String
        /// The care setting's code (as in `events.csv`).
        public var setting: String
        /// The provider's code (for general practice and prescribing, the practice).
        public var provider: String
        /// The month the event started, `YYYY-MM`.
        public var month: String
        /// Whether the person was under 18 at the reference date.
        public var child: Bool
        /// Whether the person was 75 or over at the reference date.
        public var aged75Plus: Bool = false
        /// The spend, in pence.
        public var pence: Int64
        /// The number of events (`nil` in summaries made before it was counted).
        public var events: Int? = nil

        /// Makes a cell.
        public init(
            practice: String, setting: String, provider: String, month: String, child: Bool, aged75Plus: Bool = false,
            pence: Int64, events: Int? = nil
        ) {
            self.practice = practice
            self.setting = setting
            self.provider = provider
            self.month = month
            self.child = child
            self.aged75Plus = aged75Plus
            self.pence = pence
            self.events = events
        }

        /// Reads a cell; summaries stored before the 75+ flag and event counts read with none.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            practice = try container.decode(String.self, forKey: .practice)
            setting = try container.decode(String.self, forKey: .setting)
            provider = try container.decode(String.self, forKey: .provider)
            month = try container.decode(String.self, forKey: .month)
            child = try container.decode(Bool.self, forKey: .child)
            aged75Plus = try container.decodeIfPresent(Bool.self, forKey: .aged75Plus) ?? false
            pence = try container.decode(Int64.self, forKey: .pence)
            events = try container.decodeIfPresent(Int.self, forKey: .events)
        }
    }

    /// The twelve months of the summary's year, `YYYY-MM`, first month first.
    public var months: [String]
    /// The cells with spend.
    public var cells: [Cell]
    /// People in the dataset by practice: all, and those aged 75 or over (the denominators of rates;
    /// `nil` in summaries made before it was kept).
    public var people: [String: PracticePeople]?

    /// A practice's people in the dataset.
    public struct PracticePeople: Sendable, Hashable, Codable {
        /// Everyone.
        public var all: Int
        /// Those aged 75 or over.
        public var aged75Plus: Int

        /// Makes a count.
        public init(all: Int, aged75Plus: Int) {
            self.all = all
            self.aged75Plus = aged75Plus
        }
    }

    /// Makes a summary from cells.
    public init(months: [String], cells: [Cell], people: [String: PracticePeople]? = nil) {
        self.months = months
        self.cells = cells
        self.people = people
    }

    /// Summarises the events of the twelve whole months before `referenceDate`'s month, of everyone in
    /// the dataset (the convention before analysis periods).
    public init(of dataset: IntegratedDataset, referenceDate: Day) {
        self.init(of: dataset, months: .twelveMonths(before: referenceDate), standing: false)
    }

    /// Summarises the events starting in `period` of the people whose activity counts in it (registered
    /// at its end, or died in it); the people counts are the population at its end (registered, alive).
    public init(of dataset: IntegratedDataset, period: AnalysisPeriod) {
        self.init(of: dataset, months: period, standing: true)
    }

    private init(of dataset: IntegratedDataset, months period: AnalysisPeriod, standing: Bool) {
        let firstDays = (0..<period.months).map { period.firstDay(ofMonth: $0) }
        let labels = period.monthLabels
        months = labels
        let starts = firstDays.map(\.daysSinceEpoch) + [period.endExclusive.daysSinceEpoch]
        let referenceDate = period.lastDay
        let ages = (0..<dataset.personCount).map {
            referenceDate.age(birthYear: Int(dataset.birthYear[$0]), birthMonth: Int(dataset.birthMonth[$0]))
        }
        let standings = (0..<dataset.personCount).map {
            standing ? dataset.standing(of: $0, in: period) : .registered
        }
        var counts: [String: PracticePeople] = [:]
        var byPractice = [PracticePeople](
            repeating: PracticePeople(all: 0, aged75Plus: 0), count: dataset.practiceCodes.count)
        for person in 0..<dataset.personCount where standings[person] == .registered {
            byPractice[Int(dataset.practice[person])].all += 1
            if ages[person] >= 75 { byPractice[Int(dataset.practice[person])].aged75Plus += 1 }
        }
        for (index, count) in byPractice.enumerated() where count.all > 0 {
            counts[dataset.practiceCodes[index]] = count
        }
        people = counts
        struct Key: Hashable {
            var practice: UInt16
            var setting: UInt8
            var provider: UInt32
            var month: Int
            var child: Bool
            var aged75Plus: Bool
        }
        var totals: [Key: (pence: Int64, events: Int)] = [:]
        for row in 0..<dataset.eventCount {
            let day = dataset.eventStart[row]
            guard day >= starts[0], day < starts[period.months],
                standings[Int(dataset.eventPerson[row])].countsActivity
            else { continue }
            var monthIndex = 0
            while day >= starts[monthIndex + 1] { monthIndex += 1 }
            let person = Int(dataset.eventPerson[row])
            let key = Key(
                practice: dataset.practice[person], setting: dataset.eventSetting[row],
                provider: dataset.eventProvider[row], month: monthIndex, child: ages[person] < 18,
                aged75Plus: ages[person] >= 75)
            totals[key, default: (0, 0)].pence += dataset.eventCostPence[row]
            totals[key, default: (0, 0)].events += 1
        }
        cells = totals.map { key, total in
            Cell(
                practice: dataset.practiceCodes[Int(key.practice)],
                setting: CareSetting(rawValue: key.setting)?.code ?? "unknown",
                provider: key.provider == IntegratedDataset.noCode
                    ? "unknown" : dataset.providerCodes[Int(key.provider)],
                month: labels[key.month], child: key.child, aged75Plus: key.aged75Plus, pence: total.pence,
                events: total.events)
        }.sorted {
            ($0.practice, $0.setting, $0.provider, $0.month, $0.child ? 1 : 0, $0.aged75Plus ? 1 : 0)
                < ($1.practice, $1.setting, $1.provider, $1.month, $1.child ? 1 : 0, $1.aged75Plus ? 1 : 0)
        }
    }

    /// The whole year's spend.
    public var total: Int64 { cells.reduce(0) { $0 + $1.pence } }
}
