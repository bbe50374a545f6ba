import Foundation

/// The 2021 lower layer super output areas (LSOAs) of a system with their national Index of Multiple
/// Deprivation, grouped by local authority district, for placing synthetic people in real geography.
///
/// Source: Ministry of Housing, Communities and Local Government, *English Indices of Deprivation 2025*
/// (IMD decile, rank and score per 2021 LSOA; 1 = the most deprived tenth of England's 33,755 LSOAs), cut
/// to the LSOAs of NHS Kent and Medway ICB with ONS's LSOA (2021) to sub-ICB to ICB (2024) lookup. Open
/// Government Licence v3.0. An LSOA's name begins with its district ("Thanet 001A"), which is how
/// ``lsoas(inDistrict:)`` finds a district's LSOAs.
public struct DeprivationGeography: Sendable, Hashable {
    /// One LSOA.
    public struct LSOA: Sendable, Hashable {
        /// The ONS code, `E01…`.
        public var code: String
        /// The ONS name: the district, then a number and letter ("Medway 015A").
        public var name: String
        /// The district: the name without its trailing number and letter.
        public var district: String
        /// The national IMD 2025 decile, 1 (most deprived) to 10.
        public var imdDecile: Int
        /// The national IMD 2025 rank, 1 = the most deprived.
        public var imdRank: Int
        /// The IMD 2025 score.
        public var imdScore: Double
    }

    /// The shipped file's name.
    public static let fileName = "lsoa-imd-2025.csv"
    /// Where the shipped file's figures come from, in a sentence for pages and commands.
    public static let publication =
        "MHCLG, English Indices of Deprivation 2025, by 2021 LSOA (Open Government Licence v3.0)"

    /// Every LSOA, in file order.
    public private(set) var lsoas: [LSOA]
    private var byDistrict: [String: [Int]]

    /// The LSOAs of `table` (columns `lsoa21_code`, `lsoa21_name`, `IMD_decile`, `IMD_rank`, `IMD_score`).
    /// - Throws: ``IngestError`` naming the line and field of a code that is not a 2021 English or Welsh
    ///   LSOA code, a code listed twice, a name without a district, a decile outside 1–10, a rank that is not
    ///   a whole number above 0, or a score that is not a finite number; or when the file has no LSOA.
    public init(table: CSVTable) throws {
        let code = try table.column("lsoa21_code")
        let name = try table.column("lsoa21_name")
        let decile = try table.column("IMD_decile")
        let rank = try table.column("IMD_rank")
        let score = try table.column("IMD_score")
        var lsoas: [LSOA] = []
        var seen: Set<String> = []
        for record in table.records {
            func refuse(_ column: CSVColumn, _ reason: String) -> IngestError {
                .invalidValue(file: table.file, line: record.line, field: column.name, reason: reason)
            }
            let lsoa = record[code]
            guard Self.isLSOACode(lsoa) else {
                throw refuse(code, "'\(lsoa)' is not a 2021 LSOA code (E01 or W01 and six digits)")
            }
            guard seen.insert(lsoa).inserted else { throw refuse(code, "\(lsoa) is listed twice") }
            guard let district = Self.district(ofName: record[name]) else {
                throw refuse(
                    name, "'\(record[name])' is not a district followed by a number and letter (\"Thanet 001A\")")
            }
            guard let value = Int(record[decile]), (1...10).contains(value) else {
                throw refuse(decile, "'\(record[decile])' is not a decile from 1 to 10")
            }
            guard let position = Int(record[rank]), position > 0 else {
                throw refuse(rank, "'\(record[rank])' is not a rank (a whole number above 0)")
            }
            guard let points = Double(record[score]), points.isFinite else {
                throw refuse(score, "'\(record[score])' is not a number")
            }
            lsoas.append(
                LSOA(
                    code: lsoa, name: record[name], district: district, imdDecile: value, imdRank: position,
                    imdScore: points))
        }
        guard !lsoas.isEmpty else {
            throw IngestError.inconsistent(file: table.file, reason: "the file lists no LSOA")
        }
        self.lsoas = lsoas
        byDistrict = Dictionary(grouping: lsoas.indices) { PlaceRules.districtKey(lsoas[$0].district) }
    }

    /// The LSOAs whose name begins with `district` (compared without case, "&" read as "and"), in file
    /// order; empty for a district the file does not cover.
    public func lsoas(inDistrict district: String) -> [LSOA] {
        (byDistrict[PlaceRules.districtKey(district)] ?? []).map { lsoas[$0] }
    }

    /// The districts covered, sorted.
    public var districts: [String] { Set(lsoas.map(\.district)).sorted() }

    /// The share of a district's LSOAs in Core20 (national IMD deciles 1–2): the expected Core20 share of
    /// people placed uniformly over the district's LSOAs; `nil` for a district the file does not cover.
    public func core20Share(ofDistrict district: String) -> Double? {
        let found = lsoas(inDistrict: district)
        guard !found.isEmpty else { return nil }
        return Double(found.filter { $0.imdDecile <= 2 }.count) / Double(found.count)
    }

    /// The LSOAs of every geography in `parts`, in order; an LSOA listed in more than one is kept once
    /// (the first).
    public init(merging parts: [DeprivationGeography]) {
        var seen: Set<String> = []
        lsoas = parts.flatMap(\.lsoas).filter { seen.insert($0.code).inserted }
        byDistrict = Dictionary(grouping: lsoas.indices) { [lsoas] in PlaceRules.districtKey(lsoas[$0].district) }
    }

    /// The LSOAs of the file (``fileName``) in `folder`, or `nil` when the folder has none.
    /// - Throws: ``IngestError`` if the file is unreadable or malformed.
    public static func reading(folder: URL) throws -> DeprivationGeography? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw IngestError.unreadable(file: fileName, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return try DeprivationGeography(table: CSVTable(parsing: data, file: fileName))
    }

    /// The LSOAs of the files (``fileName``) in `folders`, each folder read once however often it is given
    /// (folders without one are skipped, and an LSOA in more than one file is kept once, the first), or `nil`
    /// when none has one.
    /// - Throws: ``IngestError`` if a file is unreadable or malformed.
    public static func reading(folders: [URL]) throws -> DeprivationGeography? {
        var seen: Set<String> = []
        let unique = folders.filter { seen.insert($0.standardizedFileURL.path).inserted }
        let parts = try unique.compactMap(reading(folder:))
        return parts.isEmpty ? nil : DeprivationGeography(merging: parts)
    }

    /// The LSOAs of every file shipped with the project, one per folder of published data (today one:
    /// the 1,107 LSOAs of the published files the project ships). A system whose districts they do not
    /// cover gets none of them.
    /// - Throws: ``IngestError`` if a shipped file is unreadable or malformed, or none is shipped.
    public static func shipped() throws -> DeprivationGeography {
        guard let shipped = try reading(folders: PublishedReferenceData.bundledDirectories) else {
            throw IngestError.unreadable(file: fileName, reason: "no LSOA file is shipped with the project")
        }
        return shipped
    }

    /// Whether `code` has the shape of a 2021 LSOA code: E01 or W01 and six digits.
    static func isLSOACode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        return bytes.count == 9 && (code.hasPrefix("E01") || code.hasPrefix("W01"))
            && bytes[3...].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// The district of an ONS LSOA name: everything before the final space and its number-and-letter
    /// suffix ("Folkestone and Hythe 001A" → "Folkestone and Hythe"); `nil` when there is no such suffix.
    static func district(ofName name: String) -> String? {
        guard let space = name.lastIndex(of: " ") else { return nil }
        let suffix = name[name.index(after: space)...]
        let district = name[..<space].trimmingCharacters(in: .whitespaces)
        guard suffix.count == 4, suffix.prefix(3).allSatisfy(\.isASCII), suffix.prefix(3).allSatisfy(\.isNumber),
            let letter = suffix.last, letter.isASCII, letter.isUppercase, !district.isEmpty
        else { return nil }
        return district
    }
}
