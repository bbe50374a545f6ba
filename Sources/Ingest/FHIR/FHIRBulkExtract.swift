import ConcordatCore
import Foundation

/// Reads an integrated-dataset extract delivered as FHIR R4 Bulk Data NDJSON (HL7 FHIR Bulk Data Access
/// IG v2: one resource per line, one file or more per resource type) — `Patient`, `Condition` and
/// `Encounter` — by turning each line into the matching row of `patients.csv`, `diagnoses.csv` or
/// `events.csv`, so it passes the very same validation as a CSV extract. Errors are reported against
/// the NDJSON file and line, naming the FHIR element.
///
/// Mapping: Patient.id (or its NHS number identifier) → person_id; birthDate → birth year and month;
/// gender → sex; generalPractitioner's ODS code → practice; deceasedDateTime → died_on; LSOA, IMD decile
/// and registration period from the extensions in ``FHIR/ExtensionURL``. Condition.subject → person;
/// code.coding (ICD-10 or SNOMED CT) → code; recordedDate (or onsetDateTime) → recorded_on.
/// Encounter.subject → person; the care-setting extension, else class (EMER → A&E; IMP with emergency
/// priority → emergency admission, otherwise elective; AMB → outpatient; HH → community; VR → GP) →
/// setting; serviceProvider → provider; period → start and end; the cost extension → cost_pence;
/// reasonCode → primary_code.
public enum FHIRBulkExtract {
    /// The resource types read, with the CSV each becomes.
    static let resources = [("Patient", "patients.csv"), ("Condition", "diagnoses.csv"), ("Encounter", "events.csv")]

    /// Whether `directory` holds a FHIR bulk extract (any `*Patient.ndjson`).
    public static func isBulkExtract(_ directory: URL) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).contains {
            $0.hasSuffix("Patient.ndjson")
        }
    }

    /// Imports the NDJSON in `directory` with `importer`, all or nothing, as ``DatasetImport/run(directory:)`` does.
    public static func run(directory: URL, importer: DatasetImport) throws -> (IntegratedDataset?, DatasetImportReport)
    {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent(
            "concordat-fhir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        var origins: [String: [(file: String, lines: Int)]] = [:]
        var conversionErrors: [String: [Int: IngestError]] = [:]
        for (type, csv) in resources {
            let files = names.filter { $0.hasSuffix("\(type).ndjson") }
            var writer = try CSVWriter(
                url: staging.appendingPathComponent(csv), header: header(for: type), purpose: .interchange)
            var row = 1
            for file in files {
                var count = 0
                try forEachLine(of: directory.appendingPathComponent(file)) { line, text in
                    row += 1
                    count += 1
                    do {
                        try convert(type: type, json: text, into: &writer)
                    } catch let error as ConversionError {
                        conversionErrors[csv, default: [:]][row] = .invalidValue(
                            file: file, line: line, field: "resource", reason: error.reason)
                        try writeEmptyRow(type: type, into: &writer)
                    }
                }
                origins[csv, default: []].append((file, count))
            }
            try writer.close()
        }
        var (dataset, report) = try importer.runCSV(directory: staging)
        // Report against the NDJSON: file, line and FHIR element.
        var translated: [IngestError] = []
        for error in report.errors {
            guard let line = error.line, let sources = origins[error.file] else {
                translated.append(error)
                continue
            }
            if let conversion = conversionErrors[error.file]?[line] {
                if !translated.contains(conversion) { translated.append(conversion) }
                continue
            }
            var remaining = line - 1
            var place = (file: error.file, line: line)
            for source in sources {
                if remaining <= source.lines {
                    place = (source.file, remaining)
                    break
                }
                remaining -= source.lines
            }
            translated.append(error.relocated(file: place.file, line: place.line, field: element(for: error.field)))
        }
        report.errors = translated
        var good: [String: Int] = [:]
        for (type, csv) in resources { good["\(type) resources"] = report.goodRows[csv] }
        report.goodRows = good
        if !report.isClean { dataset = nil }
        return (dataset, report)
    }

    private struct ConversionError: Error { var reason: String }

    private static func header(for type: String) -> [String] {
        switch type {
        case "Patient":
            [
                "person_id", "nhs_number", "birth_year", "birth_month", "sex", "lsoa", "imd_decile", "practice_code",
                "registered_from", "died_on",
            ]
        case "Condition": ["person_id", "code_system", "code", "recorded_on"]
        default: ["person_id", "setting", "provider_code", "start_on", "end_on", "cost_pence", "primary_code"]
        }
    }

    /// The FHIR element a CSV column comes from, for error messages.
    private static func element(for field: String?) -> String? {
        guard let field else { return nil }
        let map = [
            "person_id": "id / subject", "nhs_number": "identifier (NHS number)", "birth_year": "birthDate",
            "birth_month": "birthDate", "sex": "gender", "lsoa": "extension (lsoa)",
            "imd_decile": "extension (imd-decile)",
            "practice_code": "generalPractitioner", "registered_from": "extension (registration-period)",
            "died_on": "deceasedDateTime", "code_system": "code.coding.system", "code": "code.coding.code",
            "recorded_on": "recordedDate", "setting": "class / extension (care-setting)",
            "provider_code": "serviceProvider",
            "start_on": "period.start", "end_on": "period.end", "cost_pence": "extension (cost-pence)",
            "primary_code": "reasonCode",
        ]
        return map[field].map { "\($0) (\(field))" } ?? field
    }

    private static func forEachLine(of url: URL, _ body: (Int, Data) throws -> Void) throws {
        let data: Data
        do { data = try Data(contentsOf: url, options: .mappedIfSafe) } catch {
            throw IngestError.unreadable(
                file: url.lastPathComponent, reason: "cannot read the file (\(error.localizedDescription))")
        }
        var line = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            line += 1
            let text = data[start..<end]
            if !text.allSatisfy({ $0 == 32 || $0 == 13 || $0 == 9 }) { try body(line, Data(text)) }
            start = end == data.endIndex ? end : data.index(after: end)
        }
    }

    private static let decoder = JSONDecoder()

    private static func decode<T: Decodable>(_ type: T.Type, _ json: Data, expecting resourceType: String) throws -> T {
        let value: T
        do { value = try decoder.decode(T.self, from: json) } catch {
            throw ConversionError(reason: "not a FHIR \(resourceType) resource in JSON (\(error))")
        }
        return value
    }

    private static func convert(type: String, json: Data, into writer: inout CSVWriter) throws {
        switch type {
        case "Patient":
            let patient = try decode(FHIR.Patient.self, json, expecting: type)
            guard patient.resourceType == "Patient" else {
                throw ConversionError(reason: "resourceType is \(patient.resourceType), not Patient")
            }
            let nhs = patient.identifier?.first { $0.system == FHIR.nhsNumberSystem }?.value ?? ""
            let birth = (patient.birthDate ?? "").split(separator: "-")
            let extensions = patient.extension ?? []
            let practice =
                patient.generalPractitioner?.first?.identifier?.value ?? patient.generalPractitioner?.first?.target
                ?? ""
            let fields = [
                nhs.isEmpty ? (patient.id ?? "") : nhs, nhs, birth.first.map(String.init) ?? "",
                birth.count > 1 ? String(Int(birth[1]) ?? 0) : "", patient.gender ?? "",
                extensions.first(FHIR.ExtensionURL.lsoa)?.valueString ?? "",
                extensions.first(FHIR.ExtensionURL.imdDecile)?.valueInteger.map(String.init) ?? "", practice,
                extensions.first(FHIR.ExtensionURL.registrationPeriod)?.valuePeriod?.start?.fhirDay ?? "",
                patient.deceasedDateTime?.fhirDay ?? "",
            ]
            try write(fields, into: &writer)
        case "Condition":
            let condition = try decode(FHIR.Condition.self, json, expecting: type)
            guard condition.resourceType == "Condition" else {
                throw ConversionError(reason: "resourceType is \(condition.resourceType), not Condition")
            }
            let coding =
                condition.code?.coding?.first {
                    ($0.system ?? "").contains("icd-10") || $0.system == "http://snomed.info/sct"
                }
                ?? condition.code?.coding?.first
            let system: String
            switch coding?.system {
            case let value? where value.contains("icd-10"): system = "icd10"
            case "http://snomed.info/sct": system = "snomed"
            default: system = coding?.system ?? ""
            }
            try write(
                [
                    condition.subject?.target ?? "", system, coding?.code ?? "",
                    (condition.recordedDate ?? condition.onsetDateTime ?? "").fhirDay,
                ],
                into: &writer)
        default:
            let encounter = try decode(FHIR.Encounter.self, json, expecting: type)
            guard encounter.resourceType == "Encounter" else {
                throw ConversionError(reason: "resourceType is \(encounter.resourceType), not Encounter")
            }
            let extensions = encounter.extension ?? []
            let setting = extensions.first(FHIR.ExtensionURL.careSetting)?.valueCode ?? setting(for: encounter)
            try write(
                [
                    encounter.subject?.target ?? "", setting,
                    encounter.serviceProvider?.identifier?.value ?? encounter.serviceProvider?.target ?? "",
                    encounter.period?.start?.fhirDay ?? "", encounter.period?.end?.fhirDay ?? "",
                    extensions.first(FHIR.ExtensionURL.costPence)?.valueInteger.map(String.init) ?? "",
                    encounter.reasonCode?.first?.coding?.first?.code ?? "",
                ], into: &writer)
        }
    }

    /// The care setting implied by an encounter's class (HL7 v3 ActEncounterCode) and priority.
    private static func setting(for encounter: FHIR.Encounter) -> String {
        switch encounter.class?.code {
        case "EMER": return CareSetting.ae.code
        case "IMP", "ACUTE", "NONAC":
            let emergency = encounter.priority?.coding?.contains { $0.code == "EM" } ?? false
            return (emergency ? CareSetting.inpatientNonElective : .inpatientElective).code
        case "AMB": return CareSetting.outpatient.code
        case "HH": return CareSetting.community.code
        case "VR": return CareSetting.gp.code
        case let other?: return other
        case nil: return ""
        }
    }

    private static func write(_ fields: [String], into writer: inout CSVWriter) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { writer.comma() }
            writer.text(field)
        }
        try writer.endRow()
    }

    private static func writeEmptyRow(type: String, into writer: inout CSVWriter) throws {
        try write(Array(repeating: "", count: header(for: type).count), into: &writer)
    }
}
