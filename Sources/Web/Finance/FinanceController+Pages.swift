import ConcordatCore
import Finance
import Foundation
import Hummingbird
import Ingest
import Partnership

extension FinanceController {
    /// `/money`: the control total split by place and neighbourhood, distance from target, and care
    /// networks.
    func moneyPage(_ request: Request) async throws -> Response {
        let money = try await self.money()
        let finances = money.finances
        let system = finances.system
        let query = try FinanceQuery(request, finances: finances)
        let allocation = try await money.allocation(query.controlTotal, basis: query.basis)
        let places = allocation.lines.filter { $0.parent == system.root.code }
        let chart = BarChart(
            id: "allocation", title: "Allocation of \(query.controlTotal) by place",
            description: places.map { "\($0.name): \(Money(pence: $0.budgetPence))" }.joined(separator: "; "),
            items: places.map {
                BarChart.Item(
                    label: $0.name, value: Double($0.budgetPence), text: Money(pence: $0.budgetPence).description)
            }
        ).svg
        let distance = finances.distanceFromTarget(allocation)
        let networks = try? await money.networks(query.controlTotal, basis: query.basis)
        let networkNames = money.finances.careNetworks?.networks.map(\.name) ?? []
        let model = MoneyPage(
            controlTotal: query.controlTotal.description, controlTotalInput: query.controlTotalInput,
            basisName: query.basis == .published
                ? "needs-weighted population (NHS England 2025/26)" : "the person-based formula fitted on the dataset",
            bases: SystemFinances.Basis.allCases.map {
                MoneyPage.Option(
                    value: $0.rawValue,
                    label: $0 == .published
                        ? "Published (NHS England 2025/26)" : "Person-based (fitted on the dataset)",
                    selected: $0 == query.basis)
            },
            chart: chart,
            places: places.map { line in
                let current = distance[line.code]
                return MoneyPage.PlaceRow(
                    code: line.code, name: line.name, needIndex: String(format: "%.3f", line.needIndex),
                    target: Money(pence: line.budgetPence).description, current: current?.current.description ?? "–",
                    distance: current.map { String(format: "%+.1f%%", $0.distance * 100) } ?? "–")
            },
            hasDistance: !distance.isEmpty,
            rows: allocation.lines.filter { $0.level != system.levels.last?.key }.map { line in
                MoneyPage.Row(
                    code: line.code, name: line.name, level: system.level(line.level)?.singular ?? line.level,
                    weighted: Int(line.weightedPopulation.rounded()).grouped,
                    needIndex: String(format: "%.3f", line.needIndex),
                    budget: Money(pence: line.budgetPence).description)
            },
            hasNeedIndices: allocation.lines.contains { $0.needIndices != nil },
            needRows: allocation.lines.filter { $0.level != system.levels.last?.key && $0.parent != nil }.compactMap {
                line in
                line.needIndices.map { indices in
                    MoneyPage.NeedRow(
                        name: line.name,
                        values: [
                            indices.generalAndAcute, indices.community, indices.mentalHealth, indices.maternity,
                            indices.prescribing, indices.overall, indices.primaryMedicalCare,
                            indices.primaryMedicalCareNeed, indices.healthInequalities,
                        ].map { String(format: "%.2f", $0) })
                }
            },
            hasNetworks: networks != nil,
            networkNames: networkNames,
            networkRows: networks.map { matrix in
                matrix.rows.enumerated().map { index, code in
                    MoneyPage.MatrixRow(
                        name: system.area(code)?.name ?? code,
                        cells: matrix.cells[index].map { Money(pence: $0).description },
                        total: matrix.rowTotal(code)!.description)
                }
            } ?? [],
            networkTotals: networks.map { matrix in matrix.columns.map { matrix.columnTotal($0)!.description } } ?? [],
            networkTotal: networks?.total.description ?? "")
        return renderer.page(
            .money, title: "Money", systemName: system.name,
            breadcrumb: [Crumb(name: system.root.name, href: "/"), Crumb(name: "Money")], model: model)
    }

    /// `/money/ledger`: budget, actual and forecast by month, per partner, place or pool.
    func ledgerPage(_ request: Request) async throws -> Response {
        let money = try await self.money()
        let system = money.system
        let query = try FinanceQuery(request, finances: money.finances)
        let grouping = try query.grouping()
        let ledger = try await money.ledger(query.controlTotal, months: query.months)
        let whole = ledger.system
        func cumulative(_ values: [Int64]) -> [Double] {
            var sum: Int64 = 0
            return values.map { value in
                sum += value
                return Double(sum) / 100
            }
        }
        let actual = cumulative(whole.actualByMonth)
        let forecast = cumulative(whole.forecastByMonth)
        let budget = cumulative(whole.budgetByMonth)
        let labels = ledger.months.map(FinanceMonth.label)
        let chart = LineChart(
            id: "ledger", title: "Cumulative budget, actual and forecast, \(labels.first!)–\(labels.last!)",
            description:
                "Budget for the year \(whole.annualBudget); actual to \(ledger.monthsElapsed > 0 ? labels[ledger.monthsElapsed - 1] : "date") "
                + "\(whole.actualToDate) against a budget to date of \(whole.budgetToDate); forecast outturn \(whole.outturn(query.forecast)).",
            labels: labels,
            series: [
                .init(name: "Budget", style: "budget", values: budget),
                .init(name: "Actual", style: "actual", values: actual.map(Optional.some)),
                .init(
                    name: "Forecast (seasonal)", style: "forecast",
                    values: forecast.enumerated().map { $0.offset + 1 >= ledger.monthsElapsed ? $0.element : nil }),
            ],
            format: { Self.shortMoney($0) }
        ).svg
        let model = LedgerPage(
            controlTotal: query.controlTotal.description, controlTotalInput: query.controlTotalInput,
            months: String(query.months), forecastName: query.forecast == .runRate ? "run rate" : "seasonal profile",
            forecasts: Ledger.ForecastMethod.allCases.map {
                MoneyPage.Option(
                    value: $0.rawValue, label: $0 == .runRate ? "Run rate" : "Seasonal profile",
                    selected: $0 == query.forecast)
            },
            grouping: grouping.rawValue,
            groupings: [("partner", "Partner"), ("place", "Place"), ("pool", "Pool")].map {
                LedgerPage.Link(
                    label: $0.1,
                    href:
                        "/money/ledger?by=\($0.0)&months=\(query.months)&forecast=\(query.forecast.rawValue)&controlTotal=\(query.controlTotalInput.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")",
                    current: $0.0 == grouping.rawValue)
            },
            chart: chart,
            monthRows: ledger.months.indices.map { index in
                LedgerPage.MonthRow(
                    month: labels[index], budget: Money(pence: whole.budgetByMonth[index]).description,
                    actual: index < whole.actualByMonth.count
                        ? Money(pence: whole.actualByMonth[index]).description : "–",
                    forecast: index < whole.actualByMonth.count
                        ? "–" : Money(pence: whole.forecastByMonth[index]).description)
            },
            rows: money.groups(ledger, by: grouping).map {
                LedgerPage.Row(name: $0.name, $0.statement, query.forecast)
            }
                + [LedgerPage.Row(name: "System", whole, query.forecast)],
            outturn: whole.outturn(query.forecast).description,
            variance: whole.forecastVariance(query.forecast).description,
            overspend: whole.forecastVariance(query.forecast).pence > 0)
        return renderer.page(
            .ledger, title: "Ledger", systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Money", href: "/money"), Crumb(name: "Ledger"),
            ],
            model: model)
    }

    /// `/money/settlement`: the year-end risk/gain share as a waterfall.
    func settlementPage(_ request: Request) async throws -> Response {
        let money = try await self.money()
        let finances = money.finances
        let system = finances.system
        let query = try FinanceQuery(request, finances: finances)
        let agreement = money.finances.agreement
        let settlement = try await money.answer(query.settlement)
        let chart = WaterfallChart(
            id: "settlement", title: "Who bears the system's forecast variance of \(settlement.variance)",
            description: settlement.lines.map { "\(finances.partnerName($0.partner)): \(Money(pence: $0.bornePence))" }
                .joined(separator: "; ") + ". Together: \(settlement.borne).",
            steps: settlement.lines.map {
                .init(
                    label: String(finances.partnerName($0.partner).prefix(40)), value: Double($0.bornePence) / 100,
                    text: Money(pence: $0.bornePence).description)
            },
            totalLabel: "System variance", totalText: settlement.variance.description
        ).svg
        let model = SettlementPage(
            agreement: agreement.name, controlTotal: query.controlTotal.description,
            forecastName: query.forecast == .runRate ? "run rate" : "seasonal profile", months: String(query.months),
            chart: chart,
            rows: settlement.lines.map { line in
                SettlementPage.Row(
                    partner: finances.partnerName(line.partner), budget: Money(pence: line.budgetPence).description,
                    outturn: Money(pence: line.actualPence).description,
                    variance: Money(pence: line.variancePence).description,
                    retained: Money(pence: line.retainedPence).description,
                    shared: Money(pence: line.sharedPence).description,
                    borne: Money(pence: line.bornePence).description,
                    transfer: line.transferPence == 0
                        ? "–"
                        : line.transferPence > 0
                            ? "pays \(Money(pence: line.transferPence))"
                            : "receives \(Money(pence: -line.transferPence))")
            },
            variance: settlement.variance.description, borne: settlement.borne.description)
        return renderer.page(
            .settlement, title: "Risk and gain share", systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Money", href: "/money"),
                Crumb(name: "Settlement"),
            ], model: model)
    }

    /// `/money/pools`: each pool, its ring-fences, and its money traced from source to spend.
    func poolsPage() async throws -> Response {
        let finances = try await finances()
        let system = finances.system
        var pools: [PoolsPage.PoolView] = []
        for pool in try await store.pools() {
            let account = try await store.poolAccount(code: pool.code)
            pools.append(
                PoolsPage.PoolView(
                    code: pool.code, name: pool.name, kind: Self.kindName(pool.kind),
                    host: finances.partnerName(pool.host),
                    total: pool.total.description, spent: account.spent.description,
                    balance: account.balance.description,
                    payments: account.payments.count.grouped,
                    fences: pool.ringFences.map { fence in
                        var parts: [String] = []
                        if let settings = fence.settings {
                            parts.append(
                                "only " + settings.map { CareSetting(code: $0)?.label ?? $0 }.joined(separator: ", "))
                        }
                        if let districts = fence.districts {
                            parts.append("only in " + districts.joined(separator: ", "))
                        }
                        return PoolsPage.Fence(name: fence.name, rule: parts.joined(separator: "; "))
                    },
                    trace: account.trace.map { line in
                        PoolsPage.TraceRow(
                            partner: finances.partnerName(line.partner),
                            contributed: Money(pence: line.contributedPence).description,
                            spent: Money(pence: line.spentPence).description,
                            remaining: Money(pence: line.remainingPence).description)
                    }))
        }
        return renderer.page(
            .pools, title: "Pools and ring-fences", systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Money", href: "/money"), Crumb(name: "Pools"),
            ],
            model: PoolsPage(pools: pools, hasPools: !pools.isEmpty))
    }

    static func kindName(_ kind: Pool.Kind) -> String {
        switch kind {
        case .section75: "Section 75 pooled fund"
        case .betterCareFund: "Better Care Fund (section 75)"
        case .ringFenced: "Ring-fenced budget"
        case .aligned: "Aligned budget"
        }
    }

    /// £ in millions for axes: "£12.5m".
    static func shortMoney(_ pounds: Double) -> String {
        abs(pounds) >= 1_000_000
            ? String(format: "£%.1fm", pounds / 1_000_000) : String(format: "£%.0fk", pounds / 1_000)
    }
}

/// The `/money` page.
struct MoneyPage {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }
    struct PlaceRow {
        var code: String
        var name: String
        var needIndex: String
        var target: String
        var current: String
        var distance: String
    }
    struct Row {
        var code: String
        var name: String
        var level: String
        var weighted: String
        var needIndex: String
        var budget: String
    }
    struct MatrixRow {
        var name: String
        var cells: [String]
        var total: String
    }
    struct NeedRow {
        var name: String
        var values: [String]
    }

    var controlTotal: String
    var controlTotalInput: String
    var basisName: String
    var bases: [Option]
    var chart: String
    var places: [PlaceRow]
    var hasDistance: Bool
    var rows: [Row]
    var hasNeedIndices: Bool
    var needRows: [NeedRow]
    var hasNetworks: Bool
    var networkNames: [String]
    var networkRows: [MatrixRow]
    var networkTotals: [String]
    var networkTotal: String
}

/// The `/money/ledger` page.
struct LedgerPage {
    struct Link {
        var label: String
        var href: String
        var current: Bool
    }
    struct MonthRow {
        var month: String
        var budget: String
        var actual: String
        var forecast: String
    }
    struct Row {
        var name: String
        var annual: String
        var budgetToDate: String
        var actualToDate: String
        var variance: String
        var outturn: String
        var forecastVariance: String
        var over: Bool

        init(name: String, _ statement: Ledger.Statement, _ method: Ledger.ForecastMethod) {
            self.name = name
            annual = statement.annualBudget.description
            budgetToDate = statement.budgetToDate.description
            actualToDate = statement.actualToDate.description
            variance = statement.varianceToDate.description
            outturn = statement.outturn(method).description
            forecastVariance = statement.forecastVariance(method).description
            over = statement.forecastVariance(method).pence > 0
        }
    }

    var controlTotal: String
    var controlTotalInput: String
    var months: String
    var forecastName: String
    var forecasts: [MoneyPage.Option]
    var grouping: String
    var groupings: [Link]
    var chart: String
    var monthRows: [MonthRow]
    var rows: [Row]
    var outturn: String
    var variance: String
    var overspend: Bool
}

/// The `/money/settlement` page.
struct SettlementPage {
    struct Row {
        var partner: String
        var budget: String
        var outturn: String
        var variance: String
        var retained: String
        var shared: String
        var borne: String
        var transfer: String
    }

    var agreement: String
    var controlTotal: String
    var forecastName: String
    var months: String
    var chart: String
    var rows: [Row]
    var variance: String
    var borne: String
}

/// The `/money/pools` page.
struct PoolsPage {
    struct Fence {
        var name: String
        var rule: String
    }
    struct TraceRow {
        var partner: String
        var contributed: String
        var spent: String
        var remaining: String
    }
    struct PoolView {
        var code: String
        var name: String
        var kind: String
        var host: String
        var total: String
        var spent: String
        var balance: String
        var payments: String
        var fences: [Fence]
        var trace: [TraceRow]
    }

    var pools: [PoolView]
    var hasPools: Bool
}
