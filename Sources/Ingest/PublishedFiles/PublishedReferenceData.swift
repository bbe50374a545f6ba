import Foundation

/// The four published NHS files a system's hierarchy is built from (Kent & Medway's are shipped), parsed
/// but not yet interpreted.
///
/// | file | publication |
/// |---|---|
/// | `practice-pcn-map-2026-07.csv` | NHS Digital, Patients Registered at a GP Practice, July 2026 (mapping) |
/// | `registered-patients-by-age-sex-2026-07.csv` | the same publication, 5-year age bands |
/// | `weighted-population-2025-26.csv` | NHS England 2025/26 practice-level weighted populations |
/// | `gp-payments-2022-23.csv` | NHS Digital, NHS Payments to General Practice 2022/23 |
///
/// Contains public sector information licensed under the Open Government Licence v3.0.
public struct PublishedReferenceData: Sendable {
    /// Practice → PCN → sub-ICB → ICB.
    public var practiceMap: CSVTable
    /// Registered patients by practice, sex and five-year age band.
    public var registeredPatients: CSVTable
    /// Needs-weighted populations per practice, with each practice's district.
    public var weightedPopulation: CSVTable
    /// Payments to general practice, with registered and weighted lists.
    public var payments: CSVTable

    /// The file names, as shipped in the project's data folder.
    public enum FileName {
        /// The practice to PCN mapping.
        public static let practiceMap = "practice-pcn-map-2026-07.csv"
        /// The registered patients by age and sex.
        public static let registeredPatients = "registered-patients-by-age-sex-2026-07.csv"
        /// The weighted populations.
        public static let weightedPopulation = "weighted-population-2025-26.csv"
        /// The payments to general practice.
        public static let payments = "gp-payments-2022-23.csv"
    }

    /// The publication each file was cut from.
    public static let publications: [String: String] = [
        FileName.practiceMap: "NHS Digital, Patients Registered at a GP Practice, July 2026 (practice to PCN mapping)",
        FileName.registeredPatients: "NHS Digital, Patients Registered at a GP Practice, July 2026 (5-year age groups)",
        FileName.weightedPopulation: "NHS England, 2025/26 allocations: practice-level weighted populations",
        FileName.payments: "NHS Digital, NHS Payments to General Practice, England 2022/23",
    ]

    /// Wraps already-parsed tables.
    public init(practiceMap: CSVTable, registeredPatients: CSVTable, weightedPopulation: CSVTable, payments: CSVTable) {
        self.practiceMap = practiceMap
        self.registeredPatients = registeredPatients
        self.weightedPopulation = weightedPopulation
        self.payments = payments
    }

    /// Reads the four files from a folder.
    /// - Throws: ``IngestError`` naming the file that is missing or malformed.
    public init(directory: URL) throws {
        func table(_ name: String) throws -> CSVTable {
            let url = directory.appendingPathComponent(name)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw IngestError.unreadable(
                    file: url.path, reason: "cannot read the file (\(error.localizedDescription))")
            }
            return try CSVTable(parsing: data, file: name)
        }
        self.init(
            practiceMap: try table(FileName.practiceMap),
            registeredPatients: try table(FileName.registeredPatients),
            weightedPopulation: try table(FileName.weightedPopulation),
            payments: try table(FileName.payments))
    }

    /// A folder of published files shipped inside the project (`kent-medway`), or `nil` if none has that name.
    public static func bundledDirectory(_ name: String) -> URL? {
        let url = Bundle.module.resourceURL!.appendingPathComponent(name)
        return FileManager.default.fileExists(atPath: url.appendingPathComponent(FileName.practiceMap).path) ? url : nil
    }

    /// The folders of published files shipped inside the project, by name.
    public static var bundledDirectories: [URL] {
        let root = Bundle.module.resourceURL!
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().compactMap(bundledDirectory)
    }

    /// The published files shipped inside the project under `name` (a pack's `"data": "bundled:NAME"`).
    /// - Throws: ``IngestError`` when none is shipped under that name or a file cannot be read.
    public static func bundled(_ name: String) throws -> PublishedReferenceData {
        guard let directory = bundledDirectory(name) else {
            throw IngestError.unreadable(file: name, reason: "no published data of that name is shipped with Concordat")
        }
        return try PublishedReferenceData(directory: directory)
    }
}
