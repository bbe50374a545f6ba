import ConcordatCore

/// A control total split into capitated budgets down a system's hierarchy by needs-weighted population:
/// the system's total across places, each place's across its neighbourhoods (and any practices directly
/// under it), each neighbourhood's across its practices. Each split uses the largest remainder method,
/// so every level adds up to the level above, to the penny.
///
/// Target share = WP_i / ΣWP; need index NI = (WP_i / pop_i) / (WP_system / pop_system) (NHS England,
/// *Technical Guide to ICB allocations*).
public struct CapitationAllocation: Sendable {
    /// One area's budget and the figures it came from.
    public struct Line: Sendable, Hashable, Codable {
        /// The area's code.
        public var code: String
        /// Its name.
        public var name: String
        /// Its level key (system, place, neighbourhood, practice).
        public var level: String
        /// The area it belongs to.
        public var parent: String?
        /// The population the weights apply to.
        public var population: Double
        /// Its needs-weighted population.
        public var weightedPopulation: Double
        /// Its share of the system's weighted population.
        public var targetShare: Double
        /// Its need index.
        public var needIndex: Double
        /// Its budget in pence.
        public var budgetPence: Int64
        /// NHS England's nine place-based need indices for its practices, when the ICB's published file is
        /// given (``PlaceNeedIndices``).
        public var needIndices: PlaceNeedIndices?
    }

    /// The control total allocated.
    public let controlTotal: Money
    /// Every area's line, in the hierarchy's order (the system first).
    public let lines: [Line]

    /// Why an allocation cannot be made.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The control total is negative.
        case negativeControlTotal
        /// No practice of the system has a weighted population.
        case noWeightedPopulation
        /// Place budgets given in advance miss a place or do not add up to the control total.
        case placeBudgetsDoNotAddUp

        /// The reason in words.
        public var description: String {
            switch self {
            case .negativeControlTotal: "the control total must not be negative"
            case .noWeightedPopulation: "no practice of the system has a weighted population"
            case .placeBudgetsDoNotAddUp: "the place budgets must cover every place and add up to the control total"
            }
        }
    }

    /// Allocates `controlTotal` across `system` using each practice's weighted population.
    /// Practices with no weighted population get nothing and are reported in ``unweighted``.
    ///
    /// - Parameter placeBudgets: budgets already set for the areas directly under the system (by
    ///   ``PaceOfChange``); they must add up to the control total. Each is then split down by weighted
    ///   population as usual.
    /// - Parameter icb: every practice record of the ICB in NHS England's published file (closed practices
    ///   included), to give each line the allocation tool's ``PlaceNeedIndices``; `nil` for none.
    public init(
        controlTotal: Money, system: HealthSystem, weights: [String: WeightedPopulation],
        placeBudgets: [String: Money]? = nil, icb: [WeightedPopulation]? = nil
    ) throws(Problem) {
        guard controlTotal.pence >= 0 else { throw .negativeControlTotal }
        self.controlTotal = controlTotal
        // Weighted population and population of every area, summed up from its practices.
        var weighted: [String: Double] = [:]
        var population: [String: Double] = [:]
        var unweighted: [String] = []
        let leaf = system.levels.last?.key ?? "practice"
        for practice in system.areas(atLevel: leaf) {
            guard let record = weights[practice.code] else {
                unweighted.append(practice.code)
                continue
            }
            for area in system.lineage(of: practice.code) {
                weighted[area.code, default: 0] += record.weighted
                population[area.code, default: 0] += record.population
            }
        }
        let root = system.root
        guard let systemWeighted = weighted[root.code], systemWeighted > 0,
            let systemPopulation = population[root.code], systemPopulation > 0
        else {
            throw .noWeightedPopulation
        }
        self.unweighted = unweighted
        var budget: [String: Int64] = [root.code: controlTotal.pence]
        if let placeBudgets {
            let places = system.children(of: root.code)
            guard places.allSatisfy({ placeBudgets[$0.code] != nil }),
                places.reduce(0, { $0 + placeBudgets[$1.code]!.pence }) == controlTotal.pence
            else { throw .placeBudgetsDoNotAddUp }
            for place in places { budget[place.code] = placeBudgets[place.code]!.pence }
        }
        // Top-down: split each area's budget across its children by weighted population.
        for area in system.areas {
            let children = system.children(of: area.code)
            guard !children.isEmpty, let amount = budget[area.code], placeBudgets == nil || area.code != root.code
            else {
                continue
            }
            let shares = children.map { weighted[$0.code, default: 0] }
            let parts = Money(pence: amount).split(by: shares) ?? children.map { _ in .zero }
            for (child, part) in zip(children, parts) { budget[child.code] = part.pence }
        }
        // The practices under every area, for the need indices.
        var practicesUnder: [String: [String]] = [:]
        if icb != nil {
            for practice in system.areas(atLevel: leaf) {
                for area in system.lineage(of: practice.code) {
                    practicesUnder[area.code, default: []].append(practice.code)
                }
            }
        }
        lines = system.areas.map { area in
            let wp = weighted[area.code, default: 0]
            let pop = population[area.code, default: 0]
            return Line(
                code: area.code, name: area.name, level: area.level, parent: area.parentCode, population: pop,
                weightedPopulation: wp, targetShare: wp / systemWeighted,
                needIndex: pop > 0 ? (wp / pop) / (systemWeighted / systemPopulation) : 0,
                budgetPence: budget[area.code, default: 0],
                needIndices: icb.flatMap { PlaceNeedIndices.of(cluster: practicesUnder[area.code] ?? [], icb: $0) })
        }
    }

    /// Practices with no weighted population (allocated nothing).
    public let unweighted: [String]

    /// The line for `code`.
    public func line(_ code: String) -> Line? { lines.first { $0.code == code } }
}

extension CapitationAllocation {
    /// The allocation as JSON: `{"controlTotalPence", "allocations": [{"code", "name", "level", "parent",
    /// "population", "weightedPopulation", "needIndex", "budgetPence"}]}`, as `concordat allocate --format
    /// json` prints and `GET /api/v1/allocation` returns.
    public struct Document: Codable, Sendable {
        /// One area's budget.
        public struct Allocation: Codable, Sendable {
            /// The area's code.
            public var code: String
            /// Its name.
            public var name: String
            /// Its level key.
            public var level: String
            /// The area it belongs to.
            public var parent: String?
            /// The population the weights apply to.
            public var population: Double
            /// Its needs-weighted population.
            public var weightedPopulation: Double
            /// Its need index.
            public var needIndex: Double
            /// Its budget in pence.
            public var budgetPence: Int64
            /// NHS England's place-based need indices, rounded half-up to 2 dp as the tool shows them.
            public var needIndices: PlaceNeedIndices?
        }

        /// A further split of the budgets (``BudgetMatrix``): rows, columns and cells in pence.
        public struct Matrix: Codable, Sendable {
            /// The row labels (area codes).
            public var rows: [String]
            /// The column labels (components or care networks).
            public var columns: [String]
            /// The cells, row by row, in pence.
            public var cellsPence: [[Int64]]

            /// The matrix's document.
            public init(_ matrix: BudgetMatrix) {
                rows = matrix.rows
                columns = matrix.columns
                cellsPence = matrix.cells
            }
        }

        /// The control total in pence.
        public var controlTotalPence: Int64
        /// Every area's budget, the system first.
        public var allocations: [Allocation]
        /// Budgets split by component or care network, when asked for.
        public var matrix: Matrix?
    }

    /// The allocation as a ``Document``.
    public var document: Document {
        Document(
            controlTotalPence: controlTotal.pence,
            allocations: lines.map {
                Document.Allocation(
                    code: $0.code, name: $0.name, level: $0.level, parent: $0.parent, population: $0.population,
                    weightedPopulation: $0.weightedPopulation, needIndex: $0.needIndex, budgetPence: $0.budgetPence,
                    needIndices: $0.needIndices)
            })
    }
}
