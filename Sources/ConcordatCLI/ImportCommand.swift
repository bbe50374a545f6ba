import ArgumentParser
import ConcordatCore
import Foundation
import Ingest
import Partnership
import PopulationHealth
import Web

/// `concordat import`: validates an extract and loads it into the store, all or nothing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate an integrated-dataset extract and load it, all or nothing.",
        discussion: """
            DIR holds patients.csv, diagnoses.csv and events.csv. Every row is checked; if any is refused, \
            nothing is loaded, the command exits non-zero and a report names the file, line, field and \
            reason of each bad row (the first 1000, then a count). People registered with practices outside \
            the system are reported, not loaded. Importing the same extract again changes nothing. NHS \
            numbers are never stored: give --key-file to pseudonymise them on the way in. The figures describe \
            one analysis period (--period, default the twelve months ending at the data's last complete month): \
            activity counts when it starts in the period, the population is those registered and alive at its \
            end; events outside it are reported and kept, not counted.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: ArgumentHelp("The folder holding the extract.", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The provider's key, to pseudonymise NHS numbers while importing.", valueName: "file"))
    var keyFile: String?

    @Option(
        help: ArgumentHelp(
            "The extract date (YYYY-MM-DD): no date in the data may be later. Default: the day after the data's latest date; a date more than 31 days from that is warned about.",
            valueName: "date"))
    var extractDate: String?

    @Option(
        help: ArgumentHelp(
            "The analysis period, first and last month (YYYY-MM..YYYY-MM, 1 to 24 months): activity counts in it, the population is counted at its last day. Default: the twelve months ending at the data's last complete month.",
            valueName: "months"))
    var period: String?

    @Option(
        help: ArgumentHelp(
            "eFI deficit code lists (JSON: {\"deficits\": [{\"name\", \"codes\": [SNOMED CT]}]}), to add the electronic Frailty Index to the profiles.",
            valueName: "file"))
    var efiDeficits: String?

    @Option(help: ArgumentHelp("Where to write the full report.", valueName: "file"))
    var report: String = "import-report.txt"

    @Flag(help: "Validate and report only; load nothing.")
    var dryRun = false

    func validate() throws {
        if let extractDate, Day(iso: extractDate) == nil {
            throw ValidationError("--extract-date '\(extractDate)' is not a date in the form YYYY-MM-DD")
        }
        if let period {
            do { _ = try AnalysisPeriod(parsing: period) } catch { throw ValidationError("--period: \(error)") }
        }
    }

    func run() async throws {
        // The report is opened for writing before anything is read or loaded, so a report that cannot be
        // written stops the import with nothing changed, rather than after the dataset is replaced.
        let reportFile = try openReport()
        defer { try? reportFile.close() }
        let writeReport = { (report: DatasetImportReport) throws in try self.write(report, to: reportFile) }
        try await store.withStore { store in
            guard let system = try await store.loadSystem() else {
                throw ValidationError("the database holds no system: run `concordat init` first")
            }
            let pseudonymiser = try keyFile.map { try Pseudonymiser(keyFile: URL(fileURLWithPath: $0)) }
            let frailtyIndex = try efiDeficits.map { file in
                do {
                    return try ElectronicFrailtyIndex(
                        configuration: JSONDecoder().decode(
                            ElectronicFrailtyIndex.Configuration.self,
                            from: Data(contentsOf: URL(fileURLWithPath: file))))
                } catch {
                    throw ValidationError("--efi-deficits \(file) is not a usable eFI configuration: \(error)")
                }
            }
            let date = extractDate.flatMap { Day(iso: $0) }
            let analysisPeriod = try period.map { try AnalysisPeriod(parsing: $0) }
            let started = Date()
            if dryRun {
                let importer = DatasetImport(system: system, pseudonymiser: pseudonymiser, extractDate: date ?? .today)
                let (_, report) = try importer.run(directory: URL(fileURLWithPath: directory))
                try writeReport(report)
                print(report.rendered(maxLines: 20))
                print(
                    "Validated in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; nothing was loaded (--dry-run)."
                )
                if !report.isClean { throw ExitCode.failure }
                return
            }
            let bar = ProgressBar("Reading")
            defer { bar.finish() }
            let result: DatasetLoading.Result
            do {
                result = try await DatasetLoading(
                    store: store, system: system, electronicFrailtyIndex: frailtyIndex,
                    progress: { bar.update(done: $0, total: $1) }
                ).load(
                    directory: URL(fileURLWithPath: directory), pseudonymiser: pseudonymiser, extractDate: date,
                    period: analysisPeriod, source: "extract \(URL(fileURLWithPath: directory).lastPathComponent)",
                    today: .today)
            } catch let error as AnalysisPeriodError {
                throw ValidationError("\(error); nothing was loaded")
            }
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            switch result {
            case .loaded(let summary, let report):
                try writeReport(report)
                print(
                    "Loaded \(summary.people) people, \(summary.diagnoses) diagnoses and \(summary.events) events in \(seconds) s."
                )
                print(report.rendered())
            case .unchanged(_, let report):
                try writeReport(report)
                print(
                    "This extract (fingerprint \(report.fingerprint.prefix(12))…) is already loaded; nothing changed "
                        + "(the same analysis period and extract date).")
            case .refused(let report):
                try writeReport(report)
                FileHandle.standardError.write(
                    Data((report.rendered(maxLines: 20) + "\nFull report: \(self.report)\n").utf8))
                throw ExitCode.failure
            }
        }
    }

    /// Creates (or empties) the report file and keeps it open, marking the import as not yet finished.
    /// - Throws: a located error naming the path and why it cannot be written.
    private func openReport() throws -> FileHandle {
        guard FileManager.default.createFile(atPath: report, contents: Data("import not finished\n".utf8)),
            let handle = FileHandle(forWritingAtPath: report)
        else {
            let folder = URL(fileURLWithPath: report).deletingLastPathComponent().path
            let why =
                FileManager.default.fileExists(atPath: folder)
                ? "the file cannot be created or written" : "the folder \(folder) does not exist"
            throw ValidationError("--report \(report) cannot be written (\(why)); nothing was imported")
        }
        return handle
    }

    /// Replaces the report file's contents with `report`.
    private func write(_ report: DatasetImportReport, to handle: FileHandle) throws {
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data((report.rendered() + "\n").utf8))
        try handle.synchronize()
    }
}
