import ConcordatCore

/// The checks every file of an extract shares — person identifiers and NHS numbers, dates, codes — for
/// whatever collects the refusals: the import itself, or one thread's share of a file (``LinkedRows``).
protocol RowChecks {
    /// No date may be later.
    var extractDate: Day { get }
    /// Whether NHS numbers are being pseudonymised (a key was given).
    var isPseudonymising: Bool { get }
    /// Whether an extract of NHS numbers without a key has been reported (it is reported once).
    var rawWithoutKeyReported: Bool { get set }
    /// Scratch space for a code in stored form.
    var codeBuffer: [UInt8] { get set }
    /// Counts a refused row, itemised up to the report's limit.
    mutating func refuse(_ error: IngestError)
}

extension RowChecks {
    /// Whether the person identifier has the right shape (and any NHS number is valid and allowed).
    mutating func personKeyIsValid(_ row: borrowing CSVRow, _ column: Int, nhsColumn: Int?, file: String)
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
            if !isPseudonymising, !rawWithoutKeyReported {
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

    mutating func date(_ row: borrowing CSVRow, _ column: Int, field: String, required: Bool, file: String)
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
        if day > extractDate {
            refuse(
                .invalidValue(
                    file: file, line: row.line, field: field,
                    reason: "\(day) is after the extract date \(extractDate)"))
            return nil
        }
        return day
    }

    /// Puts a code in stored form into ``codeBuffer`` — ICD-10 upper case without the dot (`I219`), SNOMED CT
    /// digits — and says whether it has the right shape.
    mutating func normalise(_ raw: UnsafeBufferPointer<UInt8>, system: CodeSystem) -> Bool {
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

/// What diagnoses and events are checked against: the people of patients.csv, fixed once it is read.
struct LinkContext: @unchecked Sendable {
    // Unchecked: immutable values (copy-on-write dictionaries) only read by the parsing threads.
    /// person_id as written → row index.
    let people: KeyedIndex<UInt32>
    /// person_id as written, for people outside the system.
    let outside: KeyedIndex<Bool>
    /// person_id as written, for people whose row was refused.
    let refusedPeople: KeyedIndex<Bool>
    /// No date may be later.
    let extractDate: Day
    /// Whether NHS numbers are being pseudonymised.
    let isPseudonymising: Bool
    /// How many refused rows are itemised.
    let maxReportedErrors: Int

    /// The UTF-8 of each setting's code, by raw value.
    static let settingCodes = CareSetting.allCases.map { Array($0.code.utf8) }
}

/// One thread's share of diagnoses.csv or events.csv: the rows checked and converted, numbered locally
/// (codes and providers in first-seen order), with the report of its refusals and counts, to be merged
/// in file order into the import.
struct LinkedRows: RowChecks, @unchecked Sendable {
    // Unchecked: filled by one thread, then handed whole to the merge.
    let context: LinkContext
    /// The file, as named in errors.
    let file: String
    /// The required columns' positions, or `nil` when one is missing (rows are then not read).
    let columns: [Int]?
    /// The refusals and counts of these rows only (good rows are counted in ``goodRows``).
    var report = DatasetImportReport()
    /// How many of these rows passed every check.
    var goodRows = 0
    /// The rows' columns (only the file's own are used), with codes and providers numbered locally.
    var dataset = IntegratedDataset()
    var codes = BytesInterner()
    var providers = BytesInterner()
    var rawWithoutKeyReported: Bool
    var codeBuffer: [UInt8] = []
    /// The row on which these rows reported an extract of raw NHS numbers, if they did.
    var rawWithoutKeyRow: RawKeyRow?

    /// The row that reported raw NHS numbers: where its error is and how the row would count without it
    /// (the merge takes the report back when an earlier share already made it).
    struct RawKeyRow {
        /// Its position in ``report``'s itemised errors, if it was itemised.
        var errorIndex: Int?
        /// Whether the row had no other error.
        var isOtherwiseGood: Bool
        /// Whether it is otherwise a good row of a person outside the system.
        var isOtherwiseOutside: Bool
    }

    var extractDate: Day { context.extractDate }
    var isPseudonymising: Bool { context.isPseudonymising }

    init(context: LinkContext, file: String, columns: [Int]?, rawWithoutKeyReported: Bool) {
        self.context = context
        self.file = file
        self.columns = columns
        self.rawWithoutKeyReported = rawWithoutKeyReported
    }

    mutating func refuse(_ error: IngestError) {
        report.errorCount += 1
        if report.errors.count < context.maxReportedErrors { report.errors.append(error) }
    }

    /// Checks and converts a row of diagnoses.csv.
    mutating func diagnosis(_ row: borrowing CSVRow) {
        guard let c = columns else { return }
        let start = mark()
        count(since: start, link: checkDiagnosis(row, c))
    }

    /// Checks and converts a row of events.csv.
    mutating func event(_ row: borrowing CSVRow) {
        guard let c = columns else { return }
        let start = mark()
        count(since: start, link: checkEvent(row, c))
    }

    /// Where the report stands before a row: refusals, itemised refusals, and the raw-NHS-number flag.
    private func mark() -> (errors: Int, itemised: Int, rawReported: Bool) {
        (report.errorCount, report.errors.count, rawWithoutKeyReported)
    }

    /// Counts the row just checked if it was good, and notes a report of raw NHS numbers it made.
    private mutating func count(since start: (errors: Int, itemised: Int, rawReported: Bool), link: Link?) {
        if report.errorCount == start.errors { goodRows += 1 }
        if !start.rawReported, rawWithoutKeyReported {
            let clean = report.errorCount - start.errors == 1
            rawWithoutKeyRow = RawKeyRow(
                errorIndex: start.itemised < report.errors.count ? start.itemised : nil, isOtherwiseGood: clean,
                isOtherwiseOutside: clean && link == .outside)
        }
    }

    private mutating func checkDiagnosis(_ row: borrowing CSVRow, _ c: [Int]) -> Link? {
        let before = report.errorCount
        guard let person = linkedPerson(row, c[0]) else { return nil }
        if case .refused = person { return person }
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
            return person
        }
        dataset.diagnosisPerson.append(index)
        dataset.diagnosisSystem.append(system.rawValue)
        dataset.diagnosisCode.append(codeBuffer.withUnsafeBufferPointer { codes.intern($0) })
        dataset.diagnosisRecordedOn.append(recorded.daysSinceEpoch)
        return person
    }

    private mutating func checkEvent(_ row: borrowing CSVRow, _ c: [Int]) -> Link? {
        func bad(_ field: String, _ reason: String) {
            refuse(.invalidValue(file: file, line: row.line, field: field, reason: reason))
        }
        let before = report.errorCount
        guard let person = linkedPerson(row, c[0]) else { return nil }
        if case .refused = person { return person }
        let settingBytes = row.bytes(c[1])
        let setting = LinkContext.settingCodes.firstIndex { $0.elementsEqual(settingBytes) }.flatMap {
            CareSetting(rawValue: UInt8($0))
        }
        if setting == nil {
            bad(
                "setting",
                "'\(row.string(c[1]))' is not a setting (\(CareSetting.allCases.map(\.code).joined(separator: ", ")))")
        }
        let provider = row.bytes(c[2])
        if !OrganisationCode.isValid(bytes: provider) {
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
            return person
        }
        dataset.eventPerson.append(index)
        dataset.eventSetting.append(setting.rawValue)
        dataset.eventProvider.append(providers.intern(provider))
        dataset.eventStart.append(start.daysSinceEpoch)
        dataset.eventEnd.append(end?.daysSinceEpoch ?? IntegratedDataset.noDate)
        dataset.eventCostPence.append(Int64(cost))
        dataset.eventPrimaryCode.append(primary)
        return person
    }

    /// Whom a diagnosis or event belongs to.
    enum Link: Equatable {
        /// A person of the system, by row index.
        case member(UInt32)
        /// A person registered outside the system.
        case outside
        /// A person whose own row was refused.
        case refused
    }

    /// The person a diagnosis or event belongs to, or `nil` (and an error) when unknown or malformed.
    private mutating func linkedPerson(_ row: borrowing CSVRow, _ column: Int) -> Link? {
        let key = row.bytes(column)
        if let index = context.people[key] { return .member(index) }
        guard personKeyIsValid(row, column, nhsColumn: nil, file: file) else { return nil }
        if context.outside[key] != nil { return .outside }
        if context.refusedPeople[key] != nil {
            report.rowsOfRefusedPeople += 1
            return .refused
        }
        refuse(
            .invalidValue(
                file: file, line: row.line, field: "person_id",
                reason: "the person_id is not a person in patients.csv (the value is not shown)"))
        return nil
    }

}
