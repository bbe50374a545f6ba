extension KeyedDecodingContainer {
    /// Whole pence at `key`, refusing `12.5` or `"£3m"` with the key's path and "is not a whole number of
    /// pence" (a decoder's own message for a fraction does not always carry the path).
    func decodePence(forKey key: Key) throws -> Int64 {
        if let pence = try? decode(Int64.self, forKey: key) { return pence }
        guard contains(key) else { return try decode(Int64.self, forKey: key) }
        let written =
            (try? decode(Double.self, forKey: key)).map { "\($0)" }
            ?? (try? decode(String.self, forKey: key)).map { "\"\($0)\"" } ?? "it"
        throw DecodingError.dataCorrupted(
            .init(
                codingPath: codingPath + [key],
                debugDescription: "\(written) is not a whole number of pence (money is written in pence)"))
    }

    /// Whole pence at `key` if present.
    func decodePenceIfPresent(forKey key: Key) throws -> Int64? {
        guard contains(key), (try? decodeNil(forKey: key)) != true else { return nil }
        return try decodePence(forKey: key)
    }
}
