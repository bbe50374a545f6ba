import ConcordatCore

/// The cells the model projects: the baseline's cells merged wherever everything the model applies to them
/// is the same — setting, place, budget holder, the demographic growth rule of their age band (bands no
/// rule names, or named by the same rule, grow alike in every run) and whether they are aged 75 or over
/// (for the indicators), the changes acting on them, and the ring-fences their shifted activity would
/// break — with their events, cost and bed days summed as integers, laid out as columns (structure of
/// arrays) for the run's inner loop.
///
/// Built from integer sums and put in a canonical order (sorted by key), so the same people and events give
/// the same cells whether the baseline was aggregated into ``BaselineCells/Granularity/cells`` or left as
/// ``BaselineCells/Granularity/rows``: the projection, and every Monte Carlo run with the same seed, is then
/// identical on both, to the penny (tested in `ScenariosTests`).
struct ProjectionCells: Sendable, Hashable {
    /// How many cells.
    var count: Int
    /// Baseline events.
    var events: [Double]
    /// Baseline cost, pence.
    var costPence: [Int64]
    /// Baseline cost per event, pence.
    var costPerEvent: [Double]
    /// Baseline bed days per event.
    var bedDaysPerEvent: [Double]
    /// The demographic growth class: 0 for bands no rule names, else 1 + the rule's index.
    var growthClass: [Int]
    /// Index into the year's growth table: growth class × settings + setting.
    var growthSlot: [Int]
    /// Index into the year's money table: (setting × places + place) × partners + partner.
    var moneySlot: [Int]
    /// The setting's raw value.
    var setting: [Int]
    /// The place (index into the baseline's places).
    var place: [Int]
    /// The budget holder (index into the model's partners).
    var partner: [Int]
    /// Whether its people are aged 75 or over.
    var aged75Plus: [Bool]
    /// The changes acting on it (bit `c` for change `c`).
    var changes: [UInt64]
    /// Its ring-fence signature (index into ``breachOfSignature``).
    var signature: [Int]
    /// For each signature and change: the ring-fenced pool the change's shifted activity breaks, or −1.
    var breachOfSignature: [[Int]]
    /// How many growth classes (rows of the growth table).
    var growthClasses: Int
    /// People counted, by age band.
    var peopleByBand: [Int]

    /// What cells are merged by.
    private struct Key: Hashable, Comparable {
        var setting: Int
        var place: Int
        var partner: Int
        /// Growth class × 2, + 1 for people aged 75 or over.
        var bands: Int
        var changes: UInt64
        var signature: Int

        var growthClass: Int { bands / 2 }
        var aged75Plus: Bool { bands % 2 == 1 }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.setting, lhs.place, lhs.partner, lhs.bands, lhs.changes, lhs.signature)
                < (rhs.setting, rhs.place, rhs.partner, rhs.bands, rhs.changes, rhs.signature)
        }
    }

    /// The sums of one cell.
    private struct Sums {
        var events = 0
        var costPence: Int64 = 0
        var bedDays = 0
    }

    /// Merges `baseline`'s cells.
    /// - Parameters:
    ///   - changesOfSetting: for each setting, the changes aimed at it.
    ///   - shiftBreach: for each change and practice, the ring-fenced pool its shifted activity breaks.
    ///   - partners: how many partners the model has (the baseline's and any others).
    ///   - demographicRuleOfBand: for each age band, the demographic growth rule that sets it.
    init(
        baseline: BaselineCells, changesOfSetting: [UInt64], shiftBreach: [[Int?]], partners: Int,
        demographicRuleOfBand: [Int?]
    ) {
        let settings = CareSetting.allCases.count
        let places = baseline.places.count
        // A practice's signature: the pool each change's shift breaks there, interned.
        var signatureIndex: [[Int]: Int] = [:]
        var breachOfSignature: [[Int]] = []
        let signatureOfPractice = baseline.practices.indices.map { practice in
            let breaches = shiftBreach.map { byPractice in
                byPractice.isEmpty ? -1 : byPractice[practice] ?? -1
            }
            if let known = signatureIndex[breaches] { return known }
            breachOfSignature.append(breaches)
            signatureIndex[breaches] = breachOfSignature.count - 1
            return breachOfSignature.count - 1
        }
        var sums: [Key: Sums] = [:]
        for cell in baseline.cells {
            let group = baseline.groups[cell.group]
            let setting = Int(cell.setting)
            let changes = group.targets & changesOfSetting[setting]
            let key = Key(
                setting: setting, place: baseline.placeOfPractice[group.practice], partner: cell.partner,
                bands: (demographicRuleOfBand[group.ageBand].map { $0 + 1 } ?? 0) * 2
                    + (group.ageBand >= Self.firstBandAged75 ? 1 : 0), changes: changes,
                signature: changes == 0 ? 0 : signatureOfPractice[group.practice])
            sums[key, default: Sums()].events += cell.events
            sums[key, default: Sums()].costPence += cell.costPence
            sums[key, default: Sums()].bedDays += cell.bedDays
        }
        let keys = sums.keys.sorted()
        count = keys.count
        events = keys.map { Double(sums[$0]!.events) }
        costPence = keys.map { sums[$0]!.costPence }
        costPerEvent = keys.map { key in
            let sum = sums[key]!
            return sum.events > 0 ? Double(sum.costPence) / Double(sum.events) : 0
        }
        bedDaysPerEvent = keys.map { key in
            let sum = sums[key]!
            return sum.events > 0 ? Double(sum.bedDays) / Double(sum.events) : 0
        }
        growthClass = keys.map(\.growthClass)
        growthSlot = keys.map { $0.growthClass * settings + $0.setting }
        moneySlot = keys.map { ($0.setting * places + $0.place) * partners + $0.partner }
        setting = keys.map(\.setting)
        place = keys.map(\.place)
        partner = keys.map(\.partner)
        aged75Plus = keys.map(\.aged75Plus)
        growthClasses = 1 + (demographicRuleOfBand.compactMap { $0 }.max().map { $0 + 1 } ?? 0)
        changes = keys.map(\.changes)
        signature = keys.map(\.signature)
        self.breachOfSignature = breachOfSignature.isEmpty ? [[]] : breachOfSignature
        var peopleByBand = [Int](repeating: 0, count: AgeBand.count)
        for group in baseline.groups { peopleByBand[group.ageBand] += group.people }
        self.peopleByBand = peopleByBand
    }

    /// The index of the age band 75–79, the first of people aged 75 or over.
    static let firstBandAged75 = 15
}
