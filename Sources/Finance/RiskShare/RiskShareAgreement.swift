import ConcordatCore

/// How partners share the system's year-end variance (overspend or underspend against the control
/// total): each partner first bears part of its own variance, tier by tier through corridors; what is
/// left is pooled and shared by budget or by weighted population; caps limit what any partner bears;
/// and a quality gate stops a partner that failed it from taking a share of gains.
///
/// The corridors follow the usual NHS system risk-share form (as in ../shared/DESIGN.md): e.g. a partner
/// bears 100% of its own variance up to 2% of its budget, 50% for 2–4% and 20% beyond.
public struct RiskShareAgreement: Sendable, Hashable, Codable {
    /// What the pooled variance is shared by.
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        /// Each partner's budget.
        case budget
        /// Each partner's needs-weighted population.
        case weightedPopulation = "weighted-population"
    }

    /// One tier of a partner's own variance.
    public struct Corridor: Sendable, Hashable, Codable {
        /// The tier ends at this fraction of the partner's budget (0.02 = 2%); `nil` for the last tier.
        public var upTo: Double?
        /// The share of the variance in this tier the partner bears itself (1 = all of it).
        public var retained: Double

        /// Makes a tier.
        public init(upTo: Double?, retained: Double) {
            self.upTo = upTo
            self.retained = retained
        }
    }

    /// The agreement's name.
    public var name: String
    /// What pooled variance is shared by.
    public var basis: Basis
    /// The tiers of own variance, lowest first. Empty: everything is pooled.
    public var corridors: [Corridor]
    /// If set, no partner bears more than this fraction of its budget in either direction; the excess is
    /// shared among the others, and anything left when all are capped falls to ``residualBearer``.
    public var cap: Double?
    /// Whether partners that failed the quality gate are excluded from sharing pooled gains.
    public var qualityGate: Bool
    /// The partner that bears whatever the caps leave over (usually the host commissioner).
    public var residualBearer: String?

    /// Makes an agreement.
    public init(
        name: String, basis: Basis, corridors: [Corridor] = [], cap: Double? = nil, qualityGate: Bool = false,
        residualBearer: String? = nil
    ) {
        self.name = name
        self.basis = basis
        self.corridors = corridors
        self.cap = cap
        self.qualityGate = qualityGate
        self.residualBearer = residualBearer
    }

    /// The example tiers: 100% of own variance up to 2%, 50% for 2–4%, 20% beyond; the rest shared by budget.
    public static let tieredByBudget = RiskShareAgreement(
        name: "Tiered corridors (100% to 2%, 50% to 4%, 20% beyond), rest shared by budget", basis: .budget,
        corridors: [
            Corridor(upTo: 0.02, retained: 1), Corridor(upTo: 0.04, retained: 0.5), Corridor(upTo: nil, retained: 0.2),
        ])

    /// Why an agreement cannot settle.
    public struct Invalid: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// One partner's year: its budget, what it spent, its weighted population and whether it met the
    /// quality gate.
    public struct Position: Sendable, Hashable, Codable {
        /// The partner's code.
        public var partner: String
        /// Its budget, in pence.
        public var budgetPence: Int64
        /// Its actual spend (outturn), in pence.
        public var actualPence: Int64
        /// Its needs-weighted population (for the weighted-population basis).
        public var weightedPopulation: Double?
        /// Whether it met the quality gate.
        public var metQualityGate: Bool

        /// Makes a position.
        public init(
            partner: String, budget: Money, actual: Money, weightedPopulation: Double? = nil,
            metQualityGate: Bool = true
        ) {
            self.partner = partner
            self.budgetPence = budget.pence
            self.actualPence = actual.pence
            self.weightedPopulation = weightedPopulation
            self.metQualityGate = metQualityGate
        }

        /// Actual − budget: positive is an overspend.
        public var variancePence: Int64 { actualPence - budgetPence }
    }

    /// Settles `positions`: what each partner bears of the system variance. The amounts borne add up to
    /// the system variance exactly.
    public func settle(_ positions: [Position]) throws(Invalid) -> Settlement {
        guard !positions.isEmpty else { throw Invalid(description: "there are no partners to settle between") }
        guard Set(positions.map(\.partner)).count == positions.count else {
            throw Invalid(description: "a partner appears twice")
        }
        if let bad = positions.first(where: { $0.budgetPence < 0 || $0.actualPence < 0 }) {
            throw Invalid(description: "\(bad.partner) has a negative budget or actual")
        }
        try validateCorridors()
        // The pooled variance is split to the penny in `Double`, exact only up to 2^53 pence.
        var magnitude: UInt64 = 0
        for position in positions {
            let (sum, overflow) = magnitude.addingReportingOverflow(
                position.actualPence.magnitude &+ position.budgetPence.magnitude)
            guard !overflow, sum <= 1 << 53 else {
                throw Invalid(description: "the budgets and actuals are too large to settle to the penny")
            }
            magnitude = sum
        }
        if let residualBearer, !positions.contains(where: { $0.partner == residualBearer }) {
            throw Invalid(description: "the residual bearer \(residualBearer) is not one of the partners")
        }
        let basisWeights: [Double]
        switch basis {
        case .budget: basisWeights = positions.map { Double($0.budgetPence) }
        case .weightedPopulation:
            guard positions.allSatisfy({ ($0.weightedPopulation ?? -1) >= 0 }) else {
                throw Invalid(
                    description: "every partner needs a weighted population for the weighted-population basis")
            }
            basisWeights = positions.map { $0.weightedPopulation! }
        }
        guard basisWeights.reduce(0, +) > 0 else { throw Invalid(description: "the sharing basis sums to zero") }

        // 1. Own variance retained through the corridors.
        let retained = positions.map { retainedPence(variance: $0.variancePence, budget: $0.budgetPence) }
        // 2. The rest is pooled and shared by basis (gains only among those that met the gate).
        let pooled = zip(positions, retained).reduce(Int64(0)) { $0 + $1.0.variancePence - $1.1 }
        var eligible = basisWeights
        if qualityGate, pooled < 0, positions.contains(where: \.metQualityGate) {
            for index in positions.indices where !positions[index].metQualityGate { eligible[index] = 0 }
        }
        if eligible.reduce(0, +) <= 0 { eligible = basisWeights }
        let shared = Money(pence: pooled).split(by: eligible)!.map(\.pence)
        var borne = zip(retained, shared).map { $0 + $1 }
        // 3. Caps: clamp, and share what is clamped off among those still under their caps.
        var capped = [Bool](repeating: false, count: positions.count)
        var residual: Int64 = 0
        if let cap {
            let limits = positions.map { Int64((Double($0.budgetPence) * cap).rounded(.down)) }
            while true {
                var excess: Int64 = 0
                for index in borne.indices where abs(borne[index]) > limits[index] {
                    let limit = borne[index] > 0 ? limits[index] : -limits[index]
                    excess += borne[index] - limit
                    borne[index] = limit
                    capped[index] = true
                }
                guard excess != 0 else { break }
                let open = positions.indices.map { capped[$0] ? 0 : basisWeights[$0] }
                guard open.reduce(0, +) > 0, let parts = Money(pence: excess).split(by: open) else {
                    residual = excess
                    break
                }
                for index in borne.indices { borne[index] += parts[index].pence }
            }
        }
        if residual != 0 {
            let bearer = residualBearer.flatMap { code in positions.firstIndex { $0.partner == code } }
            guard let bearer else {
                throw Invalid(
                    description:
                        "every partner is at its cap and \(Money(pence: residual)) is left over: name a residual bearer"
                )
            }
            borne[bearer] += residual
        }
        return Settlement(
            agreement: name,
            lines: positions.indices.map { index in
                Settlement.Line(
                    partner: positions[index].partner, budgetPence: positions[index].budgetPence,
                    actualPence: positions[index].actualPence, retainedPence: retained[index],
                    sharedPence: borne[index] - retained[index], bornePence: borne[index], capped: capped[index])
            })
    }

    private func validateCorridors() throws(Invalid) {
        var last = 0.0
        for (index, corridor) in corridors.enumerated() {
            guard (0...1).contains(corridor.retained) else {
                throw Invalid(
                    description: "corridor \(index + 1) retains \(corridor.retained), not a share between 0 and 1")
            }
            if let upTo = corridor.upTo {
                guard upTo > last else {
                    throw Invalid(description: "corridor bounds must rise: \(upTo) after \(last)")
                }
                last = upTo
            } else if index != corridors.count - 1 {
                throw Invalid(description: "only the last corridor may be open-ended")
            }
        }
        if let cap, cap < 0 { throw Invalid(description: "the cap must not be negative") }
    }

    /// The part of a partner's own variance it bears itself, tier by tier.
    func retainedPence(variance: Int64, budget: Int64) -> Int64 {
        guard !corridors.isEmpty, variance != 0 else { return 0 }
        let magnitude = Double(abs(variance))
        var kept = 0.0
        var floor = 0.0
        for corridor in corridors {
            let ceiling = corridor.upTo.map { $0 * Double(budget) } ?? .infinity
            let inTier = max(0, min(magnitude, ceiling) - floor)
            kept += inTier * corridor.retained
            floor = ceiling
            if magnitude <= ceiling { break }
        }
        let pence = Int64(kept.rounded())
        return variance > 0 ? pence : -pence
    }
}
