import ConcordatCore

/// A condition on what a pool's money may be spent on: only in some care settings, only inside some
/// local authority districts, or both. The council's social care money, for example, "should only be spent
/// on meeting social care needs and only within the KCC area": settings `adult_social_care`, districts the
/// twelve Kent districts.
public struct RingFence: Sendable, Hashable, Codable {
    /// The rule's name, quoted in every refusal (e.g. "KCC social care: inside the KCC area").
    public var name: String
    /// If set, spend must be in one of these care settings (event setting codes).
    public var settings: [String]?
    /// If set, spend must be for people inside these local authority districts: every practice under the
    /// area the spend is for must be in one of them.
    public var districts: [String]?

    /// Makes a rule.
    public init(name: String, settings: [String]? = nil, districts: [String]? = nil) {
        self.name = name
        self.settings = settings
        self.districts = districts
    }

    /// Why `spend` breaks this rule, or `nil` if it keeps it. `districtsOfArea` gives the districts of
    /// the practices under an area (an unknown district as `nil`).
    public func breach(of spend: PoolSpend, districtsOfArea: [String?]) -> String? {
        if let settings, !settings.contains(spend.setting) {
            let allowed = settings.map { CareSetting(code: $0)?.label ?? $0 }.joined(separator: ", ")
            return "\(CareSetting(code: spend.setting)?.label ?? spend.setting) is not allowed: only \(allowed)"
        }
        if let districts {
            let allowed = Set(districts)
            if districtsOfArea.contains(where: { $0 == nil }) {
                return
                    "\(spend.area) has practices whose district is unknown, so it cannot be shown to be inside the area"
            }
            let outside = Set(districtsOfArea.compactMap { $0 }).subtracting(allowed).sorted()
            if !outside.isEmpty {
                return "\(spend.area) covers \(outside.joined(separator: ", ")), outside the permitted area"
            }
            if districtsOfArea.isEmpty { return "\(spend.area) is not an area of the system" }
        }
        return nil
    }
}
