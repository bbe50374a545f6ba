extension BenefitCostRatio: Encodable {
    private enum CodingKeys: String, CodingKey {
        case kind
        case value
    }

    /// `{"kind": "ratio", "value": 1.19}`, `{"kind": "noAdditionalCost"}` or `{"kind": "costSaving"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ratio(let value):
            try container.encode("ratio", forKey: .kind)
            try container.encode(value, forKey: .value)
        case .noAdditionalCost: try container.encode("noAdditionalCost", forKey: .kind)
        case .costSaving: try container.encode("costSaving", forKey: .kind)
        }
    }
}
