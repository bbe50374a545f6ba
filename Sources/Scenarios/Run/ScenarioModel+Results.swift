import ConcordatCore
import Dispatch
import Foundation

extension ScenarioModel {
    /// Runs the scenario: the principal projection, then every Monte Carlo run, summarised. Runs are
    /// computed on every core, each from its own random stream, so the results do not depend on the order.
    /// - Parameter progress: told, on the caller's thread, as runs finish: how many of how many are done.
    public func results(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> ScenarioResults {
        results(workers: nil, progress: progress)
    }

    /// Runs the scenario on `workers` threads (default: one per core). Each run draws from its own random
    /// stream, derived from the scenario's seed and the run's number, so the results are the same, to the
    /// last bit, whatever the number of workers.
    /// - Parameter progress: told, on the caller's thread, as runs finish: how many of how many are done.
    public func results(workers: Int?, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in })
        -> ScenarioResults
    {
        results(workers: workers, progress: progress, checkpoint: {})
    }

    /// Runs the scenario as ``results(workers:progress:)`` does, calling `checkpoint` between blocks of
    /// Monte Carlo runs (at most 64 runs apart) so that a caller can stop it: when `checkpoint` throws
    /// (a cancelled run's flag, say), the remaining runs are not made and the error is thrown. The model
    /// itself does no I/O; the caller's checkpoint decides.
    public func results(
        workers: Int?, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }, checkpoint: () throws -> Void
    ) rethrows -> ScenarioResults {
        try checkpoint()
        let principal = pass(run: 0)
        let runs = try monteCarlo(
            runs: 1...max(1, scenario.runs), workers: workers, progress: progress, checkpoint: checkpoint)
        let occupancy = scenario.occupancy.central(clippedTo: Scenario.occupancyRange)
        let baselineFigures = self.baselineFigures(occupancy: occupancy)
        let years = (1...scenario.horizon).map(scenario.yearLabel)

        func bands(_ year: Int, _ value: (ScenarioResults.Figures) -> Double) -> ScenarioResults.Band {
            ScenarioResults.Band(runs.map { value($0.years[year]) })
        }
        func bandList(_ year: Int, count: Int, _ value: (ScenarioResults.Figures, Int) -> Double)
            -> [ScenarioResults.Band]
        {
            (0..<count).map { index in ScenarioResults.Band(runs.map { value($0.years[year], index) }) }
        }
        let settings = CareSetting.allCases.count
        // Each run's net cost by year and partner, computed once (it is a derived array).
        let netCosts = runs.map { run in run.years.map(\.netCostByPartnerPence) }
        let percentiles = years.indices.map { year in
            ScenarioResults.YearBands(
                year: years[year], costPence: bands(year) { Double($0.costPence) },
                costBySettingPence: bandList(year, count: settings) { Double($0.costBySettingPence[$1]) },
                costByPlacePence: bandList(year, count: baseline.places.count) { Double($0.costByPlacePence[$1]) },
                costByPartnerPence: bandList(year, count: partners.count) { Double($0.costByPartnerPence[$1]) },
                netCostByPartnerPence: partners.indices.map { index in
                    ScenarioResults.Band(netCosts.map { Double($0[year][index]) })
                },
                costByPoolPence: bandList(year, count: pools.count) { Double($0.costByPoolPence[$1]) },
                activityBySetting: bandList(year, count: settings) { $0.activityBySetting[$1] },
                bedDays: bands(year) { $0.bedDays }, beds: bands(year) { $0.beds },
                emergencyAdmissionsPer1000Aged75Plus: bands(year) { $0.emergencyAdmissionsPer1000Aged75Plus },
                costPerHeadPence: bands(year) { $0.costPerHeadPence })
        }

        var redLines: [ScenarioResults.RedLine] = []
        let count = Double(runs.count)
        for pool in fencedPools.keys.sorted() {
            let byYear = years.indices.map { year in
                Double(runs.filter { $0.breaches[year].contains(pool) }.count) / count
            }
            let any = Double(runs.filter { run in run.breaches.contains { $0.contains(pool) } }.count) / count
            redLines.append(
                .init(
                    kind: .ringFence, subject: pools[pool],
                    rule: "\(finance.poolNames[pools[pool]] ?? pools[pool]): \(fencedPools[pool]!)", probability: any,
                    probabilityByYear: byYear,
                    principalBreaks: principal.breaches.contains { $0.contains(pool) }, envelopePence: nil))
        }
        for (index, partner) in partners.enumerated() {
            let (envelope, basis, line) = self.envelope(ofPartner: index)
            func breaks(_ run: [[Int64]], _ year: Int) -> Bool { run[year][index] > envelope }
            let byYear = years.indices.map { year in Double(netCosts.filter { breaks($0, year) }.count) / count }
            let any = Double(netCosts.filter { run in years.indices.contains { breaks(run, $0) } }.count) / count
            let principalNet = principal.years.map(\.netCostByPartnerPence)
            let rule =
                switch basis {
                case .stated: "net cost within its stated envelope"
                case .ledgerBudget:
                    "net cost within its baseline cost plus its ledger headroom (budget − forecast outturn)"
                case .baselineCost: "net cost within its baseline cost (no envelope stated, no ledger line)"
                }
            redLines.append(
                .init(
                    kind: .envelope, subject: partner, rule: rule, probability: any, probabilityByYear: byYear,
                    principalBreaks: years.indices.contains { breaks(principalNet, $0) }, envelopePence: envelope,
                    envelopeBasis: basis, ledgerBudgetPence: line?.budgetPence, headroomPence: line?.headroomPence))
        }
        let riskShare = self.riskShare(
            principal: principal.years.map(\.netCostByPartnerPence), runs: netCosts, years: years)

        var streams: [ScenarioResults.AppraisalStream] = []
        for year in years.indices {
            let figures = principal.years[year]
            for (index, partner) in partners.enumerated() {
                streams.append(
                    .init(
                        year: years[year], partner: partner,
                        businessAsUsualPence: principal.businessAsUsual[year][index],
                        scenarioPence: figures.costByPartnerPence[index],
                        capitalPence: figures.capitalByPartnerPence[index],
                        revenuePence: figures.revenueByPartnerPence[index]))
            }
        }
        return ScenarioResults(
            name: scenario.definition.name, baseYear: ScenarioYear.label(scenario.baseYear), years: years,
            runs: scenario.runs, seed: scenario.seed,
            baselinePeriod: [baseline.period.lowerBound.description, baseline.period.upperBound.description],
            settings: CareSetting.allCases.map(\.code), places: baseline.places, partners: partners, pools: pools,
            baseline: baselineFigures, principal: principal.years, percentiles: percentiles,
            waterfall: principal.waterfalls, redLines: redLines, streams: streams, riskShare: riskShare)
    }

    /// Runs `runs`, in blocks, each block's runs split across `workers` threads (default: one per core);
    /// run `r` always draws from stream `r`, so the order and the number of workers do not matter.
    /// `checkpoint` is called before each block; when it throws, no more runs are made.
    func monteCarlo(
        runs: ClosedRange<Int>, workers: Int? = nil, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        checkpoint: () throws -> Void
    ) rethrows -> [Pass] {
        let total = runs.count
        let threads = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, total))
        let block = max(threads, min(total, 64))
        var passes: [Pass] = []
        passes.reserveCapacity(total)
        var next = runs.lowerBound
        while next <= runs.upperBound {
            try checkpoint()
            let count = min(block, runs.upperBound - next + 1)
            let first = next
            let done = UnsafeMutableBufferPointer<Pass>.allocate(capacity: count)
            defer { done.deallocate() }
            nonisolated(unsafe) let slots = done
            let lanes = min(threads, count)
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for offset in stride(from: lane, to: count, by: lanes) {
                    (slots.baseAddress! + offset).initialize(to: pass(run: first + offset))
                }
            }
            passes.append(contentsOf: done)
            _ = done.baseAddress!.deinitialize(count: count)
            next += count
            progress(next - runs.lowerBound, total)
        }
        return passes
    }

    /// Every run's figures (for tests and charts that need the runs themselves): `[run][year]`, run 0 the
    /// principal projection.
    public func everyRun() -> [[ScenarioResults.Figures]] {
        monteCarlo(runs: 0...scenario.runs, checkpoint: {}).map(\.years)
    }
}
