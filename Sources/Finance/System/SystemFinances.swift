import ConcordatCore

/// The money picture of one system, as the CLI, the API and the pages all compute it: capitated budgets
/// on either basis, the place × care-network and area × component matrices, the year's ledger and the
/// year-end settlement. Pure: the system, its weights and (when a dataset is loaded) its spend in; values
/// out.
public struct SystemFinances: Sendable {
    /// What weighted populations an allocation uses.
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        /// NHS England's published 2025/26 practice weighted populations.
        case published
        /// The person-based formula fitted on the integrated dataset.
        case personBased = "person-based"
    }

    /// Why something cannot be computed.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// The system.
    public var system: HealthSystem
    /// The published weighted populations by practice.
    public var publishedWeights: [String: WeightedPopulation]
    /// The person-based weighted populations by practice, when a dataset is loaded.
    public var personBasedWeights: [String: WeightedPopulation]?
    /// The dataset's spend, when a dataset is loaded.
    public var spend: SpendSummary?
    /// The budget holder a cell of spend belongs to.
    public var partnerOf: @Sendable (SpendSummary.Cell) -> String
    /// The pool a partner's budget is drawn from.
    public var poolOf: @Sendable (String) -> String?
    /// How the system's partners share its year-end variance.
    public var agreement: RiskShareAgreement
    /// The care networks spend is divided into, where the system has them.
    public var careNetworks: CareNetworkModel?
    /// Partners' names by code, where the system names them.
    public var partnerNames: [String: String]

    /// Makes the picture.
    public init(
        system: HealthSystem, publishedWeights: [String: WeightedPopulation],
        personBasedWeights: [String: WeightedPopulation]? = nil, spend: SpendSummary? = nil,
        partnerOf: @escaping @Sendable (SpendSummary.Cell) -> String = { $0.provider },
        poolOf: @escaping @Sendable (String) -> String? = { _ in nil },
        agreement: RiskShareAgreement = .tieredByBudget, careNetworks: CareNetworkModel? = nil,
        partnerNames: [String: String] = [:]
    ) {
        self.agreement = agreement
        self.careNetworks = careNetworks
        self.partnerNames = partnerNames
        self.system = system
        self.publishedWeights = publishedWeights
        self.personBasedWeights = personBasedWeights
        self.spend = spend
        self.partnerOf = partnerOf
        self.poolOf = poolOf
    }

    /// The component keys of the published basis (NHS England's short names).
    public static let publishedComponents = ["G&A", "CS", "MH", "Mat", "Health Ineq", "Prescr"]

    /// The weighted populations of `basis`.
    public func weights(_ basis: Basis) throws(Problem) -> [String: WeightedPopulation] {
        switch basis {
        case .published: return publishedWeights
        case .personBased:
            guard let personBasedWeights else {
                throw Problem(
                    description:
                        "the person-based basis is fitted on the integrated dataset: load one with `concordat import` (or run `concordat demo`)"
                )
            }
            return personBasedWeights
        }
    }

    /// The components of `basis`, in column order.
    public func components(_ basis: Basis) -> [String] {
        switch basis {
        case .published: Self.publishedComponents
        case .personBased: CareSetting.allCases.map(\.code)
        }
    }

    /// The control total used when none is given: the demo's (last year's spend less 2%) when a dataset
    /// is loaded, otherwise £3.1bn (roughly Kent & Medway's core allocation).
    public var defaultControlTotal: Money {
        guard let spend, spend.total > 0 else { return Money(pence: 310_000_000_000) }
        let million = 100_000_000.0
        return Money(pence: Int64((Double(spend.total) * 0.98 / million).rounded(.down) * million))
    }

    /// Capitated budgets for `controlTotal` on `basis`.
    public func allocation(_ controlTotal: Money, basis: Basis = .published) throws(Problem) -> CapitationAllocation {
        do {
            return try CapitationAllocation(
                controlTotal: controlTotal, system: system, weights: try weights(basis),
                icb: Array(publishedWeights.values))
        } catch let problem as CapitationAllocation.Problem {
            throw Problem(description: problem.description)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(description: "\(error)")
        }
    }

    /// The place × care-network matrix under the system's own care networks.
    /// - Throws: ``Problem`` when the system has no care networks or no dataset is loaded.
    public func networkMatrix(_ allocation: CapitationAllocation) throws(Problem) -> BudgetMatrix {
        guard let careNetworks else { throw Problem(description: "\(system.name) has no care networks") }
        return try networkMatrix(allocation, model: careNetworks)
    }

    /// The places' budgets by care network, from each place's own spend mix.
    public func networkMatrix(_ allocation: CapitationAllocation, model: CareNetworkModel) throws(Problem)
        -> BudgetMatrix
    {
        guard let spend else {
            throw Problem(description: "care-network budgets follow each place's spend: load a dataset first")
        }
        let places = system.placeOfLeaf
        do {
            return try allocation.networkMatrix(
                system: system, model: model, spendByPlace: model.spend(of: spend) { places[$0] })
        } catch { throw Problem(description: error.description) }
    }

    /// The budgets of areas at `level` by the basis's service components. The published basis's
    /// components are indices on separate scales, so they need each component's share of spend.
    public func componentMatrix(
        _ allocation: CapitationAllocation, basis: Basis, level: String, spendShares: [String: Double]? = nil
    ) throws(Problem) -> BudgetMatrix {
        if basis == .published, spendShares == nil {
            throw Problem(
                description:
                    "the published components (G&A, CS, MH, Mat, Health Ineq, Prescr) are separate indices: give each one's share of spend, e.g. --component-shares G&A=0.55,CS=0.1,MH=0.12,Mat=0.03,Health\\ Ineq=0.02,Prescr=0.18"
            )
        }
        guard system.level(level) != nil else { throw Problem(description: "the system has no level '\(level)'") }
        do {
            return try allocation.componentMatrix(
                level: level, system: system, components: components(basis), weights: try weights(basis),
                spendShares: spendShares)
        } catch let problem as Problem { throw problem } catch { throw Problem(description: "\(error)") }
    }

    /// The year's ledger: the capitated place budgets shared across partners by their spend there, with
    /// `monthsElapsed` months of the dataset's spend as actuals.
    public func ledger(_ allocation: CapitationAllocation, monthsElapsed: Int, profile: SeasonalProfile = .flat)
        throws(Problem) -> Ledger
    {
        guard let spend else { throw Problem(description: "the ledger's actuals come from a dataset: load one first") }
        do {
            return try Ledger.plan(
                allocation: allocation, system: system, spend: spend, partnerOf: partnerOf, poolOf: poolOf,
                monthsElapsed: monthsElapsed, profile: profile)
        } catch { throw Problem(description: error.description) }
    }

    /// Each place's current spend (the dataset's year, scaled to the control total) against its
    /// capitation target: distance from target = (current − target) ÷ target.
    public func distanceFromTarget(_ allocation: CapitationAllocation) -> [String: (current: Money, distance: Double)] {
        guard let spend, spend.total > 0 else { return [:] }
        let places = system.placeOfLeaf
        var byPlace: [String: Int64] = [:]
        for cell in spend.cells { if let place = places[cell.practice] { byPlace[place, default: 0] += cell.pence } }
        let codes = system.children(of: system.root.code).map(\.code)
        let scaled =
            allocation.controlTotal.split(by: codes.map { Double(byPlace[$0, default: 0]) }) ?? codes.map { _ in .zero }
        var result: [String: (current: Money, distance: Double)] = [:]
        for (code, current) in zip(codes, scaled) {
            let target = allocation.line(code)?.budgetPence ?? 0
            result[code] = (current, target > 0 ? Double(current.pence - target) / Double(target) : 0)
        }
        return result
    }
}
