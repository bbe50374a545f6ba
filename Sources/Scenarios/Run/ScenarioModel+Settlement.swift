import ConcordatCore
import Finance

extension ScenarioModel {
    /// A partner's budget envelope for its net cost, pence a year, and where it comes from: stated in the
    /// definition; else from the ledger, its baseline cost plus its headroom (ledger budget − forecast
    /// outturn), so that its modelled net cost is within the envelope exactly when the modelled cost plus
    /// the rest of its ledger is within its ledger budget; else (no ledger line) its baseline cost. An
    /// envelope from the ledger is kept within the range a stated one may take (0 to
    /// ``ScenarioDefinition/maximumPence`` × 10): a partner whose forecast overspend exceeds its whole
    /// baseline cost has an envelope of 0.
    func envelope(ofPartner index: Int) -> (pence: Int64, basis: ScenarioResults.EnvelopeBasis, line: LedgerBudget?) {
        let partner = partners[index]
        let line = finance.ledger[partner]
        if let stated = scenario.envelopes[partner] { return (stated, .stated, line) }
        let baselineCost = baselineCostByPartner[index]
        guard let line else { return (baselineCost, .baselineCost, nil) }
        let envelope = min(max(0, baselineCost + line.headroomPence), ScenarioDefinition.maximumPence * 10)
        return (envelope, .ledgerBudget, line)
    }

    /// The partners the risk-share agreement settles: the ledger's, by code.
    var settledPartners: [String] { finance.ledger.keys.sorted() }

    /// The positions a year is settled on: each ledger partner's budget, and as its actual its ledger
    /// outturn plus the scenario's change in its net cost (`netCostByPartnerPence` − its baseline cost; no
    /// change when `netCostByPartnerPence` is `nil`, or for a partner the scenario does not model). An
    /// actual is kept between 0 and 4 × ``LedgerBudget/maximumPence``, the range the agreement settles.
    func positions(netCostByPartnerPence: [Int64]?) -> [RiskShareAgreement.Position] {
        settledPartners.map { partner in
            let line = finance.ledger[partner]!
            var change: Int64 = 0
            if let net = netCostByPartnerPence, let index = partners.firstIndex(of: partner), index < net.count {
                change = net[index] - baselineCostByPartner[index]
            }
            let actual = min(max(0, line.outturnPence + change), 4 * LedgerBudget.maximumPence)
            return RiskShareAgreement.Position(
                partner: partner, budget: Money(pence: line.budgetPence), actual: Money(pence: actual))
        }
    }

    /// The settlement of one year of one run under the system's agreement: `netCostByPartnerPence` is the
    /// run's net cost by partner in this model's partner order (``ScenarioResults/partners``); `nil` settles
    /// the ledger alone. `nil` when the system has no agreement or no ledger.
    /// - Throws: `RiskShareAgreement.Invalid` when the agreement cannot settle the positions.
    public func settlement(netCostByPartnerPence: [Int64]?) throws(RiskShareAgreement.Invalid) -> Settlement? {
        guard let agreement = finance.agreement, !finance.ledger.isEmpty else { return nil }
        return try agreement.settle(positions(netCostByPartnerPence: netCostByPartnerPence))
    }

    /// Who bears what in every run and year: `principal` is the principal projection's net cost by year and
    /// partner, `runs` every Monte Carlo run's.
    func riskShare(principal: [[Int64]], runs: [[[Int64]]], years: [String]) -> ScenarioResults.RiskShare {
        guard let agreement = finance.agreement else {
            return .unavailable(
                "the system's pack has no risk-share agreement, so no one bears anything under one",
                ledgerSource: finance.ledgerSource)
        }
        guard !finance.ledger.isEmpty else {
            return .unavailable(
                "the system has no ledger to settle against: load a dataset of spend (`concordat import`)",
                agreement: agreement.name)
        }
        let settled = settledPartners
        let lines = settled.map { finance.ledger[$0]! }
        do throws(RiskShareAgreement.Invalid) {
            let base = try agreement.settle(positions(netCostByPartnerPence: nil)).lines.map(\.bornePence)
            var addsUp = [Bool](repeating: true, count: runs.count)
            var out: [ScenarioResults.RiskShare.Year] = []
            for year in years.indices {
                let central = try agreement.settle(positions(netCostByPartnerPence: principal[year]))
                var variance = [[Double]](repeating: [], count: settled.count)
                var borne = [[Double]](repeating: [], count: settled.count)
                var beyond = [[Double]](repeating: [], count: settled.count)
                for (run, net) in runs.enumerated() {
                    let settlement = try agreement.settle(positions(netCostByPartnerPence: net[year]))
                    if settlement.borne != settlement.variance { addsUp[run] = false }
                    for (index, line) in settlement.lines.enumerated() {
                        variance[index].append(Double(line.variancePence))
                        borne[index].append(Double(line.bornePence))
                        beyond[index].append(Double(line.bornePence - base[index]))
                    }
                }
                out.append(
                    .init(
                        year: years[year], variancePence: variance.map(ScenarioResults.Band.init),
                        bornePence: borne.map(ScenarioResults.Band.init),
                        beyondBaselinePence: beyond.map(ScenarioResults.Band.init),
                        principalVariancePence: central.lines.map(\.variancePence),
                        principalBornePence: central.lines.map(\.bornePence),
                        principalSystemVariancePence: central.variance.pence))
            }
            let ledgerCodes = Set(settled)
            return ScenarioResults.RiskShare(
                agreement: agreement.name, unavailable: nil, ledgerSource: finance.ledgerSource, partners: settled,
                budgetPence: lines.map(\.budgetPence), outturnPence: lines.map(\.outturnPence),
                baselineBornePence: base, outsideAgreement: partners.filter { !ledgerCodes.contains($0) },
                years: out, runsSettled: runs.count, runsAddingUp: addsUp.filter { $0 }.count)
        } catch {
            return .unavailable(
                "the agreement cannot settle the partners' positions: \(error.description)", agreement: agreement.name,
                ledgerSource: finance.ledgerSource)
        }
    }
}
