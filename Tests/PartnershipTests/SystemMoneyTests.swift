import ConcordatCore
import ConcordatTestSupport
import Finance
import Foundation
import Ingest
import Partnership
import Storage
import Testing

@Suite("The finance picture of a stored system")
struct SystemMoneyTests {
    /// Kent & Medway stored with a small synthetic dataset loaded.
    static func kentWithDataset() async throws -> SystemMoney {
        let kent = try DatasetLoadingTests.kent.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concordat-money-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = SyntheticPopulationSpec.kentMedway(seed: 5, people: 1_500)
        _ = try SyntheticPopulation.write(system: kent, spec: spec, to: folder)
        let store = try SQLiteStore()
        try await store.replaceSystem(kent)
        let loaded = try await DatasetLoading(store: store, system: kent).load(
            directory: folder, pseudonymiser: try Pseudonymiser(key: [UInt8](repeating: 5, count: 32)),
            extractDate: spec.referenceDate, source: "test")
        guard case .loaded = loaded else { throw CancellationError() }
        return try #require(try await SystemMoney.read(from: store))
    }

    @Test("a store with no system has no picture")
    func empty() async throws {
        #expect(try await SystemMoney.read(from: try SQLiteStore()) == nil)
    }

    @Test("allocation with pace and an explanation adds up to the penny; bad questions are refused by field")
    func allocation() async throws {
        let store = try SQLiteStore()
        try await store.replaceSystem(try DatasetLoadingTests.kent.get())
        let money = try #require(try await SystemMoney.read(from: store))
        let total = Money(pence: 700_000_000_01)
        let plain = try await money.answer(AllocationQuestion(controlTotal: total))
        #expect(plain.pace == nil && plain.explanation == nil && plain.matrix == nil)
        let places = plain.allocations.filter { $0.level == "place" }
        #expect(places.reduce(0) { $0 + $1.budgetPence } == total.pence)
        let baselines = Dictionary(
            uniqueKeysWithValues: places.map { ($0.code, Money(pence: $0.budgetPence * 96 / 100)) })
        let practice = try #require(plain.allocations.last { $0.level == "practice" })
        let paced = try await money.answer(
            AllocationQuestion(
                controlTotal: total, year: try FinancialYear(parsing: "2026/27"), explain: practice.code,
                pace: PaceOfChange(floor: 0.01, cap: 0.05), baselines: baselines))
        let pace = try #require(paced.pace)
        #expect(pace.reduce(0) { $0 + $1.budgetPence } == total.pence)
        #expect(pace.allSatisfy { $0.budgetPence >= baselines[$0.code]!.pence })
        for line in pace { #expect(paced.allocations.first { $0.code == line.code }?.budgetPence == line.budgetPence) }
        let explanation = try #require(paced.explanation)
        #expect(explanation.steps.count == 3)
        #expect(
            explanation.steps.last?.budgetPence == paced.allocations.first { $0.code == practice.code }?.budgetPence)
        #expect(explanation.text.first == "How \(practice.name) (\(practice.code)) was allocated for 2026/27:")

        func refusal(_ question: AllocationQuestion) async -> FinanceQuestionRefusal? {
            do {
                _ = try await money.answer(question)
                return nil
            } catch { return error as? FinanceQuestionRefusal }
        }
        #expect(await refusal(AllocationQuestion(controlTotal: total, explain: "nowhere"))?.field == .explain)
        #expect(
            await refusal(AllocationQuestion(controlTotal: total, pace: PaceOfChange(floor: 0, cap: 0)))?.field
                == .pace)
        #expect(
            await refusal(
                AllocationQuestion(controlTotal: total, breakdown: .component, componentShares: ["Dentistry": 1]))?
                .field == .componentShares)
        #expect(
            await refusal(AllocationQuestion(controlTotal: total, componentShares: ["CS": 1]))?.field
                == .componentShares)
        var missing = baselines
        missing.removeValue(forKey: places[0].code)
        #expect(
            await refusal(
                AllocationQuestion(controlTotal: total, pace: PaceOfChange(floor: 0, cap: 0), baselines: missing))?
                .field == .baselines)
        #expect(
            await refusal(
                AllocationQuestion(
                    controlTotal: total, pace: PaceOfChange(floor: 0, cap: 0),
                    baselines: baselines.merging(["QKS": .zero]) { $1 }))?
                .field == .baselines)
        let rich = baselines.mapValues { Money(pence: $0.pence * 2) }
        #expect(
            await refusal(
                AllocationQuestion(controlTotal: total, pace: PaceOfChange(floor: 0.01, cap: 0.05), baselines: rich))?
                .field == .pace)
    }

    @Test("the ledger by pool: pools by name, then Not pooled; by partner and place, by name; all add up")
    func ledger() async throws {
        let money = try await Self.kentWithDataset()
        for grouping in LedgerGrouping.allCases {
            let document = try await money.answer(
                LedgerQuestion(controlTotal: Money(pence: 500_000_000), months: 6, grouping: grouping))
            #expect(document.groups.reduce(0) { $0 + $1.annualBudgetPence } == 500_000_000)
            let names = document.groups.map(\.name)
            if grouping == .pool {
                #expect(names.last == LedgerGrouping.unpooledName && document.groups.last?.code == "none")
                #expect(names.count > 1 && Array(names.dropLast()) == names.dropLast().sorted())
            } else {
                #expect(names == names.sorted())
            }
        }
        await #expect(throws: FinanceQuestionRefusal.self) {
            try await money.answer(LedgerQuestion(months: 13))
        }
        let settlement = try await money.answer(SettlementQuestion(controlTotal: Money(pence: 500_000_000), months: 6))
        #expect(settlement.lines.reduce(0) { $0 + $1.bornePence } == settlement.variance.pence)
    }
}
