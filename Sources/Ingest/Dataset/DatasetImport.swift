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
    /// How many threads check diagnoses and events at once: the result is the same for any number.
    public var workers = CSVStream.defaultWorkers

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
private struct ImportState: RowChecks {
    let settings: DatasetImport
    var extractDate: Day { settings.extractDate }
    var isPseudonymising: Bool { settings.pseudonymiser != nil }
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
    /// The people whose `person_id` is an NHS number, held in `dataset.personIDs` only until the patients
    /// file has been read, when ``pseudonymiseNumbers()`` replaces each with its pseudonym on every core.
    var numbered: [UInt32] = []
    /// Scratch space for a code in stored form.
    var codeBuffer: [UInt8] = []

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
        func onHeader(_ header: [String]) {
            for name in required {
                if let position = header.firstIndex(of: name) {
                    columns.append(position)
                } else {
                    usable = false
                    refuse(IngestError.missingColumn(file: file, column: name))
                }
            }
        }
        guard file != "patients.csv" else {
            try stream.forEachRow(
                onHeader: onHeader, onChunk: onChunk,
                onRow: { row in
                    guard usable else { return }
                    let before = report.errorCount
                    patient(row, columns)
                    if report.errorCount == before { report.goodRows[file, default: 0] += 1 }
                })
            pseudonymiseNumbers()
            dataset.practiceCodes = PackedStrings(practiceIndex.sorted { $0.value < $1.value }.map(\.key))
            dataset.lsoaCodes = lsoas.table
            return
        }
        // Diagnoses and events are checked against the people, fixed by now, on every core: each thread
        // fills a LinkedRows of its own and they are merged in file order.
        let context = LinkContext(
            people: people, outside: outside, refusedPeople: refusedPeople, extractDate: settings.extractDate,
            isPseudonymising: settings.pseudonymiser != nil, maxReportedErrors: settings.maxReportedErrors)
        let isEvents = file == "events.csv"
        try stream.forEachRow(
            workers: settings.workers, onHeader: onHeader, onChunk: onChunk,
            part: {
                LinkedRows(
                    context: context, file: file, columns: usable ? columns : nil,
                    rawWithoutKeyReported: rawWithoutKeyReported)
            },
            onRow: { part, row in
                if isEvents { part.event(row) } else { part.diagnosis(row) }
            },
            merge: { part in merge(part) })
        dataset.codes = codes.table
        dataset.providerCodes = providers.table
    }

    /// Adds one thread's diagnoses or events, with its counts and refusals, in file order.
    private mutating func merge(_ part: consuming LinkedRows) {
        var part = part
        // A thread reports an extract of raw NHS numbers once, as the whole import does: a second report
        // (another thread's) is taken back, and its row counted as it would have been without it.
        if let raw = part.rawWithoutKeyRow, rawWithoutKeyReported {
            part.report.errorCount -= 1
            if let position = raw.errorIndex { part.report.errors.remove(at: position) }
            if raw.isOtherwiseGood { part.goodRows += 1 }
            if raw.isOtherwiseOutside {
                if part.file == "events.csv" {
                    part.report.outsideEvents += 1
                } else {
                    part.report.outsideDiagnoses += 1
                }
            }
        } else if part.rawWithoutKeyRow != nil {
            rawWithoutKeyReported = true
        }
        let local = part.report
        report.errorCount += local.errorCount
        report.errors += local.errors.prefix(max(0, settings.maxReportedErrors - report.errors.count))
        if part.goodRows > 0 { report.goodRows[part.file, default: 0] += part.goodRows }
        report.outsideDiagnoses += local.outsideDiagnoses
        report.outsideEvents += local.outsideEvents
        report.rowsOfRefusedPeople += local.rowsOfRefusedPeople
        // Codes and providers numbered by the thread, renumbered here in first-seen order.
        let codeNumbers = part.codes.table.bytes.withUnsafeBufferPointer { bytes in
            (0..<part.codes.table.count).map { code in
                let offsets = part.codes.table.offsets
                return codes.intern(UnsafeBufferPointer(rebasing: bytes[Int(offsets[code])..<Int(offsets[code + 1])]))
            }
        }
        let rows = part.dataset
        if part.file == "events.csv" {
            let providerNumbers = part.providers.table.bytes.withUnsafeBufferPointer { bytes in
                (0..<part.providers.table.count).map { provider in
                    let offsets = part.providers.table.offsets
                    return providers.intern(
                        UnsafeBufferPointer(rebasing: bytes[Int(offsets[provider])..<Int(offsets[provider + 1])]))
                }
            }
            dataset.eventPerson.append(contentsOf: rows.eventPerson)
            dataset.eventSetting.append(contentsOf: rows.eventSetting)
            dataset.eventProvider.append(contentsOf: rows.eventProvider.lazy.map { providerNumbers[Int($0)] })
            dataset.eventStart.append(contentsOf: rows.eventStart)
            dataset.eventEnd.append(contentsOf: rows.eventEnd)
            dataset.eventCostPence.append(contentsOf: rows.eventCostPence)
            dataset.eventPrimaryCode.append(
                contentsOf: rows.eventPrimaryCode.lazy.map {
                    $0 == IntegratedDataset.noCode ? $0 : codeNumbers[Int($0)]
                })
        } else {
            dataset.diagnosisPerson.append(contentsOf: rows.diagnosisPerson)
            dataset.diagnosisSystem.append(contentsOf: rows.diagnosisSystem)
            dataset.diagnosisCode.append(contentsOf: rows.diagnosisCode.lazy.map { codeNumbers[Int($0)] })
            dataset.diagnosisRecordedOn.append(contentsOf: rows.diagnosisRecordedOn)
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
        // NHS numbers are pseudonymised once the file is read (``pseudonymiseNumbers()``) and never kept;
        // pseudonyms are kept as given.
        if settings.pseudonymiser != nil, keyBytes.count == 10, (try? NHSNumber(validating: row.string(c[0]))) != nil {
            numbered.append(index)
        }
        dataset.personIDs.append(utf8: keyBytes)
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

    /// Replaces the NHS numbers among the people's IDs with their pseudonyms, a range of people per core,
    /// keeping their order. Called as soon as the patients file has been read, so no NHS number outlives
    /// the reading of the file it came in.
    private mutating func pseudonymiseNumbers() {
        guard let pseudonymiser = settings.pseudonymiser, !numbered.isEmpty else { return }
        let (ids, numbered, count) = (dataset.personIDs, numbered, dataset.personCount)
        let workers = max(1, min(settings.workers, count / 10_000))
        let pieces = sideBySide(workers) { piece in
            var column = PackedStrings()
            let people = (count * piece / workers)..<(count * (piece + 1) / workers)
            // The first numbered person in this range, found by bisection in the ascending list.
            var (next, end) = (0, numbered.count)
            while next < end {
                let middle = (next + end) / 2
                if Int(numbered[middle]) < people.lowerBound { next = middle + 1 } else { end = middle }
            }
            for person in people {
                if next < numbered.count, numbered[next] == person {
                    pseudonymiser.appendPseudonym(ofDigits: ids.bytes(at: person), to: &column)
                    next += 1
                } else {
                    column.append(utf8: ids.bytes(at: person))
                }
            }
            return column
        }
        var pseudonymised = PackedStrings()
        for piece in pieces { pseudonymised.append(contentsOf: piece) }
        dataset.personIDs = pseudonymised
        self.numbered = []
    }

    // MARK: Fields

}
