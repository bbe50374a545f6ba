import ConcordatCore
import Finance
import Foundation
import Ingest
import Storage

/// The finance picture of a stored system, answered the same for the command line and the API: the
/// allocation of a control total (with pace of change and the explanation of any budget), budget
/// matrices, the ledger grouped by partner, place or pool, and the year-end settlement.
public struct SystemMoney: Sendable {
    /// The system's allocation bases, spend and partners.
    public var finances: SystemFinances
    /// Answers already computed.
    public var cache: FinanceCache

    /// The picture of `finances`, computing each answer once into `cache`.
    public init(finances: SystemFinances, cache: FinanceCache = FinanceCache()) {
        self.finances = finances
        self.cache = cache
    }

    /// The picture of the system stored in `store`, with its dataset's summary; `nil` when it holds no
    /// system.
    public static func read(from store: any Store) async throws -> SystemMoney? {
        guard let system = try await store.loadSystem() else { return nil }
        let pack = try await SystemPackStorage.pack(in: store, for: system)
        return SystemMoney(
            finances: try SystemFinances(system: system, dataset: try await store.datasetSummary(), pack: pack))
    }

    /// The system.
    public var system: HealthSystem { finances.system }

    /// A partner's name.
    public func partnerName(_ code: String) -> String { finances.partnerName(code) }

    // MARK: - Allocation

    /// The control total split on `basis`, computed once.
    public func allocation(_ total: Money, basis: SystemFinances.Basis = .published) async throws
        -> CapitationAllocation
    {
        try await cache.value("allocation|\(total.pence)|\(basis.rawValue)") {
            try finances.allocation(total, basis: basis)
        }
    }

    /// The places' budgets by care network, computed once.
    public func networks(_ total: Money, basis: SystemFinances.Basis) async throws -> BudgetMatrix {
        let allocation = try await self.allocation(total, basis: basis)
        return try await cache.value("networks|\(total.pence)|\(basis.rawValue)") {
            try finances.networkMatrix(allocation)
        }
    }

    /// The answer to an allocation question.
    /// - Throws: ``FinanceQuestionRefusal`` for inputs that do not fit the system (an unknown area to
    ///   explain, an unknown component, baselines that do not cover the places or cannot afford the
    ///   floor); `SystemFinances.Problem` when the system cannot answer (no dataset loaded).
    public func answer(_ question: AllocationQuestion) async throws -> AllocationAnswer {
        try question.check()
        if let explain = question.explain, system.area(explain) == nil {
            throw FinanceQuestionRefusal(.explain, "no area has the code '\(FinanceInputRefusal.quoted(explain))'")
        }
        if let shares = question.componentShares {
            let known = finances.components(question.basis)
            if let unknown = shares.keys.sorted().first(where: { !known.contains($0) }) {
                throw FinanceQuestionRefusal(
                    .componentShares, "'\(unknown)' is not a component: give \(known.joined(separator: ", "))")
            }
        }
        var allocation = try await self.allocation(question.controlTotal, basis: question.basis)
        var paced: [PacedBudget]?
        if let pace = question.pace, let baselines = question.baselines {
            let results = try self.paced(allocation, pace: pace, baselines: baselines)
            paced = results.map(PacedBudget.init)
            let weights = try finances.weights(question.basis)
            do {
                allocation = try CapitationAllocation(
                    controlTotal: question.controlTotal, system: system, weights: weights,
                    placeBudgets: Dictionary(uniqueKeysWithValues: results.map { ($0.code, $0.budget) }),
                    icb: Array(finances.publishedWeights.values))
            } catch {
                throw FinanceQuestionRefusal(.pace, "the paced place budgets could not be allocated: \(error)")
            }
        }
        var explanation: AllocationExplanation?
        if let code = question.explain {
            explanation = try AllocationExplanation(of: code, in: allocation, system: system, year: question.year)
        }
        let matrix: BudgetMatrix?
        switch question.breakdown {
        case .component:
            matrix = try finances.componentMatrix(
                allocation, basis: question.basis, level: question.level, spendShares: question.componentShares)
        case .network:
            matrix =
                paced == nil
                ? try await networks(question.controlTotal, basis: question.basis)
                : try finances.networkMatrix(allocation)
        case nil: matrix = nil
        }
        return AllocationAnswer(allocation, matrix: matrix, pace: paced, explanation: explanation)
    }

    /// The places' budgets under `pace` from `baselines`, their targets being `allocation`'s.
    private func paced(_ allocation: CapitationAllocation, pace: PaceOfChange, baselines: [String: Money])
        throws(FinanceQuestionRefusal) -> [PaceOfChange.Result]
    {
        let places = system.children(of: system.root.code)
        if let stray = baselines.keys.sorted().first(where: { code in !places.contains { $0.code == code } }) {
            throw FinanceQuestionRefusal(.baselines, "'\(stray)' is not a place of \(system.name)")
        }
        do {
            return try pace.apply(
                controlTotal: allocation.controlTotal,
                targets: places.map { ($0.code, Money(pence: allocation.line($0.code)?.budgetPence ?? 0)) },
                baselines: baselines)
        } catch {
            switch error {
            case .missingBaseline: throw FinanceQuestionRefusal(.baselines, error.description)
            case .floorUnaffordable: throw FinanceQuestionRefusal(.pace, error.description)
            }
        }
    }

    // MARK: - Ledger

    /// The year's ledger for a control total, from the dataset's actuals, computed once.
    public func ledger(_ total: Money, months: Int) async throws -> Ledger {
        let allocation = try await self.allocation(total)
        return try await cache.value("ledger|\(total.pence)|\(months)") {
            try finances.ledger(allocation, monthsElapsed: months)
        }
    }

    /// The ledger a question asks about, with imported actuals if given.
    public func ledger(_ question: LedgerQuestion, actualsFile: String = "actuals") async throws -> Ledger {
        try question.check()
        let ledger = try await self.ledger(
            question.controlTotal ?? finances.defaultControlTotal, months: question.months)
        guard let actuals = question.actuals else { return ledger }
        return try ledger.replacingActuals(with: actuals, file: actualsFile)
    }

    /// The ledger's statements grouped: code, name and statement, sorted by name, the lines in no pool
    /// last.
    public func groups(_ ledger: Ledger, by grouping: LedgerGrouping)
        -> [(code: String, name: String, statement: Ledger.Statement)]
    {
        let statements = ledger.statements { line in
            switch grouping {
            case .partner: line.partner
            case .place: line.place
            case .pool: line.pool ?? LedgerGrouping.unpooledCode
            }
        }
        let named = statements.map { code, statement in
            let name =
                switch grouping {
                case .partner: partnerName(code)
                case .place: system.area(code)?.name ?? code
                case .pool: code == LedgerGrouping.unpooledCode ? LedgerGrouping.unpooledName : code
                }
            return (code: code, name: name, statement: statement)
        }
        return named.sorted { a, b in
            let (aLast, bLast) = (
                grouping == .pool && a.code == LedgerGrouping.unpooledCode,
                grouping == .pool && b.code == LedgerGrouping.unpooledCode
            )
            if aLast != bLast { return bLast }
            return (a.name, a.code) < (b.name, b.code)
        }
    }

    /// The answer to a ledger question: each group's budget, actuals and forecast, and the system's.
    public func answer(_ question: LedgerQuestion, actualsFile: String = "actuals") async throws -> Ledger.Document {
        let ledger = try await self.ledger(question, actualsFile: actualsFile)
        return ledger.document(
            groups: groups(ledger, by: question.grouping), system: (system.root.code, system.name),
            method: question.forecast)
    }

    // MARK: - Settlement

    /// The answer to a settlement question: what each partner bears of the system's variance.
    /// - Throws: `RiskShareAgreement.Invalid` when the agreement cannot settle the positions.
    public func answer(_ question: SettlementQuestion) async throws -> Settlement {
        let positions: [RiskShareAgreement.Position]
        if let given = question.positions {
            positions = given
        } else {
            positions = try await ledger(question.ledger).positions(method: question.forecast)
        }
        return try (question.agreement ?? finances.agreement).settle(positions)
    }
}
