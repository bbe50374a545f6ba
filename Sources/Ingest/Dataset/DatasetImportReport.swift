import ConcordatCore

/// What an import of the integrated dataset found: rows accepted per file, every refused row (the
/// first ``DatasetImport/maxReportedErrors``, then a count), and the people registered outside the
/// system, who are reported rather than loaded.
public struct DatasetImportReport: Sendable {
    /// Rows that passed every check, by file name.
    public var goodRows: [String: Int] = [:]
    /// The refused rows, in file order, up to the reporting limit.
    public var errors: [IngestError] = []
    /// How many rows were refused in all (may exceed `errors.count`).
    public var errorCount = 0
    /// People whose practice is not one of the system's, by practice code.
    public var outsidePeopleByPractice: [String: Int] = [:]
    /// Diagnoses and events of people outside the system (not loaded).
    public var outsideDiagnoses = 0
    /// Events of people outside the system (not loaded).
    public var outsideEvents = 0
    /// Diagnoses and events of people whose own row was refused: not checked further, not loaded.
    public var rowsOfRefusedPeople = 0
    /// SHA-256 of the three files, in order: the same extract has the same fingerprint.
    public var fingerprint = ""
    /// The extract date the dataset was loaded with (set by the loader once the data's dates are known).
    public var extractDate: Day?
    /// The analysis period its figures describe.
    public var analysisPeriod: AnalysisPeriod?
    /// Events that started outside the analysis period: loaded and kept, not counted in its measures.
    public var eventsOutsidePeriod: EventsOutsidePeriod?
    /// Things worth a second look that do not stop the import (an extract date far from the data).
    public var warnings: [String] = []

    /// Whether the extract can be loaded.
    public var isClean: Bool { errorCount == 0 }

    /// People outside the system, in all.
    public var outsidePeople: Int { outsidePeopleByPractice.values.reduce(0, +) }

    /// A plain-text report for people: a summary, then one line per refused row.
    public func rendered(maxLines: Int = .max) -> String {
        var lines: [String] = []
        let csvFiles = DatasetImport.fileNames.filter { goodRows[$0] != nil || goodRows.isEmpty }
        for file in csvFiles + goodRows.keys.filter({ !DatasetImport.fileNames.contains($0) }).sorted() {
            lines.append("\(file): \(goodRows[file, default: 0]) good rows")
        }
        if outsidePeople > 0 {
            let practices = outsidePeopleByPractice.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
            lines.append(
                "\(outsidePeople) people are registered with practices outside this system and were not loaded, "
                    + "with their \(outsideDiagnoses) diagnoses and \(outsideEvents) events: "
                    + practices.prefix(20).joined(separator: ", ") + (practices.count > 20 ? ", …" : ""))
        }
        if let analysisPeriod {
            lines.append(
                "Analysis period \(analysisPeriod) (\(analysisPeriod.words)); population and ages at "
                    + "\(analysisPeriod.lastDay)" + (extractDate.map { "; extract date \($0)" } ?? "") + ".")
        }
        if let outside = eventsOutsidePeriod, outside.count > 0, let earliest = outside.earliest,
            let latest = outside.latest
        {
            lines.append(
                "\(outside.count) events start outside the analysis period (\(outside.before) before, \(outside.after) "
                    + "after; from \(earliest) to \(latest)): they are loaded and kept, not counted in the period's figures."
            )
        }
        for warning in warnings { lines.append("Warning: \(warning)") }
        if errorCount > 0 {
            lines.append("\(errorCount) rows refused; nothing was loaded.")
            if rowsOfRefusedPeople > 0 {
                lines.append(
                    "\(rowsOfRefusedPeople) diagnoses and events belong to refused people and were not checked further."
                )
            }
            for error in errors.prefix(maxLines) { lines.append("  \(error)") }
            if errorCount > min(errors.count, maxLines) {
                lines.append("  … and \(errorCount - min(errors.count, maxLines)) more")
            }
        }
        return lines.joined(separator: "\n")
    }
}
