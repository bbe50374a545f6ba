import ConcordatCore
import Finance
import Foundation

/// How one area's budget was reached, step by step from the control total: each step's share of its
/// parent's weighted population, the exact amount and the pence after the largest remainder method;
/// then its need index. ``text`` says it in sentences.
public struct AllocationExplanation: Sendable, Hashable, Codable {
    /// One step down the hierarchy: a child's share of its parent's budget.
    public struct Step: Sendable, Hashable, Codable {
        /// The child area's code.
        public var code: String
        /// Its name.
        public var name: String
        /// The parent's code.
        public var parent: String
        /// The child's weighted population.
        public var weightedPopulation: Double
        /// The parent's weighted population.
        public var parentWeightedPopulation: Double
        /// The child's share of the parent's weighted population.
        public var share: Double
        /// The parent's budget, in pence.
        public var parentBudgetPence: Int64
        /// The child's budget, in pence, after the largest remainder method.
        public var budgetPence: Int64
        /// How many areas shared the parent's budget.
        public var siblings: Int
    }

    /// The area's code.
    public var code: String
    /// Its name.
    public var name: String
    /// The financial year, when one was given.
    public var year: FinancialYear?
    /// The control total, in pence.
    public var controlTotalPence: Int64
    /// Each step from the system down to the area.
    public var steps: [Step]
    /// The area's population the weights apply to.
    public var population: Double
    /// Its weighted population.
    public var weightedPopulation: Double
    /// Its need index.
    public var needIndex: Double
    /// Its target share of the system.
    public var targetShare: Double
    /// The explanation in sentences, as `concordat allocate --explain` prints it.
    public var text: [String]

    /// The explanation of `code`'s budget in `allocation`.
    /// - Throws: ``FinanceQuestionRefusal`` when no area has the code.
    public init(of code: String, in allocation: CapitationAllocation, system: HealthSystem, year: FinancialYear?)
        throws(FinanceQuestionRefusal)
    {
        guard let area = system.area(code), let line = allocation.line(code) else {
            throw FinanceQuestionRefusal(.explain, "no area has the code '\(FinanceInputRefusal.quoted(code))'")
        }
        self.code = code
        name = area.name
        self.year = year
        controlTotalPence = allocation.controlTotal.pence
        population = line.population
        weightedPopulation = line.weightedPopulation
        needIndex = line.needIndex
        targetShare = line.targetShare
        var text = [
            "How \(area.name) (\(code)) was allocated\(year.map { " for \($0)" } ?? ""):", "",
            "Control total: \(allocation.controlTotal) for \(system.root.name).",
        ]
        var steps: [Step] = []
        let chain = system.lineage(of: code)
        for (parent, child) in zip(chain, chain.dropFirst()) {
            guard let p = allocation.line(parent.code), let c = allocation.line(child.code) else { continue }
            let siblings = system.children(of: parent.code).count
            let share = p.weightedPopulation > 0 ? c.weightedPopulation / p.weightedPopulation : 0
            let exact = Double(p.budgetPence) * share / 100
            steps.append(
                Step(
                    code: child.code, name: child.name, parent: parent.code, weightedPopulation: c.weightedPopulation,
                    parentWeightedPopulation: p.weightedPopulation, share: share, parentBudgetPence: p.budgetPence,
                    budgetPence: c.budgetPence, siblings: siblings))
            text.append(
                "\(child.name): weighted population \(String(format: "%.1f", c.weightedPopulation)) of \(parent.name)'s "
                    + "\(String(format: "%.1f", p.weightedPopulation)) = \(String(format: "%.6f%%", share * 100)); "
                    + "\(String(format: "%.6f%%", share * 100)) × \(Money(pence: p.budgetPence)) = £\(String(format: "%.4f", exact)) exactly, "
                    + "\(Money(pence: c.budgetPence)) after the largest remainder method shares the odd pence among \(siblings) areas."
            )
        }
        text.append("")
        text.append(
            "Need index: (weighted \(String(format: "%.1f", line.weightedPopulation)) ÷ population \(String(format: "%.1f", line.population))) "
                + "÷ the system's ratio = \(String(format: "%.4f", line.needIndex)). Target share of the system: "
                + "\(String(format: "%.6f%%", line.targetShare * 100)).")
        self.steps = steps
        self.text = text
    }
}
