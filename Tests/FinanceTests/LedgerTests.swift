import ConcordatCore
import Finance
import Testing

@Suite("Ledger: monthly budgets, year-to-date variance, forecast outturn")
struct LedgerTests {
    static let months = (1...12).map { String(format: "2026-%02d", $0) }

    @Test("run rate and seasonal forecasts by hand")
    func forecasts() throws {
        // £1,200 a year; £110 a month spent for six months.
        let line = Ledger.Line(
            partner: "trust", place: "east", annualBudget: Money(pence: 120_000),
            actual: [Money](repeating: Money(pence: 11_000), count: 6))
        let flat = try Ledger(months: Self.months, controlTotal: Money(pence: 120_000), lines: [line])
        let statement = flat.system
        #expect(statement.budgetByMonth == [Int64](repeating: 10_000, count: 12))
        #expect(statement.budgetToDate == Money(pence: 60_000))
        #expect(statement.actualToDate == Money(pence: 66_000))
        #expect(statement.varianceToDate == Money(pence: 6_000))
        #expect(statement.runRateOutturn == Money(pence: 132_000))
        #expect(statement.seasonalOutturn == Money(pence: 132_000))
        #expect(statement.forecastVariance(.runRate) == Money(pence: 12_000))
        // Winter-heavy profile: the second half of the year weighs twice the first. The first six months
        // usually take a third of the year, so the seasonal outturn is £660 × 3 = £1,980.
        let profile = try SeasonalProfile(weights: [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2])
        let seasonal = try Ledger(
            months: Self.months, controlTotal: Money(pence: 120_000), lines: [line], profile: profile)
        #expect(seasonal.system.seasonalOutturn == Money(pence: 198_000))
        #expect(seasonal.system.runRateOutturn == Money(pence: 132_000))
        // Months take their exact share (£66.666…, £133.333…) to within a penny, and add up to the year.
        for (month, budget) in seasonal.system.budgetByMonth.enumerated() {
            #expect(abs(Double(budget) - 120_000 * (month < 6 ? 1 : 2) / 18) < 1)
        }
        #expect(seasonal.system.budgetByMonth.reduce(0, +) == 120_000)
    }

    @Test("property: partner, place and pool statements add up to the system", arguments: 0..<10)
    func rollsUp(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) + 5)
        let elapsed = random.below(13)
        let lines = (0..<20).map { index in
            Ledger.Line(
                partner: "partner\(index % 4)", place: "place\(index % 3)", pool: index % 5 == 0 ? "bcf" : nil,
                annualBudget: Money(pence: Int64(random.below(1_000_000_000))),
                actual: (0..<elapsed).map { _ in Money(pence: Int64(random.below(90_000_000))) })
        }
        let total = Money(pence: lines.reduce(0) { $0 + $1.annualBudgetPence })
        let ledger = try Ledger(months: Self.months, controlTotal: total, lines: lines)
        #expect(ledger.unallocated == .zero)
        let system = ledger.system
        #expect(system.annualBudget == total)
        for grouping in [{ (line: Ledger.Line) in line.partner }, { $0.place }] {
            let parts = ledger.statements(by: grouping).values
            #expect(parts.reduce(Money.zero) { $0 + $1.annualBudget } == system.annualBudget)
            #expect(parts.reduce(Money.zero) { $0 + $1.actualToDate } == system.actualToDate)
            #expect(parts.reduce(Money.zero) { $0 + $1.seasonalOutturn } == system.seasonalOutturn)
            #expect(parts.reduce(Money.zero) { $0 + $1.varianceToDate } == system.varianceToDate)
        }
        #expect(system.forecastByMonth.prefix(elapsed).elementsEqual(system.actualByMonth))
    }

    @Test("uneven months of actuals are refused")
    func refusesUneven() {
        #expect(throws: Ledger.Invalid.self) {
            try Ledger(
                months: Self.months, controlTotal: .zero,
                lines: [
                    .init(partner: "a", place: "x", annualBudget: .zero, actual: [.zero]),
                    .init(partner: "b", place: "x", annualBudget: .zero, actual: []),
                ])
        }
    }
}
