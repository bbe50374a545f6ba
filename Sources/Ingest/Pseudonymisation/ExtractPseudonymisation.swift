import ConcordatCore
import Foundation

/// Pseudonymises an extract at source: in every CSV file with a `person_id` column, each NHS number
/// (in `nhs_number`, or in `person_id` where the file has no `nhs_number`) is checked and replaced by its
/// ``Pseudonymiser`` pseudonym in `person_id`, and `nhs_number` is emptied. All other fields pass
/// through unchanged.
///
/// All or nothing: output files are written beside their destination and moved into place only when
/// every row of every file was valid; otherwise nothing is written and the errors are returned.
public enum ExtractPseudonymisation {
    /// The outcome: rows written per file, and refused rows (the first 1000) with their total.
    public struct Outcome: Sendable {
        /// Rows written, by file name.
        public var rows: [String: Int] = [:]
        /// Refused rows, up to 1000.
        public var errors: [IngestError] = []
        /// How many rows were refused in all.
        public var errorCount = 0
    }

    /// Pseudonymises `input` (a CSV file, or a folder whose `.csv` files are all processed) into `output`
    /// (a file or folder to match).
    public static func run(input: URL, output: URL, pseudonymiser: Pseudonymiser) throws -> Outcome {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: input.path, isDirectory: &isFolder) else {
            throw IngestError.unreadable(file: input.path, reason: "no such file or folder")
        }
        let pairs: [(URL, URL)]
        if isFolder.boolValue {
            let names = try fileManager.contentsOfDirectory(atPath: input.path).filter { $0.hasSuffix(".csv") }.sorted()
            guard !names.isEmpty else {
                throw IngestError.unreadable(file: input.path, reason: "the folder has no .csv files")
            }
            try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
            pairs = names.map { (input.appendingPathComponent($0), output.appendingPathComponent($0)) }
        } else {
            pairs = [(input, output)]
        }
        var outcome = Outcome()
        var staged: [(URL, URL)] = []
        defer { for (temporary, _) in staged { try? fileManager.removeItem(at: temporary) } }
        for (source, destination) in pairs {
            let temporary = destination.deletingLastPathComponent()
                .appendingPathComponent(
                    ".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
            staged.append((temporary, destination))
            try pseudonymise(source, into: temporary, with: pseudonymiser, outcome: &outcome)
        }
        guard outcome.errorCount == 0 else { return outcome }
        for (temporary, destination) in staged {
            try? fileManager.removeItem(at: destination)
            try fileManager.moveItem(at: temporary, to: destination)
        }
        staged.removeAll()
        return outcome
    }

    private static func pseudonymise(
        _ source: URL, into destination: URL, with pseudonymiser: Pseudonymiser, outcome: inout Outcome
    ) throws {
        let file = source.lastPathComponent
        let stream = try CSVStream(url: source)
        var writer: CSVWriter?
        var personColumn: Int?
        var nhsColumn: Int?
        var cache: [String: String] = [:]
        func refuse(_ error: IngestError) {
            outcome.errorCount += 1
            if outcome.errors.count < 1000 { outcome.errors.append(error) }
        }
        try stream.forEachRow(
            onHeader: { header in
                personColumn = header.firstIndex(of: "person_id")
                nhsColumn = header.firstIndex(of: "nhs_number")
                if personColumn == nil { refuse(.missingColumn(file: file, column: "person_id")) }
                writer = try CSVWriter(url: destination, header: header, purpose: .interchange)
            },
            onRow: { row in
                guard let personColumn else { return }
                let field = nhsColumn.flatMap { row.isEmpty($0) ? nil : $0 } ?? personColumn
                let raw = row.string(field)
                let pseudonym: String
                if let known = cache[raw] {
                    pseudonym = known
                } else {
                    do throws(NHSNumber.Problem) {
                        pseudonym = pseudonymiser.pseudonym(for: try NHSNumber(validating: raw))
                    } catch {
                        refuse(
                            .invalidNHSNumber(
                                file: file, line: row.line, field: field == personColumn ? "person_id" : "nhs_number",
                                check: error))
                        return
                    }
                    cache[raw] = pseudonym
                }
                // Before pseudonymisation person_id is the NHS number: the two must name the same person.
                if field != personColumn, row.string(personColumn) != raw {
                    refuse(
                        .invalidValue(
                            file: file, line: row.line, field: "person_id", reason: "person_id differs from nhs_number")
                    )
                    return
                }
                guard outcome.errorCount == 0 else { return }
                for index in 0..<row.count {
                    if index > 0 { writer!.comma() }
                    if index == personColumn {
                        writer!.text(pseudonym)
                    } else if index != nhsColumn {
                        writer!.text(row.string(index))
                    }
                }
                try writer!.endRow()
                outcome.rows[file, default: 0] += 1
            })
        try writer?.close()
    }
}
