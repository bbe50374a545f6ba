/// One level of a system's geographic hierarchy, such as "place" or "neighbourhood".
///
/// Systems name their levels differently: Kent & Medway runs system › place › neighbourhood (PCN) ›
/// practice; Leicester, Leicestershire & Rutland runs system › cluster › locality. The hierarchy is
/// data, so nothing in Concordat assumes Kent's shape.
public struct HierarchyLevel: Hashable, Sendable, Codable {
    /// A stable key used in URLs and the API (`system`, `place`, `neighbourhood`, `practice`).
    public var key: String
    /// The singular name shown to people ("Primary Care Network").
    public var singular: String
    /// The plural name shown to people ("Primary Care Networks").
    public var plural: String
    /// The population a unit at this level is designed to serve, when the system sets one
    /// (the NHS design size for a PCN is 30,000–50,000).
    public var designPopulation: ClosedRange<Int>?

    /// The plural as it reads mid-sentence: words in lower case except acronyms
    /// ("Primary Care Networks" → "primary care networks"; "GP practices" stays).
    public var pluralInSentence: String { plural.inSentence }

    /// Makes a level.
    public init(key: String, singular: String, plural: String, designPopulation: ClosedRange<Int>? = nil) {
        self.key = key
        self.singular = singular
        self.plural = plural
        self.designPopulation = designPopulation
    }
}

extension String {
    /// The name as it reads mid-sentence: each word in lower case unless it is an acronym (two or more
    /// capitals), so "Primary Care Networks" becomes "primary care networks" and "GP practices" stays.
    public var inSentence: String {
        split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.filter(\.isUppercase).count >= 2 ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }
}
