import ConcordatCore

/// The baseline a scenario runs on: the integrated dataset's people and a period's activity, aggregated
/// into cells of people alike in everything the scenario can tell apart — practice, age band and which
/// changes are aimed at them (one bit per change) — and, within each, by setting and budget holder: people,
/// events, cost in pence and bed days.
///
/// Every factor the model applies is the same for every row in a cell, and the model is linear in a
/// cell's events and cost, so the projection on cells equals the projection on rows (tested in
/// `ScenariosTests`); a cell's Poisson draw is the sum of its rows' (a sum of independent Poisson counts
/// is Poisson with the summed mean).
public struct BaselineCells: Sendable, Hashable {
    /// How finely to aggregate.
    public enum Granularity: Sendable, Hashable {
        /// Cells of people alike (the default).
        case cells
        /// One group per person and one cell per event: the rows themselves, for proving the cells right.
        case rows
    }

    /// A group of people alike.
    public struct Group: Sendable, Hashable {
        /// The practice (index into ``practices``).
        public var practice: Int
        /// The age band index.
        public var ageBand: Int
        /// Bit `c` set when change `c` is aimed at these people.
        public var targets: UInt64
        /// How many people.
        public var people: Int
    }

    /// A group's activity in one setting for one budget holder.
    public struct Cell: Sendable, Hashable {
        /// The group (index into ``groups``).
        public var group: Int
        /// The setting's raw value.
        public var setting: UInt8
        /// The budget holder (index into ``partners``).
        public var partner: Int
        /// Events in the period.
        public var events: Int
        /// Their cost, in pence.
        public var costPence: Int64
        /// Their bed days (admissions only: discharge less admission day).
        public var bedDays: Int
    }

    /// The period the activity is taken from.
    public var period: ClosedRange<Day>
    /// Practice codes.
    public var practices: [String]
    /// Each practice's place (index into ``places``).
    public var placeOfPractice: [Int]
    /// Each practice's district, where known.
    public var districtOfPractice: [String?]
    /// Place codes (the last is `unplaced` when some practice has no place).
    public var places: [String]
    /// Budget holder codes.
    public var partners: [String]
    /// The groups.
    public var groups: [Group]
    /// The cells.
    public var cells: [Cell]

    /// The code of the place that holds practices the system does not place.
    public static let unplaced = "unplaced"

    /// Builds the cells.
    /// - Parameters:
    ///   - period: events starting in it are the baseline's; ages are taken at its last day; people are those
    ///     registered by its last day and alive on its first.
    ///   - targets: the people each change is aimed at, in order (at most 64).
    ///   - partnerOf: the budget holder of activity in a setting for a practice's patient by a provider.
    public init(
        dataset: IntegratedDataset, period: ClosedRange<Day>, attributes: PersonAttributes,
        geography: ScenarioGeography, targets: [PeopleFilter],
        partnerOf: (_ practice: String, _ setting: CareSetting, _ provider: String) -> String,
        granularity: Granularity = .cells
    ) {
        precondition(targets.count <= 64, "at most 64 changes")
        self.period = period
        practices = dataset.practiceCodes.strings
        var places = geography.places
        let placeIndex = Dictionary(uniqueKeysWithValues: places.enumerated().map { ($1, $0) })
        placeOfPractice = practices.map { code in
            if let place = geography.placeOfPractice[code], let index = placeIndex[place] { return index }
            if places.last != Self.unplaced { places.append(Self.unplaced) }
            return places.count - 1
        }
        self.places = places
        districtOfPractice = practices.map { geography.districtOfPractice[$0] }
        let neighbourhoodOfPractice = practices.map { geography.neighbourhoodOfPractice[$0] }
        let placeCode = placeOfPractice.map { places[$0] }
        let start = period.lowerBound.daysSinceEpoch
        let end = period.upperBound.daysSinceEpoch

        // Each person's group.
        var groupIndex: [Group: Int] = [:]
        var groups: [Group] = []
        var groupOfPerson = [Int](repeating: 0, count: dataset.personCount)
        for person in 0..<dataset.personCount {
            let practice = Int(dataset.practice[person])
            let age = period.upperBound.age(
                birthYear: Int(dataset.birthYear[person]), birthMonth: Int(dataset.birthMonth[person]))
            let band = AgeBand(age: max(0, age))!.index
            var mask: UInt64 = 0
            for (bit, filter) in targets.enumerated() {
                if let set = filter.places, !set.contains(placeCode[practice]) { continue }
                if let set = filter.neighbourhoods {
                    guard let code = neighbourhoodOfPractice[practice], set.contains(code) else { continue }
                }
                if let set = filter.segments, !set.contains(attributes.segments[person]) { continue }
                if let set = filter.ageBands, !set.contains(band) { continue }
                if let set = filter.sexes, !set.contains(dataset.sex[person]) { continue }
                if let set = filter.imdDeciles, !set.contains(dataset.imdDecile[person]) { continue }
                if let list = filter.conditions, !list.contains(where: { attributes.conditions[person].contains($0) }) {
                    continue
                }
                mask |= 1 << UInt64(bit)
            }
            let counted =
                dataset.registeredFrom[person] <= end
                && (dataset.diedOn[person] == IntegratedDataset.noDate || dataset.diedOn[person] >= start)
            let key = Group(practice: practice, ageBand: band, targets: mask, people: 0)
            let index: Int
            if granularity == .cells, let found = groupIndex[key] {
                index = found
            } else {
                index = groups.count
                groups.append(key)
                if granularity == .cells { groupIndex[key] = index }
            }
            if counted { groups[index].people += 1 }
            groupOfPerson[person] = index
        }
        self.groups = groups

        // Each event's cell.
        struct Key: Hashable {
            var group: Int
            var setting: UInt8
            var partner: Int
        }
        var partners: [String] = []
        var partnerIndex: [String: Int] = [:]
        var partnerOfCombination: [Int: Int] = [:]
        var cellIndex: [Key: Int] = [:]
        var cells: [Cell] = []
        let settings = CareSetting.allCases.count
        for row in 0..<dataset.eventCount {
            let day = dataset.eventStart[row]
            guard day >= start, day <= end else { continue }
            let person = Int(dataset.eventPerson[row])
            let practice = Int(dataset.practice[person])
            let setting = dataset.eventSetting[row]
            let provider = Int(dataset.eventProvider[row])
            let combination = (provider * practices.count + practice) * settings + Int(setting)
            let partner: Int
            if let found = partnerOfCombination[combination] {
                partner = found
            } else {
                let code = partnerOf(
                    practices[practice], CareSetting(rawValue: setting)!, dataset.providerCodes[provider])
                if let known = partnerIndex[code] {
                    partner = known
                } else {
                    partner = partners.count
                    partners.append(code)
                    partnerIndex[code] = partner
                }
                partnerOfCombination[combination] = partner
            }
            let key = Key(group: groupOfPerson[person], setting: setting, partner: partner)
            let index: Int
            if granularity == .cells, let found = cellIndex[key] {
                index = found
            } else {
                index = cells.count
                cells.append(
                    Cell(group: key.group, setting: setting, partner: partner, events: 0, costPence: 0, bedDays: 0))
                if granularity == .cells { cellIndex[key] = index }
            }
            cells[index].events += 1
            cells[index].costPence += dataset.eventCostPence[row]
            let isAdmission =
                setting == CareSetting.inpatientElective.rawValue
                || setting == CareSetting.inpatientNonElective.rawValue
            if isAdmission, dataset.eventEnd[row] != IntegratedDataset.noDate {
                cells[index].bedDays += max(0, Int(dataset.eventEnd[row] - day))
            }
        }
        self.partners = partners
        self.cells = cells
    }

    /// Total baseline cost, in pence.
    public var costPence: Int64 { cells.reduce(0) { $0 + $1.costPence } }
    /// Total baseline events.
    public var events: Int { cells.reduce(0) { $0 + $1.events } }
    /// People counted.
    public var people: Int { groups.reduce(0) { $0 + $1.people } }
}
