import ConcordatCore
import ConcordatTestSupport
import Finance
import Testing

@Suite("Budgets as cells of place × network, both margins to the penny")
struct BudgetMatrixTests {
    @Test("a worked example: every cell within a penny of its exact share, both margins exact")
    func workedExample() throws {
        // Two places, three networks; exact shares have third-pence so rounding must be controlled.
        let matrix = try BudgetMatrix(
            rows: [
                ("east", Money(pence: 100), [1, 1, 1]),
                ("west", Money(pence: 200), [1, 1, 1]),
            ], columns: ["a", "b", "c"])
        #expect(matrix.rowTotal("east") == Money(pence: 100))
        #expect(matrix.rowTotal("west") == Money(pence: 200))
        // Column exact sums are 100 each, so each column gets exactly £1.00.
        for column in ["a", "b", "c"] { #expect(matrix.columnTotal(column) == Money(pence: 100)) }
        #expect(matrix.total == Money(pence: 300))
        for (row, exact) in [("east", 100.0 / 3), ("west", 200.0 / 3)] {
            for column in ["a", "b", "c"] {
                #expect(abs(Double(matrix.cell(row, column)!.pence) - exact) < 1)
            }
        }
    }

    @Test("property: rows, columns and control total reconcile for random tables", arguments: 0..<40)
    func reconciles(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) + 1)
        let rowCount = 1 + random.below(12)
        let columnCount = 1 + random.below(8)
        let columns = (0..<columnCount).map { "n\($0)" }
        var rows: [(label: String, budget: Money, weights: [Double])] = []
        for row in 0..<rowCount {
            var weights = (0..<columnCount).map { _ in random.unit() < 0.2 ? 0 : random.unit() * 1000 }
            if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
            let budget = Money(pence: Int64(random.below(1_000_000_000)) * (random.unit() < 0.5 ? 1 : 1000))
            rows.append(("p\(row)", budget, weights))
        }
        let matrix = try BudgetMatrix(rows: rows, columns: columns)
        let total = rows.reduce(Int64(0)) { $0 + $1.budget.pence }
        #expect(matrix.total.pence == total)
        var columnExact = [Double](repeating: 0, count: columnCount)
        for (index, row) in rows.enumerated() {
            #expect(matrix.rowTotal(row.label) == row.budget, "row \(index)")
            let weightTotal = row.weights.reduce(0, +)
            for column in 0..<columnCount {
                let exact = Double(row.budget.pence) * row.weights[column] / weightTotal
                columnExact[column] += exact
                let cell = matrix.cells[index][column]
                #expect(cell >= 0)
                #expect(abs(Double(cell) - exact) < 1.000001, "cell \(index),\(column)")
            }
        }
        let expectedColumns = Money(pence: total).split(by: columnExact)!
        for column in 0..<columnCount {
            #expect(matrix.columnTotal(columns[column]) == expectedColumns[column])
        }
    }

    @Test("a row with a budget and no weights is refused")
    func refusesWeightless() {
        #expect(throws: BudgetMatrix.Problem.rowWithoutWeights("x")) {
            try BudgetMatrix(rows: [("x", Money(pence: 5), [0, 0])], columns: ["a", "b"])
        }
    }

    @Test("LLR's six care networks claim every setting once; children's spend goes to Children & Maternity")
    func careNetworks() throws {
        let model = try #require(try BundledPacks.llr.get().finance.careNetworks)
        #expect(model.networks.count == 6)
        #expect(model.networks[model.network(for: .ae, age: 40)].code == "urgent-emergency")
        #expect(model.networks[model.network(for: .ae, age: 10)].code == "children-maternity")
        #expect(model.networks[model.network(for: .adultSocialCare, age: 80)].code == "home-first")
        #expect(throws: CareNetworkModel.Problem.settingUnclaimed("hospice")) {
            try CareNetworkModel(networks: [
                CareNetwork(
                    code: "all", name: "All",
                    settings: CareSetting.allCases.map(\.code).filter { $0 != "hospice" })
            ])
        }
    }
}
