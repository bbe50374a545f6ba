extension SwitchingValue: Encodable {
    private enum CodingKeys: String, CodingKey {
        case parameter, central, rangeLow, rangeHigh, value, changeFromCentral
    }

    /// The parameter, its central value, the range searched and the switching value (absent: none in range).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parameter, forKey: .parameter)
        try container.encode(central, forKey: .central)
        try container.encode(range.lowerBound, forKey: .rangeLow)
        try container.encode(range.upperBound, forKey: .rangeHigh)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encodeIfPresent(changeFromCentral, forKey: .changeFromCentral)
    }
}
