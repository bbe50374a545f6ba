import ConcordatCore
import Finance
import Testing

@Suite("Risk and gain share: corridors, caps, quality gate; the parts are the variance")
struct RiskShareTests {
    static let million: Int64 = 100_000_000

    @Test("tiered corridors by hand: 100% to 2%, 50% to 4%, 20% beyond")
    func corridorsByHand() throws {
        // The trust overspends £5m on £100m: it keeps £2m + £1m + £0.2m = £3.2m; £1.8m is pooled and shared
        // by budget (£100m : £50m : £50m).
        let positions = [
            RiskShareAgreement.Position(
                partner: "trust", budget: Money(pence: 100 * Self.million), actual: Money(pence: 105 * Self.million)),
            .init(partner: "council", budget: Money(pence: 50 * Self.million), actual: Money(pence: 50 * Self.million)),
            .init(partner: "icb", budget: Money(pence: 50 * Self.million), actual: Money(pence: 50 * Self.million)),
        ]
        let settlement = try RiskShareAgreement.tieredByBudget.settle(positions)
        let trust = settlement.lines[0]
        #expect(trust.retainedPence == 320 * Self.million / 100)
        #expect(trust.sharedPence == 90 * Self.million / 100)
        #expect(trust.bornePence == 410 * Self.million / 100)
        #expect(settlement.lines[1].bornePence == 45 * Self.million / 100)
        #expect(settlement.lines[1].transferPence == 45 * Self.million / 100)  // the council pays in £0.45m
        #expect(trust.transferPence == -90 * Self.million / 100)  // the trust receives £0.9m
        #expect(settlement.borne == settlement.variance)
    }

    @Test("the quality gate keeps a failing partner out of pooled gains")
    func qualityGate() throws {
        let agreement = RiskShareAgreement(name: "gain share", basis: .budget, qualityGate: true)
        let settlement = try agreement.settle([
            .init(partner: "a", budget: Money(pence: 1_000_000), actual: Money(pence: 900_000), metQualityGate: false),
            .init(partner: "b", budget: Money(pence: 1_000_000), actual: Money(pence: 1_000_000)),
        ])
        #expect(settlement.lines[0].bornePence == 0)
        #expect(settlement.lines[1].bornePence == -100_000)
    }

    @Test("a cap limits what a partner bears; the excess goes to the others, then the residual bearer")
    func caps() throws {
        let agreement = RiskShareAgreement(name: "capped", basis: .budget, cap: 0.01, residualBearer: "icb")
        let settlement = try agreement.settle([
            .init(partner: "trust", budget: Money(pence: 10_000_000), actual: Money(pence: 12_000_000)),
            .init(partner: "icb", budget: Money(pence: 10_000_000), actual: Money(pence: 10_000_000)),
        ])
        // £20,000 overspend pooled by budget: £10,000 each, capped at 1% = £1,000; the ICB takes the rest.
        #expect(settlement.lines[0].bornePence == 100_000)
        #expect(settlement.lines[0].capped)
        #expect(settlement.lines[1].bornePence == 1_900_000)
        #expect(settlement.borne == settlement.variance)
    }

    @Test("property: whatever the positions, the amounts borne add up to the variance exactly", arguments: 0..<30)
    func addsUp(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) + 11)
        let count = 1 + random.below(8)
        let positions = (0..<count).map { index in
            let budget = Int64(random.below(2_000_000_000)) + 1
            return RiskShareAgreement.Position(
                partner: "p\(index)", budget: Money(pence: budget),
                actual: Money(pence: max(0, budget + Int64(random.below(200_000_000)) - 100_000_000)),
                weightedPopulation: random.unit() * 100_000, metQualityGate: random.unit() < 0.7)
        }
        let agreements = [
            RiskShareAgreement.tieredByBudget,
            RiskShareAgreement(name: "wp", basis: .weightedPopulation, qualityGate: true),
            RiskShareAgreement(
                name: "capped", basis: .budget,
                corridors: [.init(upTo: 0.01, retained: 0.5), .init(upTo: nil, retained: 0.1)],
                cap: 0.03, residualBearer: "p0"),
        ]
        for agreement in agreements {
            let settlement = try agreement.settle(positions)
            #expect(settlement.borne == settlement.variance, "\(agreement.name)")
            #expect(settlement.lines.reduce(0) { $0 + $1.transferPence } == 0)
            if let cap = agreement.cap {
                for line in settlement.lines where line.partner != "p0" {
                    #expect(abs(line.bornePence) <= Int64(Double(line.budgetPence) * cap))
                }
            }
        }
    }
}
