import ConcordatCore
import Foundation

/// What to generate: which seed, how many people (or the system's real list sizes), and the list date.
public struct SyntheticPopulationSpec: Sendable, Hashable {
    /// The seed: the same seed and system always give byte-identical files.
    public var seed: UInt64
    /// How many people; `nil` reproduces the published list sizes exactly, practice by practice,
    /// age band by band and sex by sex.
    public var people: Int?
    /// The list date the ages are taken at; the year of activity is the 365 days before it.
    public var referenceDate: Day
    /// The age/sex mix given to people whose sources have no sex or age band; `nil` leaves them out.
    public var ages: AgeSexReference?
    /// The real LSOAs people are placed in: each person of a practice whose district the geography covers
    /// lives in one of that district's LSOAs, chosen uniformly, and takes its IMD decile. `nil`, or a
    /// district it does not cover, falls back to synthetic LSOAs (the unissued `E0199xxxx` range) with a
    /// decile drawn around an approximate district mean.
    public var deprivation: DeprivationGeography?
    /// Who provides each setting's activity and the districts' mean deciles: the system's pack's, or
    /// ``SyntheticParticulars/neutral``.
    public var particulars: SyntheticParticulars

    /// The most people one generation makes: twice the largest system in England (about 5M people), so
    /// that a typing slip cannot ask for more memory and disk than any machine has.
    public static let maximumPeople = 10_000_000

    /// Makes a spec (the July 2026 list date by default).
    public init(
        seed: UInt64, people: Int? = nil, referenceDate: Day = Day(year: 2026, month: 7, day: 1)!,
        ages: AgeSexReference? = nil, deprivation: DeprivationGeography? = nil,
        particulars: SyntheticParticulars = .neutral
    ) {
        self.seed = seed
        self.people = people
        self.referenceDate = referenceDate
        self.ages = ages
        self.deprivation = deprivation
        self.particulars = particulars
    }
}

/// Counts of what a generation wrote.
public struct SyntheticSummary: Sendable, Hashable {
    /// People written to patients.csv.
    public var people = 0
    /// Rows written to diagnoses.csv.
    public var diagnoses = 0
    /// Rows written to events.csv.
    public var events = 0
    /// The total cost of all events, in pence.
    public var costPence: Int64 = 0
}

/// Generates a synthetic integrated dataset — `patients.csv`, `diagnoses.csv`, `events.csv` in the
/// formats of DESIGN.md — for a system's registered population.
///
/// People are drawn cell by cell (practice × sex × five-year band) so that list sizes match the
/// published ones exactly (or proportionally, by largest remainder, for a sample). Each person gets
/// a valid NHS number from 990 000 0000 – 999 999 9999: a range England and Wales do not issue (they use
/// 400–499 and 600–708), ending in the official 999 test range, and large enough (about 9 million valid
/// numbers) for a whole system. Each lives in a real 2021 LSOA of their practice's district, chosen uniformly
/// from the district's LSOAs (``SyntheticPopulationSpec/deprivation``), and takes its IMD 2025 decile: an
/// assumption, since a practice's list is not spread evenly over its district, but a fair one at district
/// level, as ONS builds LSOAs to hold similar populations (1,000–3,000 residents, 400–1,200 households;
/// ONS, *Census 2021 geographies*). Each also gets long-term conditions from
/// ``SyntheticCondition/catalogue`` at age- and deprivation-dependent prevalence (with a personal
/// frailty factor so conditions cluster as multimorbidity does), and a year of activity whose volume
/// and cost rise with age, conditions and deprivation. Before pseudonymisation `person_id` is the
/// NHS number.
public enum SyntheticPopulation {
    /// The files written.
    public static let fileNames = ["patients.csv", "diagnoses.csv", "events.csv"]

    /// How many people each practice × sex × band cell gets. A practice's people without a band are
    /// spread over `ages` (``AgeSexReference/spread(_:)``), or left out when `ages` is `nil`.
    public static func cellCounts(system: HealthSystem, people: Int?, ages: AgeSexReference? = nil) -> [(
        practice: String, sex: Sex, band: AgeBand, count: Int
    )] {
        var cells: [(practice: String, sex: Sex, band: AgeBand, count: Int)] = []
        for practice in system.areas(atLevel: system.levels.last!.key).sorted(by: { $0.code < $1.code }) {
            var profile = system.population(of: practice.code)
            if let ages, profile.unbanded > 0 {
                profile = ages.spread(profile.unbanded) + PopulationProfile(cells: profile.cells)
            }
            for sex in Sex.allCases {
                for band in AgeBand.all where profile[sex, band] > 0 {
                    cells.append((practice.code, sex, band, profile[sex, band]))
                }
            }
        }
        guard let people else { return cells }
        let total = cells.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        // Largest remainder: floor the quotas, then give the leftover to the largest fractions.
        var floors = cells.map { $0.count * people / total }
        let remainders = cells.enumerated().map { ($0.offset, ($0.element.count * people) % total) }
        var left = people - floors.reduce(0, +)
        for (index, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }) where left > 0 {
            floors[index] += 1
            left -= 1
        }
        return zip(cells, floors).map { ($0.0.practice, $0.0.sex, $0.0.band, $0.1) }.filter { $0.count > 0 }
    }

    /// Writes the three files into `directory` (created if needed) and returns what was written.
    /// The files appear whole or not at all: they are written to a temporary folder beside
    /// `directory` and moved into place at the end.
    public static func write(system: HealthSystem, spec: SyntheticPopulationSpec, to directory: URL) throws
        -> SyntheticSummary
    {
        let fileManager = FileManager.default
        let staging = directory.deletingLastPathComponent()
            .appendingPathComponent(
                ".\(directory.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: staging) }

        var patients = try CSVWriter(
            url: staging.appendingPathComponent("patients.csv"),
            header: [
                "person_id", "nhs_number", "birth_year", "birth_month", "sex", "lsoa", "imd_decile", "practice_code",
                "registered_from", "died_on",
            ])
        var diagnoses = try CSVWriter(
            url: staging.appendingPathComponent("diagnoses.csv"),
            header: ["person_id", "code_system", "code", "recorded_on"])
        var events = try CSVWriter(
            url: staging.appendingPathComponent("events.csv"),
            header: ["person_id", "setting", "provider_code", "start_on", "end_on", "cost_pence", "primary_code"])

        var random = SeededRandom(seed: spec.seed)
        var summary = SyntheticSummary()
        var nhsSerial = 0
        let catalogue = SyntheticCondition.catalogue
        let particulars = spec.particulars
        let reference = spec.referenceDate
        let yearStart = reference.adding(days: -365)
        var practiceIndex: [String: Int] = [:]
        var heldCodes: [String] = []

        for cell in cellCounts(system: system, people: spec.people, ages: spec.ages) {
            let practice = system.area(cell.practice)!
            let place = system.lineage(of: practice.code).first { $0.level == "place" }?.code ?? ""
            let acute = particulars.acute(place: place)
            let council = particulars.council(district: practice.district)
            let meanDecile = particulars.meanDecile(district: practice.district)
            let homes = practice.district.map { spec.deprivation?.lsoas(inDistrict: $0) ?? [] } ?? []
            let practiceNumber =
                practiceIndex[practice.code]
                ?? {
                    let next = practiceIndex.count
                    practiceIndex[practice.code] = next
                    return next
                }()
            for _ in 0..<cell.count {
                // Identity: the next valid NHS number in the test range.
                var nhs = 0
                while true {
                    let nine = 990_000_000 + nhsSerial
                    nhsSerial += 1
                    var digits: [Int] = []
                    var rest = nine
                    for _ in 0..<9 {
                        digits.insert(rest % 10, at: 0)
                        rest /= 10
                    }
                    if let check = try? NHSNumber.checkDigit(for: digits) {
                        nhs = nine * 10 + check
                        break
                    }
                }
                // Age and birth.
                // Uniform within a five-year band; in the open 95+ band, older ages are rarer.
                let age =
                    cell.band.upperAge == nil
                    ? cell.band.lowerAge + min(random.below(10), random.below(10))
                    : cell.band.lowerAge + random.below(5)
                // A birth month at random, and the year that makes the person `age` on the list date
                // (month-only birth dates count as the 15th, as `Day.age(birthYear:birthMonth:)` reads them).
                let birthMonth = 1 + random.below(12)
                let (referenceYear, _, _) = reference.components
                var birthYear = referenceYear - age
                if reference.age(birthYear: birthYear, birthMonth: birthMonth) != age { birthYear -= 1 }
                let birth = Day(year: birthYear, month: birthMonth, day: 15)!
                let decile: Int
                let lsoa: String
                if homes.isEmpty {
                    decile = min(10, max(1, Int((meanDecile + 2.2 * random.normal()).rounded())))
                    // Synthetic LSOAs use the unissued E0199xxxx range: one per practice and decile, twice over.
                    lsoa = "E01\(990_000 + practiceNumber * 20 + (decile - 1) * 2 + random.below(2))"
                } else {
                    // A real LSOA of the practice's district, uniformly: LSOAs hold similar populations.
                    let home = homes[random.below(homes.count)]
                    decile = home.imdDecile
                    lsoa = home.code
                }
                let yearsRegistered = min(age, random.below(31))
                let registered = max(birth, reference.adding(days: -(yearsRegistered * 365 + random.below(365))))
                let ageGroup = SyntheticCondition.ageGroup(age)
                let deprivation = 1.5 - 0.09 * Double(decile - 1)
                let frailty = Foundation.exp(0.6 * random.normal() - 0.18)

                // Conditions and their codes.
                heldCodes.removeAll(keepingCapacity: true)
                var conditions = 0
                for condition in catalogue {
                    let chance = condition.prevalence[ageGroup] / 100 * deprivation * frailty
                    guard random.unit() < chance else { continue }
                    conditions += 1
                    let howMany = condition.codesPerPerson.lowerBound + random.below(condition.codesPerPerson.count)
                    for _ in 0..<howMany {
                        let code = condition.codes[random.below(condition.codes.count)]
                        heldCodes.append(code)
                        let earliest = max(birth, reference.adding(days: -3650))
                        let recorded = earliest.adding(days: random.below(max(1, earliest.days(to: reference))))
                        diagnoses.int(nhs)
                        diagnoses.comma()
                        diagnoses.text("icd10")
                        diagnoses.comma()
                        diagnoses.text(code)
                        diagnoses.comma()
                        diagnoses.day(recorded)
                        try diagnoses.endRow()
                        summary.diagnoses += 1
                    }
                }

                // Death in the year: rises steeply with age and with illness.
                let baseMortality = [0.0002, 0.0006, 0.003, 0.012, 0.045, 0.16][ageGroup]
                let dies = random.unit() < baseMortality * (1 + 0.4 * Double(conditions)) * frailty
                // Death falls in the year, after registration.
                let death: Day? =
                    dies
                    ? max(registered, yearStart).adding(
                        days: random.below(max(1, max(registered, yearStart).days(to: reference)))) : nil
                let lastDay = death ?? reference.adding(days: -1)
                let activeDays = max(1, yearStart.days(to: lastDay) + 1)

                patients.int(nhs)
                patients.comma()
                patients.int(nhs)
                patients.comma()
                patients.int(birthYear)
                patients.comma()
                patients.int(birthMonth)
                patients.comma()
                patients.text(cell.sex.rawValue)
                patients.comma()
                patients.text(lsoa)
                patients.comma()
                patients.int(decile)
                patients.comma()
                patients.text(practice.code)
                patients.comma()
                patients.day(registered)
                patients.comma()
                if let death { patients.day(death) }
                try patients.endRow()
                summary.people += 1

                // A year of activity.
                let ageFactor = [0.8, 0.8, 1.0, 1.5, 2.2, 2.8][ageGroup]
                let need = ageFactor * (1 + 0.35 * Double(conditions)) * deprivation * (0.5 + 0.5 * frailty)
                let shareOfYear = Double(activeDays) / 365
                func event(_ setting: CareSetting, provider: String, days: Int = 0, cost: Int, code: String? = nil)
                    throws
                {
                    let start = yearStart.adding(days: random.below(activeDays))
                    let end = days > 0 ? min(lastDay, start.adding(days: days)) : start
                    let pence = Int(Double(cost) * (0.7 + 0.6 * random.unit()))
                    events.int(nhs)
                    events.comma()
                    events.text(setting.code)
                    events.comma()
                    events.text(provider)
                    events.comma()
                    events.day(start)
                    events.comma()
                    events.day(end)
                    events.comma()
                    events.int(pence)
                    events.comma()
                    if let code { events.text(code) }
                    try events.endRow()
                    summary.events += 1
                    summary.costPence += Int64(pence)
                }
                func primary() -> String { heldCodes.isEmpty ? "R69" : heldCodes[random.below(heldCodes.count)] }
                for _ in 0..<random.poisson(2.6 * need * shareOfYear) {
                    try event(.gp, provider: practice.code, cost: 4_200)
                }
                for _ in 0..<random.poisson(0.9 * need * shareOfYear) {
                    try event(.outpatient, provider: acute, cost: 15_000, code: primary())
                }
                for _ in 0..<random.poisson(0.22 * need * shareOfYear) {
                    try event(.ae, provider: acute, cost: 18_000)
                }
                // Emergency admissions: about 0.1 a person a year, nearer 0.3 at 75 and over (England's order of
                // magnitude), costing about £1,000 plus £250 a day.
                for _ in 0..<random.poisson(0.06 * need * shareOfYear) {
                    let stay = 1 + random.poisson(2 + 2 * Double(ageGroup))
                    try event(
                        .inpatientNonElective, provider: acute, days: stay, cost: 100_000 + 25_000 * stay,
                        code: primary())
                }
                for _ in 0..<random.poisson(0.05 * need * shareOfYear) {
                    try event(
                        .inpatientElective, provider: acute, days: random.below(3), cost: 300_000, code: primary())
                }
                for _ in 0..<random.poisson((ageGroup >= 4 ? 1.2 : 0.15) * need * shareOfYear) {
                    try event(.community, provider: particulars.community, cost: 6_000)
                }
                if heldCodes.contains(where: { $0.hasPrefix("F") }) || random.unit() < 0.01 {
                    for _ in 0..<random.poisson(3 * shareOfYear) {
                        try event(.mentalHealth, provider: particulars.mentalHealth, cost: 25_000)
                    }
                }
                if ageGroup >= 4, random.unit() < 0.03 * need {
                    for _ in 0..<max(1, activeDays / 30) {
                        try event(.adultSocialCare, provider: council, days: 29, cost: 180_000)
                    }
                }
                if conditions > 0 || age >= 50 {
                    for _ in 0..<max(1, activeDays / 91) {
                        try event(.prescribing, provider: practice.code, days: 90, cost: 3_000 * (1 + conditions))
                    }
                }
                if death != nil, random.unit() < 0.3 {
                    try event(.hospice, provider: particulars.hospice, days: 7, cost: 280_000)
                }
            }
        }
        try patients.close()
        try diagnoses.close()
        try events.close()
        try? fileManager.removeItem(at: directory)
        try fileManager.createDirectory(at: directory.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fileManager.moveItem(at: staging, to: directory)
        return summary
    }
}
