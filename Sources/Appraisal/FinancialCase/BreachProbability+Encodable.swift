extension BreachProbability: Encodable {
    private enum CodingKeys: String, CodingKey {
        case runs, breaches, headroom, probability, intervalLow, intervalHigh
    }

    /// The counts, the headroom, the probability and its 95% interval.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runs, forKey: .runs)
        try container.encode(breaches, forKey: .breaches)
        try container.encode(headroom, forKey: .headroom)
        try container.encode(probability, forKey: .probability)
        try container.encode(interval.lowerBound, forKey: .intervalLow)
        try container.encode(interval.upperBound, forKey: .intervalHigh)
    }
}
