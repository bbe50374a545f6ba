extension Organisation: TextLimited {
    /// The code is an identifier, the name a name, the source free text.
    public var limitedText: [(field: String, value: String, limit: TextLimit)] {
        [("code", code, .identifier), ("name", name, .name)] + (source.map { [("source", $0, .text)] } ?? [])
    }
}
