import ConcordatCore
import Crypto
import Foundation

/// Reads and validates an integrated-dataset extract — `patients.csv`, `diagnoses.csv`, `events.csv`
/// in the formats of DESIGN.md — into an ``IntegratedDataset``, all or nothing.
///
/// Every row is checked: person identifiers, NHS number check digits, dates (real, not after the
/// extract date, not before birth), sex, LSOA and practice code shapes, IMD decile, code system and code
/// shape, care setting, provider code, non-negative cost, end not before start, and that every
/// diagnosis and event belongs to a person in `patients.csv`. Refused rows are reported with file, line,
/// field and reason; any refusal means no dataset. People registered with a well-formed practice code
/// that is not one of the system's are reported and not loaded, with their diagnoses and events.
///
/// NHS numbers are never kept. An extract whose `person_id`s are NHS numbers (10 digits) is refused
/// unless a ``Pseudonymiser`` is given, which replaces them with pseudonyms as they are read.
public struct DatasetImport: Sendable {
    /// The files of an extract, in the order they are read.
    public static let fileNames = ["patients.csv", "diagnoses.csv", "events.csv"]

    /// The system whose practices people must be registered with.
    public var system: HealthSystem
    /// Pseudonymises NHS numbers on the way in; `nil` means the extract must already be pseudonymised.
    public var pseudonymiser: Pseudonymiser?
    /// The extract date: no date may be later.
    public var extractDate: Day
    /// How many refused rows are itemised in the report.
    public var maxReportedErrors = 1000
    /// Called as the extract is read: bytes read so far and in all (for a progress bar with rate and ETA).
    public var progress: (@Sendable (_ bytesRead: Int, _ bytesTotal: Int) -> Void)?
    /// Asked before each file whether to stop (a background job being cancelled).
    public var isCancelled: (@Sendable () -> Bool)?

    /// Makes an import for `system`.
    public init(system: HealthSystem, pseudonymiser: Pseudonymiser? = nil, extractDate: Day) {
        self.system = system
        self.pseudonymiser = pseudonymiser
        self.extractDate = extractDate
    }

    /// Reads the extract in `directory`: CSV files, or FHIR R4 Bulk Data NDJSON (``FHIRBulkExtract``)
    /// when the folder holds a `*Patient.ndjson`.
    /// - Returns: the dataset when every row passed (else `nil`), and the report.
    /// - Throws: ``IngestError`` only when a file cannot be read at all.
    public func run(directory: URL) throws -> (IntegratedDataset?, DatasetImportReport) {
        if FHIRBulkExtract.isBulkExtract(directory) {
            return try FHIRBulkExtract.run(directory: directory, importer: self)
        }
        return try runCSV(directory: directory)
    }

    /// Reads a CSV extract.
    func runCSV(directory: URL) throws -> (IntegratedDataset?, DatasetImportReport) {
        var state = ImportState(import: self)
        var hasher = SHA256()
        // Each file's size, read once: it sizes the columns and the progress total.
        let sizes = Self.fileNames.map { name in
            let path = directory.appendingPathComponent(name).path
            return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        let total = sizes.reduce(0, +)
        var read = 0
        for (name, size) in zip(Self.fileNames, sizes) {
            if isCancelled?() == true { throw CancellationError() }
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                state.refuse(
                    IngestError.unreadable(file: name, reason: "the extract has no \(name) in \(directory.path)"))
                continue
            }
            let stream = try CSVStream(url: url, name: name)
            state.reserve(file: name, bytes: size)
            try state.read(
                stream,
                onChunk: { chunk in
                    hasher.update(data: chunk)
                    read += chunk.count
                    progress?(read, total)
                })
        }
        state.report.fingerprint = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return (state.report.isClean ? state.dataset : nil, state.report)
    }
}

/// The work of one import: the dataset being built and the report being written.
private struct ImportState {
    let settings: DatasetImport
    var dataset = IntegratedDataset()
    var report = DatasetImportReport()
    /// person_id as written in the files → row index.
    var people = KeyedIndex<UInt32>(capacity: 1 << 16)
    /// person_id as written, for people outside the system.
    var outside = KeyedIndex<Bool>()
    /// person_id as written, for people whose row was refused.
    var refusedPeople = KeyedIndex<Bool>()
    var practiceIndex: [String: UInt16] = [:]
    let knownPractices: Set<String>
    var lsoas = BytesInterner()
    var codes = BytesInterner()
    var providers = BytesInterner()
    var rawWithoutKeyReported = false
    /// Scratch space for a code in stored form.
    var codeBuffer: [UInt8] = []
    /// The UTF-8 of each setting's code, by raw value.
    let settingCodes = CareSetting.allCases.map { Array($0.code.utf8) }

    init(import settings: DatasetImport) {
        self.settings = settings
        let leaf = settings.system.levels.last?.key ?? "practice"
        knownPractices = Set(settings.system.areas(atLevel: leaf).map(\.code))
    }

    /// Reserves column space for a file of `bytes`, from a generous estimate of its rows: untouched
    /// reserved pages cost no memory, while growing by doubling would copy and zero every column again.
    mutating func reserve(file: String, bytes: Int) {
        switch file {
        case "patients.csv":
            let rows = bytes / 50
            dataset.birthYear.reserveCapacity(rows)
            dataset.birthMonth.reserveCapacity(rows)
            dataset.sex.reserveCapacity(rows)
            dataset.lsoa.reserveCapacity(rows)
            dataset.imdDecile.reserveCapacity(rows)
            dataset.practice.reserveCapacity(rows)
            dataset.registeredFrom.reserveCapacity(rows)
            dataset.diedOn.reserveCapacity(rows)
        case "diagnoses.csv":
            let rows = bytes / 25
            dataset.diagnosisPerson.reserveCapacity(rows)
            dataset.diagnosisSystem.reserveCapacity(rows)
            dataset.diagnosisCode.reserveCapacity(rows)
            dataset.diagnosisRecordedOn.reserveCapacity(rows)
        default:
            let rows = bytes / 40
            dataset.eventPerson.reserveCapacity(rows)
            dataset.eventSetting.reserveCapacity(rows)
            dataset.eventProvider.reserveCapacity(rows)
            dataset.eventStart.reserveCapacity(rows)
            dataset.eventEnd.reserveCapacity(rows)
            dataset.eventCostPence.reserveCapacity(rows)
            dataset.eventPrimaryCode.reserveCapacity(rows)
        }
    }

    mutating func refuse(_ error: IngestError) {
        report.errorCount += 1
        if report.errors.count < settings.maxReportedErrors { report.errors.append(error) }
    }

    mutating func read(_ stream: CSVStream, onChunk: ([UInt8]) -> Void) throws {
        let file = stream.file
        let required: [String]
        switch file {
        case "patients.csv":
            required = [
                "person_id", "nhs_number", "birth_year", "birth_month", "sex", "lsoa", "imd_decile", "practice_code",
                "registered_from", "died_on",
            ]
        case "diagnoses.csv": required = ["person_id", "code_system", "code", "recorded_on"]
        default:
            required = ["person_id", "setting", "provider_code", "start_on", "end_on", "cost_pence", "primary_code"]
        }
        var columns: [Int] = []
        var usable = true
        try stream.forEachRow(
            onHeader: { header in
                for name in required {
                    if let position = header.firstIndex(of: name) {
                        columns.append(position)
                    } else {
                        usable = false
                        refuse(IngestError.missingColumn(file: file, column: name))
                    }
                }
            }, onChunk: onChunk,
            onRow: { row in
                guard usable else { return }
                let before = report.errorCount
                switch file {
                case "patients.csv": patient(row, columns)
                case "diagnoses.csv": diagnosis(row, columns)
                default: event(row, columns)
                }
                if report.errorCount == before { report.goodRows[file, default: 0] += 1 }
            })
        if file == "patients.csv" {
            dataset.practiceCodes = PackedStrings(practiceIndex.sorted { $0.value < $1.value }.map(\.key))
            dataset.lsoaCodes = lsoas.table
        } else {
            dataset.codes = codes.table
            dataset.providerCodes = providers.table
        }
    }

    // MARK: Rows

    private mutating func patient(_ row: borrowing CSVRow, _ c: [Int]) {
        let file = "patients.csv"
        func bad(_ field: String, _ reason: String) {
            refuse(.invalidValue(file: file, line: row.line, field: field, reason: reason))
        }
        let before = report.errorCount
        let keyBytes = row.bytes(c[0])
        guard personKeyIsValid(row, c[0], nhsColumn: c[1], file: file) else {
            if !keyBytes.isEmpty { refusedPeople[keyBytes] = true }
            return
        }
        let year = row.int(c[2])
        let month = row.int(c[3])
        if year == nil || !(1880...2100).contains(year!) {
            bad("birth_year", "'\(row.string(c[2]))' is not a year of birth")
        }
        if month == nil || !(1...12).contains(month!) {
            bad("birth_month", "'\(row.string(c[3]))' is not a month (1–12)")
        }
        var birth: Day?
        if let year, let month, (1880...2100).contains(year), (1...12).contains(month) {
            birth = Day(year: year, month: month, day: 1)
            if let birth, birth > settings.extractDate {
                bad("birth_year", "the birth month \(year)-\(month) is after the extract date \(settings.extractDate)")
            }
        }
        let sex: UInt8? = row.equals(c[4], "female") ? 0 : row.equals(c[4], "male") ? 1 : nil
        if sex == nil { bad("sex", "'\(row.string(c[4]))' is not female or male") }
        let lsoa = row.bytes(c[5])
        let lsoaValid =
            lsoa.count == 9 && (lsoa[0] == UInt8(ascii: "E") || lsoa[0] == UInt8(ascii: "W"))
            && lsoa[1] == UInt8(ascii: "0")
            && lsoa[2] == UInt8(ascii: "1") && lsoa[3...].allSatisfy { $0 &- 48 < 10 }
        if !lsoaValid { bad("lsoa", "'\(row.string(c[5]))' is not an LSOA code (E01 or W01 and six digits)") }
        let decile = row.int(c[6])
        if decile == nil || !(1...10).contains(decile!) {
            bad("imd_decile", "'\(row.string(c[6]))' is not a national IMD decile (1–10)")
        }
        let practice = row.string(c[7])
        let practiceShape =
            practice.utf8.count == 6 && practice.utf8.first.map { $0 >= 65 && $0 <= 90 } == true
            && practice.utf8.dropFirst().allSatisfy { $0 &- 48 < 10 }
        if !practiceShape { bad("practice_code", "'\(practice)' is not a GP practice code (a letter and five digits)") }
        let registered = date(row, c[8], field: "registered_from", required: true, file: file)
        if let registered, let birth, registered.adding(days: 31) < birth {
            bad(
                "registered_from",
                "registration on \(registered) is before birth (\(birth.components.year)-\(birth.components.month))")
        }
        let died = date(row, c[9], field: "died_on", required: false, file: file)
        if let died, let birth, died.adding(days: 31) < birth { bad("died_on", "death on \(died) is before birth") }
        if let died, let registered, died < registered {
            bad("died_on", "death on \(died) is before registration on \(registered)")
        }
        if people[keyBytes] != nil || outside[keyBytes] != nil || refusedPeople[keyBytes] != nil {
            bad("person_id", "the person appears more than once in patients.csv")
        }
        guard report.errorCount == before, let year, let month, let sex, let decile, let registered else {
            refusedPeople[keyBytes] = true
            return
        }
        if practiceShape, !knownPractices.contains(practice) {
            outside[keyBytes] = true
            report.outsidePeopleByPractice[practice, default: 0] += 1
            return
        }
        let index = UInt32(dataset.personCount)
        people[keyBytes] = index
        // NHS numbers are pseudonymised here and never kept; pseudonyms are kept as given.
        if let pseudonymiser = settings.pseudonymiser, keyBytes.count == 10,
            let number = try? NHSNumber(validating: row.string(c[0]))
        {
            dataset.personIDs.append(pseudonymiser.pseudonym(for: number))
        } else {
            dataset.personIDs.append(utf8: keyBytes)
        }
        dataset.birthYear.append(UInt16(year))
        dataset.birthMonth.append(UInt8(month))
        dataset.sex.append(sex)
        dataset.lsoa.append(lsoas.intern(lsoa))
        dataset.imdDecile.append(UInt8(decile))
        let practiceNumber =
            practiceIndex[practice]
            ?? {
                let next = UInt16(practiceIndex.count)
                practiceIndex[practice] = next
                return next
            }()
        dataset.practice.append(practiceNumber)
        dataset.registeredFrom.append(registered.daysSinceEpoch)
        dataset.diedOn.append(died?.daysSinceEpoch ?? IntegratedDataset.noDate)
    }

    private mutating func diagnosis(_ row: borrowing CSVRow, _ c: [Int]) {
        let file = "diagnoses.csv"
        let before = report.errorCount
        guard let person = linkedPerson(row, c[0], file: file) else { return }
        if case .refused = person { return }
        let system: CodeSystem? = row.equals(c[1], "icd10") ? .icd10 : row.equals(c[1], "snomed") ? .snomed : nil
        if system == nil {
            refuse(
                .invalidValue(
                    file: file, line: row.line, field: "code_system",
                    reason: "'\(row.string(c[1]))' is not icd10 or snomed"))
        }
        let code = system.map { normalise(row.bytes(c[2]), system: $0) } ?? false
        if let system, !code {
            let shape =
                system == .icd10 ? "an ICD-10 code such as I21.9 or E119" : "a SNOMED CT identifier (6–18 digits)"
            refuse(
                .invalidValue(
                    file: file, line: row.line, field: "code", reason: "'\(row.string(c[2]))' is not \(shape)"))
        }
        let recorded = date(row, c[3], field: "recorded_on", required: true, file: file)
        guard report.errorCount == before, case .member(let index) = person, let system, code, let recorded else {
            if case .outside = person, report.errorCount == before { report.outsideDiagnoses += 1 }
            return
        }
        dataset.diagnosisPerson.append(index)
        dataset.diagnosisSystem.append(system.rawValue)
        dataset.diagnosisCode.append(codeBuffer.withUnsafeBufferPointer { codes.intern($0) })
        dataset.diagnosisRecordedOn.append(recorded.daysSinceEpoch)
    }

    private mutating func event(_ row: borrowing CSVRow, _ c: [Int]) {
        let file = "events.csv"
        func bad(_ field: String, _ reason: String) {
            refuse(.invalidValue(file: file, line: row.line, field: field, reason: reason))
        }
        let before = report.errorCount
        guard let person = linkedPerson(row, c[0], file: file) else { return }
        if case .refused = person { return }
        let settingBytes = row.bytes(c[1])
        let setting = settingCodes.firstIndex { $0.elementsEqual(settingBytes) }.flatMap {
            CareSetting(rawValue: UInt8($0))
        }
        if setting == nil {
            bad(
                "setting",
                "'\(row.string(c[1]))' is not a setting (\(CareSetting.allCases.map(\.code).joined(separator: ", ")))")
        }
        let provider = row.bytes(c[2])
        let providerValid =
            (3...8).contains(provider.count) && provider.allSatisfy { ($0 >= 65 && $0 <= 90) || $0 &- 48 < 10 }
        if !providerValid {
            bad("provider_code", "'\(row.string(c[2]))' is not an organisation code (3–8 capital letters and digits)")
        }
        let start = date(row, c[3], field: "start_on", required: true, file: file)
        let end = date(row, c[4], field: "end_on", required: false, file: file)
        if let start, let end, end < start { bad("end_on", "the event ends (\(end)) before it starts (\(start))") }
        let cost = row.int(c[5])
        if cost == nil || cost! < 0 {
            bad("cost_pence", "'\(row.string(c[5]))' is not a cost in whole pence (0 or more)")
        }
        var primary = IntegratedDataset.noCode
        if !row.isEmpty(c[6]) {
            if normalise(row.bytes(c[6]), system: .icd10) || normalise(row.bytes(c[6]), system: .snomed) {
                primary = codeBuffer.withUnsafeBufferPointer { codes.intern($0) }
            } else {
                bad("primary_code", "'\(row.string(c[6]))' is neither an ICD-10 code nor a SNOMED CT identifier")
            }
        }
        guard report.errorCount == before, case .member(let index) = person, let setting, let start, let cost else {
            if case .outside = person, report.errorCount == before { report.outsideEvents += 1 }
            return
        }
        dataset.eventPerson.append(index)
        dataset.eventSetting.append(setting.rawValue)
        dataset.eventProvider.append(providers.intern(provider))
        dataset.eventStart.append(start.daysSinceEpoch)
        dataset.eventEnd.append(end?.daysSinceEpoch ?? IntegratedDataset.noDate)
        dataset.eventCostPence.append(Int64(cost))
        dataset.eventPrimaryCode.append(primary)
    }

    // MARK: Fields

    /// Whether the person identifier has the right shape (and any NHS number is valid and allowed).
    private mutating func personKeyIsValid(_ row: borrowing CSVRow, _ column: Int, nhsColumn: Int?, file: String)
        -> Bool
    {
        let raw = row.bytes(column)
        guard (1...64).contains(raw.count),
            raw.allSatisfy({
                ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 45 || $0 == 95
            })
        else {
            refuse(
                .invalidValue(
                    file: file, line: row.line, field: "person_id",
                    reason:
                        "not a person identifier: it must be 1–64 letters, digits, - or _ "
                        + "(it has \(raw.count) bytes; the value is not shown, as it may identify someone)"))
            return false
        }
        let nhs = nhsColumn.map { row.string($0) } ?? ""
        let looksLikeNHS = raw.count == 10 && raw.allSatisfy { $0 &- 48 < 10 }
        if !nhs.isEmpty || looksLikeNHS {
            let text = row.string(column)
            let candidate = nhs.isEmpty ? text : nhs
            do {
                _ = try NHSNumber(validating: candidate)
            } catch {
                refuse(
                    .invalidNHSNumber(
                        file: file, line: row.line, field: nhs.isEmpty ? "person_id" : "nhs_number", check: error))
                return false
            }
            if !nhs.isEmpty, nhs != text {
                refuse(
                    .invalidValue(
                        file: file, line: row.line, field: "nhs_number",
                        reason: "before pseudonymisation person_id must be the NHS number"))
                return false
            }
            if settings.pseudonymiser == nil, !rawWithoutKeyReported {
                rawWithoutKeyReported = true
                refuse(
                    .invalidValue(
                        file: file, line: row.line, field: nhs.isEmpty ? "person_id" : "nhs_number",
                        reason:
                            "the extract holds NHS numbers: pseudonymise it at source (`concordat pseudonymise --key-file`), or give the import the provider's --key-file"
                    ))
            }
        }
        return true
    }

    /// Whom a diagnosis or event belongs to.
    private enum Link {
        /// A person of the system, by row index.
        case member(UInt32)
        /// A person registered outside the system.
        case outside
        /// A person whose own row was refused.
        case refused
    }

    /// The person a diagnosis or event belongs to, or `nil` (and an error) when unknown or malformed.
    private mutating func linkedPerson(_ row: borrowing CSVRow, _ column: Int, file: String) -> Link? {
        let key = row.bytes(column)
        if let index = people[key] { return .member(index) }
        guard personKeyIsValid(row, column, nhsColumn: nil, file: file) else { return nil }
        if outside[key] != nil { return .outside }
        if refusedPeople[key] != nil {
            report.rowsOfRefusedPeople += 1
            return .refused
        }
        refuse(
            .invalidValue(
                file: file, line: row.line, field: "person_id",
                reason: "the person_id is not a person in patients.csv (the value is not shown)"))
        return nil
    }

    private mutating func date(_ row: borrowing CSVRow, _ column: Int, field: String, required: Bool, file: String)
        -> Day?
    {
        if row.isEmpty(column) {
            if required {
                refuse(
                    .invalidValue(file: file, line: row.line, field: field, reason: "a date is required (YYYY-MM-DD)"))
            }
            return nil
        }
        guard let day = Day(iso: row.bytes(column)) else {
            refuse(
                .invalidValue(
                    file: file, line: row.line, field: field,
                    reason: "'\(row.string(column))' is not a real date in the form YYYY-MM-DD"))
            return nil
        }
        if day > settings.extractDate {
            refuse(
                .invalidValue(
                    file: file, line: row.line, field: field,
                    reason: "\(day) is after the extract date \(settings.extractDate)"))
            return nil
        }
        return day
    }

    /// Puts a code in stored form into ``codeBuffer`` — ICD-10 upper case without the dot (`I219`), SNOMED CT
    /// digits — and says whether it has the right shape.
    private mutating func normalise(_ raw: UnsafeBufferPointer<UInt8>, system: CodeSystem) -> Bool {
        codeBuffer.removeAll(keepingCapacity: true)
        switch system {
        case .snomed:
            guard DiagnosisCodeShape.isSNOMED(raw) else { return false }
            codeBuffer.append(contentsOf: raw)
            return true
        case .icd10:
            for offset in 0..<raw.count {
                let byte = raw[offset]
                if byte == UInt8(ascii: "."), offset == 3 { continue }
                codeBuffer.append(byte >= 97 && byte <= 122 ? byte - 32 : byte)
            }
            return DiagnosisCodeShape.isICD10(codeBuffer)
        }
    }

}
