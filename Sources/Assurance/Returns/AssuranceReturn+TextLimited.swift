import ConcordatCore

extension AssuranceReturn: TextLimited {
    /// The place is an area code, the month and names one line, the narrative, actions and review note
    /// (the return's comments) free text.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        [
            ("place", place, .identifier), ("month", month, .name), ("narrative", narrative, .text),
            ("actions", actions, .text), ("submittedBy", submittedBy, .name),
        ] + values.enumerated().map { ("values[\($0)].indicator", $1.indicator, TextLimit.identifier) }
            + (reviewedBy.map { [("reviewedBy", $0, .name)] } ?? []) + (reviewNote.map { [("note", $0, .text)] } ?? [])
    }
}
