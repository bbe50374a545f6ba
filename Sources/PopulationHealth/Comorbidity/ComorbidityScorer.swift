/// Scores people on one ``ComorbidityIndex``: maps ICD-10 codes to categories by prefix (the code with
/// the dot removed, as Quan 2005 codes are tabulated), applies the published hierarchies, and sums the
/// weights. Pure: codes and people in, flags and scores out.
///
/// Hierarchies (Charlson: mild liver disease is dropped when moderate or severe liver disease is present,
/// diabetes when diabetes with complications is, any malignancy when metastatic solid tumour is;
/// Elixhauser: uncomplicated hypertension when complicated, uncomplicated diabetes when complicated,
/// solid tumour when metastatic cancer). One code may set several Elixhauser categories.
public struct ComorbidityScorer: Sendable {
    /// The index scored.
    public let index: ComorbidityIndex
    /// The category (column) names in output order: the R `comorbidity` package's for Charlson and
    /// Elixhauser; the 109 three-character codes for the HFRS.
    public let categories: [String]
    /// Each category's weight; tenths for the HFRS (whose weights have one decimal), whole points otherwise.
    public let weights: [Int]
    /// The weight unit: 10 for the HFRS (tenths), 1 otherwise.
    public let weightScale: Int
    private let prefixes: [String: CategorySet]
    private let prefixLengths: ClosedRange<Int>
    private let hierarchy: [(drop: Int, whenPresent: Int)]
    /// The categories of each three-character code (letter, digit, digit or `X`), by ``slot(_:)``: the
    /// list compiled for bytes, so a code costs an array read, not a string hash.
    private let byThree: [CategorySet]
    /// Whether any prefix longer than three characters starts with the slot's code.
    private let extendsThree: [Bool]
    /// The prefixes longer than three characters, packed (at most 8 bytes, little-endian).
    private let longer: [UInt64: CategorySet]

    /// Compiles the code list of `index`.
    public init(index: ComorbidityIndex) {
        self.index = index
        var table: [(category: String, prefixes: [String])]
        var weightOf: [String: Int]
        var scale = 1
        var pairs: [(String, String)] = []
        switch index {
        case .charlsonQuan, .charlson1987:
            table = ComorbidityCodeLists.charlsonQuan2005
            weightOf =
                index == .charlsonQuan
                ? [
                    "ami": 0, "chf": 2, "pvd": 0, "cevd": 0, "dementia": 2, "copd": 1, "rheumd": 1, "pud": 0, "mld": 2,
                    "diab": 0, "diabwc": 1, "hp": 2, "rend": 1, "canc": 2, "msld": 4, "metacanc": 6, "aids": 4,
                ]
                : [
                    "ami": 1, "chf": 1, "pvd": 1, "cevd": 1, "dementia": 1, "copd": 1, "rheumd": 1, "pud": 1, "mld": 1,
                    "diab": 1, "diabwc": 2, "hp": 2, "rend": 2, "canc": 2, "msld": 3, "metacanc": 6, "aids": 6,
                ]
            pairs = [("mld", "msld"), ("diab", "diabwc"), ("canc", "metacanc")]
        case .elixhauserVanWalraven:
            table = ComorbidityCodeLists.elixhauserQuan2005
            weightOf = ComorbidityCodeLists.vanWalravenWeights
            pairs = [("hypunc", "hypc"), ("diabunc", "diabc"), ("solidtum", "metacanc")]
        case .hospitalFrailty:
            table = ComorbidityCodeLists.hospitalFrailty.map { ($0.code, [$0.code]) }
            weightOf = Dictionary(
                uniqueKeysWithValues: ComorbidityCodeLists.hospitalFrailty.map {
                    ($0.code, Int(($0.weight * 10).rounded()))
                })
            scale = 10
        }
        categories = table.map(\.category)
        weights = categories.map { weightOf[$0] ?? 0 }
        weightScale = scale
        var prefixes: [String: CategorySet] = [:]
        for (position, entry) in table.enumerated() {
            for prefix in entry.prefixes { prefixes[prefix, default: .empty].insert(position) }
        }
        self.prefixes = prefixes
        let lengths = prefixes.keys.map(\.count)
        prefixLengths = (lengths.min() ?? 3)...(lengths.max() ?? 3)
        let position = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        hierarchy = pairs.map { (position[$0.0]!, position[$0.1]!) }
        var byThree = [CategorySet](repeating: .empty, count: Self.slotCount)
        var extendsThree = [Bool](repeating: false, count: Self.slotCount)
        var longer: [UInt64: CategorySet] = [:]
        for letter in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            for second in UInt8(ascii: "0")...UInt8(ascii: "9") {
                for third in Array(UInt8(ascii: "0")...UInt8(ascii: "9")) + [UInt8(ascii: "X")] {
                    let code = [letter, second, third]
                    let slot = code.withUnsafeBufferPointer { Self.slot($0)! }
                    byThree[slot] = Self.categories(
                        forCode: String(decoding: code, as: UTF8.self), index: index, prefixes: prefixes,
                        lengths: prefixLengths)
                }
            }
        }
        for (prefix, set) in prefixes where prefix.utf8.count > 3 {
            let bytes = Array(prefix.utf8)
            // Not a letter, digit and digit or X first: `categories(ofCode:)` reads codes with such a
            // start by their string.
            guard let slot = bytes.withUnsafeBufferPointer(Self.slot) else { continue }
            // The code lists' prefixes are at most 4 characters; one of more than 8 would not pack.
            precondition(bytes.count <= 8, "a code-list prefix longer than 8 characters: \(prefix)")
            longer[Self.pack(bytes)!] = set
            extendsThree[slot] = true
        }
        self.byThree = byThree
        self.extendsThree = extendsThree
        self.longer = longer
    }

    private static let slotCount = 26 * 10 * 11

    /// The table position of a code's first three characters (A–Z, 0–9, 0–9 or `X`), or `nil`.
    @inline(__always) private static func slot(_ code: UnsafeBufferPointer<UInt8>) -> Int? {
        guard code.count >= 3 else { return nil }
        let letter = Int(code[0]) - 65
        let second = Int(code[1]) - 48
        let third = code[2] == UInt8(ascii: "X") ? 10 : Int(code[2]) - 48
        guard (0..<26).contains(letter), (0..<10).contains(second), (0..<11).contains(third) else { return nil }
        return (letter * 10 + second) * 11 + third
    }

    /// Up to 8 bytes as one little-endian word, or `nil` for more.
    @inline(__always) private static func pack(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for (position, byte) in bytes.enumerated() { key |= UInt64(byte) << (8 * UInt64(position)) }
        return key
    }

    /// The categories a code sets. `code` is ICD-10, upper case, without the dot (`I252`); the HFRS
    /// reads only its first three characters.
    public func categories(forCode code: String) -> CategorySet {
        Self.categories(forCode: code, index: index, prefixes: prefixes, lengths: prefixLengths)
    }

    private static func categories(
        forCode code: String, index: ComorbidityIndex, prefixes: [String: CategorySet], lengths: ClosedRange<Int>
    ) -> CategorySet {
        let characters = Array(code.utf8)
        var result = CategorySet.empty
        if index == .hospitalFrailty {
            guard characters.count >= 3 else { return result }
            return prefixes[String(decoding: characters[0..<3], as: UTF8.self)] ?? result
        }
        for length in lengths where length <= characters.count {
            if let set = prefixes[String(decoding: characters[0..<length], as: UTF8.self)] { result.formUnion(set) }
        }
        return result
    }

    /// The categories a code sets, from its bytes (upper case, without the dot): the same as
    /// ``categories(forCode:)``, from a table of three-character codes and the few longer prefixes, so
    /// millions of rows can be classified where they are read.
    public func categories(ofCode code: UnsafeBufferPointer<UInt8>) -> CategorySet {
        guard let slot = Self.slot(code) else {
            return categories(forCode: String(decoding: code, as: UTF8.self))
        }
        var result = byThree[slot]
        guard index != .hospitalFrailty, extendsThree[slot], code.count > 3 else { return result }
        // Every longer prefix packs (the initialiser checked), so a longer one cannot match.
        for length in 4...min(code.count, prefixLengths.upperBound) {
            if let key = Self.pack(code[..<length]), let set = longer[key] { result.formUnion(set) }
        }
        return result
    }

    /// The categories a person has after the published hierarchies are applied.
    @inlinable public func applyingHierarchy(_ set: CategorySet) -> CategorySet {
        var result = set
        for (drop, whenPresent) in hierarchyPairs where set.contains(whenPresent) { result.remove(drop) }
        return result
    }

    /// The hierarchy as (category dropped, category that drops it).
    public var hierarchyPairs: [(drop: Int, whenPresent: Int)] { hierarchy }

    /// The score, in ``weightScale`` units, of a set of categories (hierarchy already applied).
    @inlinable public func score(_ set: CategorySet) -> Int {
        var total = 0
        for position in 0..<weights.count where set.contains(position) { total += weights[position] }
        return total
    }

    /// The Charlson age term: one point per decade over 40, at most 4 (clip(⌊(age − 40) / 10⌋, 0, 4)).
    public static func ageTerm(age: Int) -> Int { min(4, max(0, (age - 40) / 10)) }

    /// The HFRS risk band of a score in tenths: low < 5, intermediate 5–15, high > 15.
    public static func frailtyRisk(tenths: Int) -> String {
        tenths < 50 ? "low" : tenths <= 150 ? "intermediate" : "high"
    }

    /// Scores many people at once: `personOfRow[i]` has code `codeOfRow[i]` (an index into `codes`).
    /// Each distinct code is mapped once; the loop over rows allocates nothing.
    ///
    /// - Returns: each person's categories, hierarchy applied.
    public func categorySets(personCount: Int, personOfRow: [UInt32], codeOfRow: [UInt32], codes: [String])
        -> [CategorySet]
    {
        let codeSets = codes.map(categories(forCode:))
        var sets = [CategorySet](repeating: .empty, count: personCount)
        codeSets.withUnsafeBufferPointer { codeSets in
            sets.withUnsafeMutableBufferPointer { sets in
                for row in 0..<min(personOfRow.count, codeOfRow.count) {
                    sets[Int(personOfRow[row])].formUnion(codeSets[Int(codeOfRow[row])])
                }
            }
        }
        if !hierarchy.isEmpty {
            for person in 0..<personCount { sets[person] = applyingHierarchy(sets[person]) }
        }
        return sets
    }
}
