extension TornadoBar: Encodable {
    private enum CodingKeys: String, CodingKey {
        case parameter, low, high, atLow, atHigh, swing
    }

    /// The bar with its swing.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parameter, forKey: .parameter)
        try container.encode(low, forKey: .low)
        try container.encode(high, forKey: .high)
        try container.encode(atLow, forKey: .atLow)
        try container.encode(atHigh, forKey: .atHigh)
        try container.encode(swing, forKey: .swing)
    }
}
