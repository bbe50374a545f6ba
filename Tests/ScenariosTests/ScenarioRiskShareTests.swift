import ConcordatCore
import Finance
import Foundation
import Scenarios
import Testing

/// Budget envelopes from the ledger and who bears what under the risk-share agreement (issue 17).
@Suite("Scenario envelopes from the ledger and the risk-share settlement")
struct ScenarioRiskShareTests {
    /// Ten people in P1, each with one emergency admission at £3,500 (ACUTE) and one community contact at
    /// £95 (COMMUNITY): baseline ACUTE £35,000, COMMUNITY £950.
    static let tiny: IntegratedDataset = {
        var data = IntegratedDataset()
        data.practiceCodes = PackedStrings(["P1", "P2", "P3"])
        data.providerCodes = PackedStrings(["ACUTE", "COMMUNITY", "COUNCIL", "GP"])
        data.lsoaCodes = PackedStrings(["E01000001"])
        data.codes = PackedStrings(["F03", "I50"])
        let day = SyntheticBaseline.period.lowerBound.adding(days: 10)
        func event(_ person: Int, _ setting: CareSetting, _ provider: UInt32, _ cost: Int64, stay: Int? = nil) {
            data.eventPerson.append(UInt32(person))
            data.eventSetting.append(setting.rawValue)
            data.eventProvider.append(provider)
            data.eventStart.append(day.daysSinceEpoch)
            data.eventEnd.append(stay.map { day.adding(days: $0).daysSinceEpoch } ?? IntegratedDataset.noDate)
            data.eventCostPence.append(cost)
            data.eventPrimaryCode.append(IntegratedDataset.noCode)
        }
        for person in 0..<10 {
            data.personIDs.append("person-\(person)")
            data.birthYear.append(1975)
            data.birthMonth.append(6)
            data.sex.append(UInt8(person % 2))
            data.lsoa.append(0)
            data.imdDecile.append(5)
            data.practice.append(0)
            data.registeredFrom.append(Day(year: 2010, month: 1, day: 1)!.daysSinceEpoch)
            data.diedOn.append(IntegratedDataset.noDate)
            event(person, .inpatientNonElective, 0, 350_000, stay: 2)
            event(person, .community, 1, 9_500)
        }
        return data
    }()

    /// The agreement of the hand-worked example: 100% of own variance to 2% of budget, 50% to 4%, 20%
    /// beyond; the rest shared by budget.
    static let agreement = RiskShareAgreement.tieredByBudget

    /// ACUTE: budget £100,000, forecast outturn £103,000 (3% over); COMMUNITY: budget £50,000, outturn
    /// £49,000 (2% under).
    static let ledger = [
        "ACUTE": LedgerBudget(budgetPence: 10_000_000, outturnPence: 10_300_000),
        "COMMUNITY": LedgerBudget(budgetPence: 5_000_000, outturnPence: 4_900_000),
    ]

    /// Half of every emergency admission shifted to community care at £180 a contact, by COMMUNITY.
    static let halfShift = ScenarioDefinition.Change(
        name: "home first", kind: .shift, setting: "inpatient_nonelective", fraction: UncertainValue(point: 0.5),
        to: .init(setting: "community", unitCostPence: 18_000, partner: "COMMUNITY"))

    static func model(
        _ definition: ScenarioDefinition, on data: IntegratedDataset = tiny,
        ledger: [String: LedgerBudget] = ledger, agreement: RiskShareAgreement? = agreement
    ) throws -> ScenarioModel {
        var finance = SyntheticBaseline.finance
        finance.ledger = ledger
        finance.ledgerSource = "test ledger"
        finance.agreement = agreement
        return try SyntheticBaseline.model(definition, on: data, finance: finance)
    }

    static func pointDefinition(
        changes: [ScenarioDefinition.Change] = [], runs: Int = 5, envelopes: [ScenarioDefinition.Envelope] = [],
        investments: [ScenarioDefinition.Investment] = []
    ) -> ScenarioDefinition {
        var definition = SyntheticBaseline.definition(
            horizon: 2, runs: runs, changes: changes, investments: investments, envelopes: envelopes)
        definition.resample = false
        return definition
    }

    @Test(
        "hand-worked: two partners under tiered corridors shared by budget bear what the agreement's rules give, to the penny"
    )
    func handWorked() throws {
        let results = try Self.model(Self.pointDefinition(changes: [Self.halfShift])).results()
        let share = try #require(results.riskShare)
        #expect(share.unavailable == nil)
        #expect(share.agreement == Self.agreement.name)
        #expect(share.partners == ["ACUTE", "COMMUNITY"])
        #expect(share.budgetPence == [10_000_000, 5_000_000])
        #expect(share.outturnPence == [10_300_000, 4_900_000])
        // Ledger alone: ACUTE +£3,000 keeps £2,000 (to 2%) + £500 (half of 2–3%); £500 pooled, shared 2:1
        // by budget: 33,333.33p and 16,666.67p, the odd penny to the larger remainder (COMMUNITY).
        // COMMUNITY −£1,000 is within 2%: it keeps all of it.
        let expectedBase: [Int64] = [283_333, -83_333]  // 200,000 + 50,000 + 33,333; −100,000 + 16,667
        #expect(share.baselineBornePence == expectedBase)
        // With the shift: ACUTE's activity costs £17,500 less (5 admissions at £3,500), COMMUNITY's £900
        // more (5 contacts at £180). ACUTE: 10,300,000 − 1,750,000 = 8,550,000, variance −1,450,000:
        // keeps 200,000 + 100,000 + 20% of 1,050,000 = 510,000; pools −940,000. COMMUNITY: 4,990,000,
        // variance −10,000, within 2%: keeps it. The pool −940,000 shared 2:1: −626,667 and −313,333.
        for year in share.years {
            let expectedVariance: [Int64] = [-1_450_000, -10_000]
            #expect(year.principalVariancePence == expectedVariance)
            let expectedBorne: [Int64] = [-1_136_667, -323_333]  // −510,000 − 626,667; −10,000 − 313,333
            #expect(year.principalBornePence == expectedBorne)
            #expect(year.principalSystemVariancePence == -1_460_000)
            for (index, expected) in [-1_136_667.0, -323_333.0].enumerated() {
                #expect(year.bornePence[index].p10 == expected && year.bornePence[index].p90 == expected)
                #expect(year.beyondBaselinePence[index].p50 == expected - Double(share.baselineBornePence[index]))
            }
        }
        #expect(share.runsSettled == 5 && share.runsAddingUp == 5)
        // Envelopes from the ledger: baseline cost + headroom. ACUTE 3,500,000 − 300,000; COMMUNITY
        // 95,000 + 100,000. The scenario's net costs (1,750,000 and 185,000) are within them.
        let acute = try #require(results.redLines.first { $0.kind == .envelope && $0.subject == "ACUTE" })
        #expect(acute.envelopeBasis == .ledgerBudget)
        #expect(acute.envelopePence == 3_200_000 && acute.ledgerBudgetPence == 10_000_000)
        #expect(acute.headroomPence == -300_000 && acute.probability == 0)
        let community = try #require(results.redLines.first { $0.kind == .envelope && $0.subject == "COMMUNITY" })
        #expect(community.envelopeBasis == .ledgerBudget && community.envelopePence == 195_000)
        #expect(community.probability == 0)
    }

    @Test("the no-change scenario bears nothing beyond the ledger's own settlement, and an overspent partner breaks")
    func noChangeBearsNothingBeyondBaseline() throws {
        let results = try Self.model(Self.pointDefinition()).results()
        let share = try #require(results.riskShare)
        for year in share.years {
            #expect(year.principalBornePence == share.baselineBornePence)
            let expected: [Int64] = [300_000, -100_000]
            #expect(year.principalVariancePence == expected)
            for band in year.beyondBaselinePence { #expect(band.p10 == 0 && band.p50 == 0 && band.p90 == 0) }
        }
        // ACUTE's ledger already forecasts an overspend, so its unchanged cost is over its envelope.
        #expect(results.redLines.first { $0.subject == "ACUTE" && $0.kind == .envelope }?.probability == 1)
        #expect(results.redLines.first { $0.subject == "COMMUNITY" && $0.kind == .envelope }?.probability == 0)
    }

    @Test("the settlement adds up to the penny in every run and year, with resampling, intervals, caps and growth")
    func addsUpInEveryRun() throws {
        var definition = SyntheticBaseline.definition(
            horizon: 3, runs: 60,
            changes: [
                .init(
                    name: "shift", kind: .shift, people: .init(agedAtLeast: 75), setting: "inpatient_nonelective",
                    fraction: UncertainValue(low: 0.1, high: 0.3), to: .init(setting: "community")),
                .init(
                    name: "avoid", kind: .avoid, setting: "inpatient_elective",
                    fraction: UncertainValue(low: 0.0, high: 0.2)),
            ], demographic: UncertainValue(low: 0, high: 0.04),
            investments: [.init(partner: "COUNCIL", kind: .revenue, pencePerYear: 50_000_000)])
        definition.seed = 11
        let base = SyntheticBaseline.dataset()
        let plain = try SyntheticBaseline.model(definition, on: base).results()
        // Budgets near each partner's baseline cost, odd pence, a partner not in the scenario, a cap.
        var ledger: [String: LedgerBudget] = ["ICB": .init(budgetPence: 777_777_777, outturnPence: 700_000_001)]
        for (index, partner) in ["ACUTE", "COMMUNITY", "COUNCIL", "GP"].enumerated() {
            let cost = plain.baseline.costByPartnerPence[try #require(plain.partners.firstIndex(of: partner))]
            ledger[partner] = .init(budgetPence: cost + 1_234_567, outturnPence: cost + Int64(index) * 99_999)
        }
        let agreement = RiskShareAgreement(
            name: "capped", basis: .budget,
            corridors: [.init(upTo: 0.01, retained: 1), .init(upTo: nil, retained: 0.3)],
            cap: 0.05, residualBearer: "ICB")
        let model = try Self.model(definition, on: base, ledger: ledger, agreement: agreement)
        for run in model.everyRun() {
            for year in run {
                let settlement = try #require(try model.settlement(netCostByPartnerPence: year.netCostByPartnerPence))
                #expect(settlement.borne == settlement.variance)
                #expect(settlement.lines.reduce(0) { $0 + $1.transferPence } == 0)
                #expect(settlement.lines.map(\.partner) == ["ACUTE", "COMMUNITY", "COUNCIL", "GP", "ICB"])
            }
        }
        let share = try #require(model.results().riskShare)
        #expect(share.runsSettled == 60 && share.runsAddingUp == 60)
        #expect(share.partners.contains("ICB") && share.outsideAgreement.isEmpty)
        // The runs differ, so the bands are bands.
        #expect(share.years[2].bornePence[0].p10 < share.years[2].bornePence[0].p90)
    }

    @Test(
        "hostile envelopes: a stated 0 always breaks, the largest stated never; a hopeless headroom gives 0, not less")
    func hostileEnvelopes() throws {
        let zero = try Self.model(Self.pointDefinition(envelopes: [.init(partner: "ACUTE", pencePerYear: 0)])).results()
        let acute = try #require(zero.redLines.first { $0.kind == .envelope && $0.subject == "ACUTE" })
        #expect(acute.envelopeBasis == .stated && acute.envelopePence == 0 && acute.probability == 1)
        let largest = ScenarioDefinition.maximumPence * 10
        let huge = try Self.model(Self.pointDefinition(envelopes: [.init(partner: "ACUTE", pencePerYear: largest)]))
            .results()
        #expect(huge.redLines.first { $0.subject == "ACUTE" && $0.kind == .envelope }?.probability == 0)
        var refused = Self.pointDefinition(envelopes: [.init(partner: "ACUTE", pencePerYear: Int64.max - 1)])
        #expect(throws: ScenarioRefusal.self) { try Self.model(refused) }
        refused = Self.pointDefinition(envelopes: [.init(partner: "ACUTE", pencePerYear: -1)])
        #expect(throws: ScenarioRefusal.self) { try Self.model(refused) }
        // An outturn far beyond budget: baseline + headroom is negative, and the envelope is 0.
        let overspent = try Self.model(
            Self.pointDefinition(),
            ledger: [
                "ACUTE": .init(budgetPence: 0, outturnPence: LedgerBudget.maximumPence),
                "COMMUNITY": Self.ledger["COMMUNITY"]!,
            ]
        ).results()
        let line = try #require(overspent.redLines.first { $0.kind == .envelope && $0.subject == "ACUTE" })
        #expect(line.envelopePence == 0 && line.probability == 1)
        #expect(overspent.riskShare?.runsAddingUp == 5)
    }

    @Test("hostile ledgers: an Int64.max or negative line is refused with its path; the largest allowed still settles")
    func hostileLedgers() throws {
        for bad in [Int64.max, Int64.max / 2, -1, LedgerBudget.maximumPence + 1] {
            do {
                _ = try Self.model(
                    Self.pointDefinition(), ledger: ["ACUTE": .init(budgetPence: bad, outturnPence: 0)])
                Issue.record("a ledger budget of \(bad) was accepted")
            } catch let refusal as ScenarioRefusal {
                #expect(refusal.path == "ledger[\"ACUTE\"].budgetPence")
            }
        }
        let top = LedgerBudget.maximumPence
        let results = try Self.model(
            Self.pointDefinition(changes: [Self.halfShift]),
            ledger: [
                "ACUTE": .init(budgetPence: top, outturnPence: top),
                "COMMUNITY": .init(budgetPence: 0, outturnPence: top),
            ]
        ).results()
        let share = try #require(results.riskShare)
        #expect(share.unavailable == nil && share.runsAddingUp == 5)
        let expected: Int64 = top - 1_750_000 + 90_000
        #expect(share.years[0].principalSystemVariancePence == expected)
    }

    @Test("a partner missing from the ledger keeps its baseline cost as envelope and is outside the agreement")
    func partnerMissingFromLedger() throws {
        let definition = Self.pointDefinition(
            changes: [Self.halfShift], investments: [.init(partner: "COUNCIL", kind: .revenue, pencePerYear: 1_000)])
        let results = try Self.model(definition, ledger: ["ACUTE": Self.ledger["ACUTE"]!]).results()
        let community = try #require(results.redLines.first { $0.kind == .envelope && $0.subject == "COMMUNITY" })
        #expect(community.envelopeBasis == .baselineCost && community.envelopePence == 95_000)
        #expect(community.ledgerBudgetPence == nil && community.probability == 1)
        let share = try #require(results.riskShare)
        #expect(share.partners == ["ACUTE"])
        #expect(share.outsideAgreement == ["COMMUNITY", "COUNCIL"])
        // An agreement with one partner: it bears all of its own variance, whatever the corridors.
        for year in share.years {
            #expect(year.principalBornePence == year.principalVariancePence)
            let expected: [Int64] = [-1_450_000]  // 300,000 − 1,750,000
            #expect(year.principalVariancePence == expected)
        }
        #expect(share.baselineBornePence == [300_000])
    }

    @Test("no agreement, or no ledger: the results say so instead of an empty settlement")
    func noAgreementSaysSo() throws {
        let none = try #require(try Self.model(Self.pointDefinition(), agreement: nil).results().riskShare)
        #expect(none.agreement == nil && none.partners.isEmpty && none.years.isEmpty)
        #expect(none.unavailable?.contains("no risk-share agreement") == true)
        let model = try Self.model(Self.pointDefinition(), agreement: nil)
        #expect(try model.settlement(netCostByPartnerPence: nil) == nil)
        let noLedger = try #require(try Self.model(Self.pointDefinition(), ledger: [:]).results().riskShare)
        #expect(noLedger.agreement == Self.agreement.name && noLedger.unavailable?.contains("no ledger") == true)
        // Without a ledger, envelopes are the baseline cost, as before.
        let results = try Self.model(Self.pointDefinition(), ledger: [:]).results()
        #expect(results.redLines.filter { $0.kind == .envelope }.allSatisfy { $0.envelopeBasis == .baselineCost })
    }

    @Test("an agreement that cannot settle (everyone capped, no residual bearer) says why, and does not crash")
    func agreementThatCannotSettle() throws {
        let agreement = RiskShareAgreement(name: "no room", basis: .budget, cap: 0)
        let share = try #require(try Self.model(Self.pointDefinition(), agreement: agreement).results().riskShare)
        #expect(share.unavailable?.contains("residual bearer") == true)
        #expect(share.agreement == "no room" && share.years.isEmpty)
    }

    @Test("results stored before the settlement and envelope bases existed still read, with them absent")
    func oldResultsDecode() throws {
        let results = try Self.model(Self.pointDefinition(changes: [Self.halfShift])).results()
        let encoded = try JSONEncoder().encode(results)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        object["riskShare"] = nil
        object["redLines"] = (object["redLines"] as? [[String: Any]])?.map { line in
            var line = line
            for key in ["envelopeBasis", "ledgerBudgetPence", "headroomPence"] { line[key] = nil }
            return line
        }
        let old = try JSONDecoder().decode(ScenarioResults.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.riskShare == nil)
        #expect(old.redLines.allSatisfy { $0.envelopeBasis == nil && $0.headroomPence == nil })
        #expect(old.redLines.map(\.envelopePence) == results.redLines.map(\.envelopePence))
        #expect(try JSONDecoder().decode(ScenarioResults.self, from: encoded) == results)
    }
}
