/// The linked, pseudonymised, person-level dataset of a system — registered people, their diagnoses,
/// and a year of their activity and cost in every setting — held column by column.
///
/// Every column is an array of fixed-width values (codes are numbers into a shared code table), so
/// two million people and their events cost a few hundred megabytes and a scan touches only the
/// columns it needs. Row `i` of the people columns is person `i`; diagnoses and events refer to people
/// by that index. Dates are ``Day`` numbers; "none" is `Int32.min`.
public struct IntegratedDataset: Hashable, Sendable {
    /// The marker for a missing date (alive: no date of death; no end date).
    public static let noDate = Int32.min
    /// The marker for a missing code.
    public static let noCode = UInt32.max

    // People.
    /// Each person's pseudonym, in person order.
    public var personIDs = PackedStrings()
    /// Year of birth.
    public var birthYear: [UInt16] = []
    /// Month of birth, 1–12.
    public var birthMonth: [UInt8] = []
    /// Sex: 0 female, 1 male (``Sex``).
    public var sex: [UInt8] = []
    /// Index into ``lsoaCodes``.
    public var lsoa: [UInt32] = []
    /// National IMD decile, 1 (most deprived) to 10.
    public var imdDecile: [UInt8] = []
    /// Index into ``practiceCodes``.
    public var practice: [UInt16] = []
    /// Registration start (``Day``).
    public var registeredFrom: [Int32] = []
    /// Date of death (``Day``) or ``noDate``.
    public var diedOn: [Int32] = []

    // Diagnoses.
    /// The person (row index) each diagnosis belongs to.
    public var diagnosisPerson: [UInt32] = []
    /// ``CodeSystem`` raw value.
    public var diagnosisSystem: [UInt8] = []
    /// Index into ``codes``.
    public var diagnosisCode: [UInt32] = []
    /// When it was recorded (``Day``).
    public var diagnosisRecordedOn: [Int32] = []

    // Events.
    /// The person (row index) each event belongs to.
    public var eventPerson: [UInt32] = []
    /// ``CareSetting`` raw value.
    public var eventSetting: [UInt8] = []
    /// Index into ``providerCodes``.
    public var eventProvider: [UInt32] = []
    /// Start (``Day``).
    public var eventStart: [Int32] = []
    /// End (``Day``) or ``noDate``.
    public var eventEnd: [Int32] = []
    /// Cost in pence.
    public var eventCostPence: [Int64] = []
    /// Index into ``codes`` or ``noCode``.
    public var eventPrimaryCode: [UInt32] = []

    // Code tables.
    /// LSOA codes.
    public var lsoaCodes = PackedStrings()
    /// GP practice (ODS) codes.
    public var practiceCodes = PackedStrings()
    /// Provider (ODS) codes.
    public var providerCodes = PackedStrings()
    /// Diagnosis and procedure codes (ICD-10 without the dot, or SNOMED CT identifiers).
    public var codes = PackedStrings()

    /// An empty dataset.
    public init() {}

    /// The number of people.
    public var personCount: Int { birthYear.count }
    /// The number of diagnoses.
    public var diagnosisCount: Int { diagnosisPerson.count }
    /// The number of events.
    public var eventCount: Int { eventPerson.count }

    /// How many people each practice has, by practice code.
    public func peopleByPractice() -> [String: Int] {
        var counts = [Int](repeating: 0, count: practiceCodes.count)
        for index in practice { counts[Int(index)] += 1 }
        var result: [String: Int] = [:]
        for (index, count) in counts.enumerated() where count > 0 { result[practiceCodes[index]] = count }
        return result
    }

    /// Total event cost in pence, by setting.
    public func costBySetting() -> [CareSetting: Int64] {
        var totals = [Int64](repeating: 0, count: CareSetting.allCases.count)
        for (setting, cost) in zip(eventSetting, eventCostPence) { totals[Int(setting)] += cost }
        var result: [CareSetting: Int64] = [:]
        for setting in CareSetting.allCases where totals[Int(setting.rawValue)] != 0 {
            result[setting] = totals[Int(setting.rawValue)]
        }
        return result
    }
}
