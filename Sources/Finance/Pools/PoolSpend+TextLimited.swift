import ConcordatCore

extension PoolSpend: TextLimited {
    /// The pool, partner, setting and area are codes, the month one line, the description free text.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        [
            ("pool", pool, .identifier), ("partner", partner, .identifier), ("setting", setting, .identifier),
            ("area", area, .identifier), ("month", month, .name), ("description", description, .text),
        ]
    }
}
