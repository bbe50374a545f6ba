/// The generic project types of the Green Book's optimism bias guidance, each with the published upper and
/// lower bounds of its optimism bias (HM Treasury, *Supplementary Green Book Guidance: Optimism Bias*, 2003,
/// Table 1, from Mott MacDonald, *Review of Large Public Procurement in the UK*, 2002, Table 2).
///
/// | Type | Works duration U / L | Capital expenditure U / L |
/// | --- | --- | --- |
/// | Standard buildings | 4% / 1% | 24% / 2% |
/// | Non-standard buildings | 39% / 2% | 51% / 4% |
/// | Standard civil engineering | 20% / 1% | 44% / 3% |
/// | Non-standard civil engineering | 25% / 3% | 66% / 6% |
/// | Equipment and development | 54% / 10% | 200% / 10% |
/// | Outsourcing | n/a | 41% / 0% of *operating* expenditure |
public enum ProjectType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Buildings without special design considerations: most accommodation projects, offices, surgeries.
    case standardBuildings
    /// Buildings with special design considerations, complex sites or prestige: hospitals with new
    /// technology, major refurbishments of listed buildings.
    case nonStandardBuildings
    /// Civil engineering without special design considerations: roads, car parks, utilities.
    case standardCivilEngineering
    /// Civil engineering with special design, complex site or innovative features: tunnels, new rail.
    case nonStandardCivilEngineering
    /// Equipment and development projects, including IT systems and software development.
    case equipmentAndDevelopment
    /// Services bought from another provider under contract (the bias is on operating expenditure).
    case outsourcing

    /// The upper bound of capital expenditure optimism bias (a fraction: 0.24 is 24%); 0 for outsourcing,
    /// for which the guidance gives none on capital.
    public var capitalUpperBound: Double {
        switch self {
        case .standardBuildings: 0.24
        case .nonStandardBuildings: 0.51
        case .standardCivilEngineering: 0.44
        case .nonStandardCivilEngineering: 0.66
        case .equipmentAndDevelopment: 2.00
        case .outsourcing: 0
        }
    }

    /// The lower bound of capital expenditure optimism bias (what good risk management may reach).
    public var capitalLowerBound: Double {
        switch self {
        case .standardBuildings: 0.02
        case .nonStandardBuildings: 0.04
        case .standardCivilEngineering: 0.03
        case .nonStandardCivilEngineering: 0.06
        case .equipmentAndDevelopment: 0.10
        case .outsourcing: 0
        }
    }

    /// The upper bound of operating expenditure optimism bias: 41% for outsourcing; 0 for the other types,
    /// for which the guidance publishes none (an appraiser may add one from their own evidence).
    public var operatingUpperBound: Double { self == .outsourcing ? 0.41 : 0 }

    /// The lower bound of operating expenditure optimism bias (0 for every type).
    public var operatingLowerBound: Double { 0 }

    /// The upper bound of works duration optimism bias (0 for outsourcing, "n/a" in the guidance).
    public var worksDurationUpperBound: Double {
        switch self {
        case .standardBuildings: 0.04
        case .nonStandardBuildings: 0.39
        case .standardCivilEngineering: 0.20
        case .nonStandardCivilEngineering: 0.25
        case .equipmentAndDevelopment: 0.54
        case .outsourcing: 0
        }
    }

    /// The lower bound of works duration optimism bias (0 for outsourcing, "n/a" in the guidance).
    public var worksDurationLowerBound: Double {
        switch self {
        case .standardBuildings: 0.01
        case .nonStandardBuildings: 0.02
        case .standardCivilEngineering: 0.01
        case .nonStandardCivilEngineering: 0.03
        case .equipmentAndDevelopment: 0.10
        case .outsourcing: 0
        }
    }
}
