/// The electronic Frailty Index (Clegg A et al., "Development and validation of an electronic frailty
/// index using routine primary care electronic health record data", Age and Ageing 2016;45:353–60):
/// the share of a list of deficits (36 in the published eFI) a person has in their GP record.
///
/// The deficits and the SNOMED CT codes that evidence each are configuration (``Configuration``), since
/// the code lists are maintained outside Concordat. Categories use the unrounded score: fit ≤ 0.12,
/// mild ≤ 0.24, moderate ≤ 0.36, severe above.
public struct ElectronicFrailtyIndex: Sendable {
    /// The deficits and their codes, as supplied (JSON: `{"deficits":[{"name":…, "codes":[…]}]}`).
    public struct Configuration: Sendable, Codable, Hashable {
        /// One deficit and the SNOMED CT codes that record it.
        public struct Deficit: Sendable, Codable, Hashable {
            /// The deficit's name ("Falls", "Memory and cognitive problems", …).
            public var name: String
            /// SNOMED CT concept identifiers that evidence it.
            public var codes: [String]

            /// Makes a deficit.
            public init(name: String, codes: [String]) {
                self.name = name
                self.codes = codes
            }
        }

        /// The deficits; the score's denominator is their number (36 for the published eFI).
        public var deficits: [Deficit]

        /// Makes a configuration.
        public init(deficits: [Deficit]) { self.deficits = deficits }
    }

    /// A frailty category.
    public enum Category: String, Sendable, Codable, CaseIterable {
        /// Score ≤ 0.12.
        case fit
        /// 0.12 < score ≤ 0.24.
        case mild
        /// 0.24 < score ≤ 0.36.
        case moderate
        /// Score > 0.36.
        case severe

        /// The category of an unrounded score.
        public init(score: Double) {
            self = score <= 0.12 ? .fit : score <= 0.24 ? .mild : score <= 0.36 ? .moderate : .severe
        }
    }

    /// Why a configuration cannot be used.
    public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public let description: String
    }

    /// The configuration in use.
    public let configuration: Configuration
    private let deficitOfCode: [String: [Int]]

    /// Compiles a configuration.
    /// - Throws: ``ConfigurationError`` when there are no deficits, a deficit has no codes, or a name repeats.
    public init(configuration: Configuration) throws {
        guard !configuration.deficits.isEmpty else {
            throw ConfigurationError(description: "the eFI configuration lists no deficits")
        }
        var names: Set<String> = []
        var map: [String: [Int]] = [:]
        for (index, deficit) in configuration.deficits.enumerated() {
            guard names.insert(deficit.name).inserted else {
                throw ConfigurationError(description: "the deficit '\(deficit.name)' is listed twice")
            }
            guard !deficit.codes.isEmpty else {
                throw ConfigurationError(description: "the deficit '\(deficit.name)' has no codes")
            }
            for code in deficit.codes { map[code, default: []].append(index) }
        }
        self.configuration = configuration
        deficitOfCode = map
    }

    /// The deficits (indices into the configuration) that a set of SNOMED CT codes evidences.
    public func deficits(in codes: some Sequence<String>) -> Set<Int> {
        var found: Set<Int> = []
        for code in codes { found.formUnion(deficitOfCode[code] ?? []) }
        return found
    }

    /// The unrounded score: deficits present ÷ deficits configured.
    public func score(deficitCount: Int) -> Double { Double(deficitCount) / Double(configuration.deficits.count) }
}
