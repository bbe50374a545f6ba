import Assurance
import ConcordatCore
import Foundation
import Hummingbird
import Ingest
import Partnership
import PopulationHealth

extension AssuranceController {
    /// What the page says is real, with the file's months.
    static func aeProvenance(_ file: AEAttendances?) -> String {
        let months =
            file.map {
                " for \(FinanceMonth.label($0.months.first ?? "")) to \(FinanceMonth.label($0.months.last ?? ""))"
            } ?? ""
        return
            "These series are NHS England's published A&E statistics: A&E Attendances and Emergency Admissions (monthly)\(months), "
            + "all 274 providers by ODS code, Open Government Licence v3.0, as tidied in the NHS-R community's NHSRdatasets "
            + "package (CC0). 4-hour performance is 1 − breaches ÷ attendances; the trusts' total pools their counts."
    }

    /// What the page says remains synthetic: the pack's other demo series and the dataset's indicators.
    func aeSynthetic() async -> String {
        let pack = try? await registry.snapshot().pack
        let seeded = Set(pack?.demo?.indicatorSeries.keys.map { $0 } ?? [])
        let catalogue = WatchedIndicators(pack: pack).indicators
        let names = catalogue.filter {
            seeded.contains($0.code) && !AEStatistics.indicatorCodes.contains($0.code)
        }.map(\.name)
        let computed = catalogue.filter(\.computedFromDataset).map(\.name)
        return "These others remain synthetic: "
            + (names.isEmpty ? "" : names.joined(separator: "; ") + " (the demo's invented monthly series); ")
            + computed.joined(separator: "; ") + " (computed from the demo's synthetic population)."
    }

    /// Reads `?month=` and `?type=`: absent means the latest month and all types.
    /// - Throws: ``Problem`` 400 naming the parameter when either is malformed.
    static func aeQuery(_ request: Request) throws -> (month: String?, scope: AEAttendances.Scope) {
        let query = request.uri.queryParameters
        var invalid: [Problem.InvalidParam] = []
        let month = query.get("month")
        if let month, !Month.isValid(month) {
            invalid.append(.init(name: "month", reason: "'\(month.prefix(40))' is not a month (YYYY-MM)"))
        }
        var scope = AEAttendances.Scope.allTypes
        if let type = query.get("type") {
            if let parsed = AEAttendances.Scope(rawValue: type) {
                scope = parsed
            } else {
                invalid.append(.init(name: "type", reason: "'\(type.prefix(40))' is not all or 1"))
            }
        }
        guard invalid.isEmpty else {
            throw Problem.invalidRequest("the A&E funnel was not drawn", invalidParams: invalid)
        }
        return (month, scope)
    }

    /// The funnel for a query, the refusals as problems: 400 for a malformed input, 404 for a month the file
    /// does not cover.
    func aeFunnel(month: String?, scope: AEAttendances.Scope) async throws -> AEFunnel {
        let organisations = try await registry.system().organisations
        do {
            return try AEFunnel(try AEAttendances.bundled(), month: month, scope: scope, organisations: organisations)
        } catch let refusal as AEQuestionRefusal {
            switch refusal {
            case .malformed(let field, let reason):
                throw Problem.invalidRequest(refusal.description, invalidParams: [.init(name: field, reason: reason)])
            case .noData: throw Problem.notFound(refusal.description)
            }
        }
    }

    /// `GET /api/v1/ae/funnel`: every England provider's 4-hour performance in a month, with the limits'
    /// model and where each provider falls.
    @Sendable func aeFunnelDocument(_ request: Request, context: Context) async throws -> AEFunnelDocument {
        let (month, scope) = try Self.aeQuery(request)
        let funnel = try await aeFunnel(month: month, scope: scope)
        return AEFunnelDocument(
            month: funnel.month, type: scope.rawValue, model: funnel.model.adjustment.description,
            england: funnel.model.target, phi: funnel.model.phi, tau2: funnel.model.tau2,
            source: Self.aeProvenance(try? AEAttendances.bundled()),
            providers: funnel.units.map { unit in
                AEFunnelDocument.Provider(
                    odsCode: unit.provider, organisation: unit.organisation?.code,
                    attendances: unit.counts.attendances, breaches: unit.counts.breaches,
                    performance: unit.counts.performance ?? 0, significance: unit.significance?.rawValue)
            },
            withoutAttendances: funnel.withoutAttendances)
    }

    /// `GET /api/v1/indicators/{code}/organisations/{organisation}/spc`: an organisation's SPC chart.
    @Sendable func organisationSPC(_ request: Request, context: Context) async throws -> XmRChart.Document {
        let code = try context.parameters.require("code")
        let organisation = try context.parameters.require("organisation")
        let catalogue = try await watched()
        guard catalogue.indicator(code) != nil else {
            throw Problem.notFound("no indicator of the system has the code '\(code)'")
        }
        guard
            let series = Self.series(
                try await store.indicatorValues(), subject: .organisation(organisation), catalogue: catalogue.indicators
            ).first(where: { $0.indicator.code == code })
        else { throw Problem.notFound("the organisation \(organisation) has no values of \(code)") }
        return series.chart.document(periods: series.months)
    }

    /// `/assurance/ae`: the trusts' and their total's 4-hour performance as Making Data Count charts against
    /// the 95% standard, and England's providers on a funnel for a chosen month (`?month=`, `?type=`).
    func aePage(_ request: Request) async throws -> Response {
        let (month, scope) = try Self.aeQuery(request)
        let system = try await registry.system()
        let file = try AEAttendances.bundled()
        let funnel = try await aeFunnel(month: month, scope: scope)
        let values = try await store.indicatorValues()
        let catalogue = try await watched().indicators
        let trusts = AEStatistics.trusts(system.organisations, in: file)
        let subjects: [(IndicatorSubject, String)] =
            trusts.map { (.organisation($0.code), "\($0.name) (\($0.odsCode ?? ""))") }
            + [(.area(system.root.code), "The trusts together (\(system.root.name))")]
        var charts: [AEPage.Chart] = []
        for (subject, name) in subjects {
            for item in Self.series(values, subject: subject, catalogue: catalogue)
            where AEStatistics.indicatorCodes.contains(item.indicator.code) {
                let id = "spc-\(item.indicator.code)-\(subject.kind.rawValue)-\(subject.code)"
                charts.append(
                    AEPage.Chart(
                        id: id, name: name, indicator: item.indicator.name, cell: Self.cell(item),
                        icons: Self.iconWords(item), target: item.targetWords,
                        chart: item.svg(id: id, title: "\(item.indicator.name): \(name)")))
            }
        }
        let measure = "Seen within 4 hours, \(scope.label)"
        let model = AEPage(
            provenance: Self.aeProvenance(file), synthetic: await aeSynthetic(),
            trustNames: trusts.map { "\($0.name) (\($0.odsCode ?? ""))" }.joined(separator: ", "),
            hasCharts: !charts.isEmpty, charts: charts,
            months: file.months.reversed().map {
                AEPage.Option(value: $0, label: FinanceMonth.label($0), selected: $0 == funnel.month)
            },
            types: AEAttendances.Scope.allCases.map {
                AEPage.Option(value: $0.rawValue, label: $0.label, selected: $0 == scope)
            },
            monthLabel: FinanceMonth.label(funnel.month), scopeLabel: scope.label,
            funnel: ProviderFunnelChart(
                id: "ae-funnel", title: "\(measure): England's providers, \(FinanceMonth.label(funnel.month))",
                measure: measure, model: funnel.model,
                points: funnel.units.map { unit in
                    ProviderFunnelChart.Point(
                        label: unit.organisation?.odsCode ?? unit.provider, numerator: unit.counts.withinFourHours,
                        denominator: unit.counts.attendances, highlighted: unit.organisation != nil,
                        significance: unit.significance)
                }
            ).svg,
            funnelModel: Self.funnelModelWords(funnel),
            trustRows: funnel.trusts.map { unit in
                AEPage.TrustRow(
                    name: unit.organisation?.name ?? unit.provider, odsCode: unit.provider,
                    value: String(format: "%.1f%%", (unit.counts.performance ?? 0) * 100),
                    attendances: unit.counts.attendances.grouped, significance: unit.significance?.label ?? "–")
            },
            hasTrustRows: !funnel.trusts.isEmpty, providers: funnel.units.count.grouped,
            withoutAttendances: funnel.withoutAttendances.joined(separator: ", "),
            hasWithoutAttendances: !funnel.withoutAttendances.isEmpty)
        return renderer.page(
            .assuranceAE, title: "A&E: the published statistics", systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Assurance", href: "/assurance"),
                Crumb(name: "A&E"),
            ], model: model)
    }

    /// The Making Data Count icons in words, for readers who cannot see them.
    static func iconWords(_ series: Series) -> String {
        guard !series.chart.isProvisional else { return "fewer than 13 points: no icons yet" }
        let variation: String =
            switch series.chart.variationIcon {
            case .commonCause: "common cause variation"
            case .improvementHigh, .improvementLow: "special cause improvement"
            case .concernHigh, .concernLow: "special cause concern"
            case .neutralHigh, .neutralLow: "special cause, neither better nor worse"
            }
        let assurance: String =
            switch series.chart.assuranceIcon {
            case .consistentPass: "will consistently pass the target"
            case .consistentFail: "will consistently fail the target"
            case .hitAndMiss: "will hit and miss the target"
            case nil: "no target to assure against"
            }
        return "Variation: \(variation). Assurance: \(assurance)."
    }

    /// Which funnel model, and why, in words.
    static func funnelModelWords(_ funnel: AEFunnel) -> String {
        "Limits: \(funnel.model.adjustment.description), 10% Winsorised, as the NHS-R FunnelPlotR package; "
            + "φ = \(String(format: "%.1f", funnel.model.phi)). Why: a provider sees thousands of attendances a month, so "
            + "limits from chance alone are very narrow — \(funnel.outsideWithoutAllowance) of \(funnel.units.count) providers "
            + "lie beyond their 99.8% limits. The additive random-effects model allows for the real variation between "
            + "departments and flags only those beyond it. The centre line is England's pooled performance (Σ within 4 hours "
            + "÷ Σ attendances), not the 95% standard."
    }
}

/// What `GET /api/v1/ae/funnel` answers.
struct AEFunnelDocument: ResponseCodable {
    struct Provider: Codable {
        var odsCode: String
        var organisation: String?
        var attendances: Int
        var breaches: Int
        var performance: Double
        var significance: String?
    }
    var month: String
    var type: String
    var model: String
    var england: Double
    var phi: Double
    var tau2: Double
    var source: String
    var providers: [Provider]
    var withoutAttendances: [String]
}

/// The `/assurance/ae` page.
struct AEPage {
    struct Chart {
        var id: String
        var name: String
        var indicator: String
        var cell: AssurancePage.Cell
        var icons: String
        var target: String
        var chart: String
    }
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }
    struct TrustRow {
        var name: String
        var odsCode: String
        var value: String
        var attendances: String
        var significance: String
    }

    var provenance: String
    var synthetic: String
    var trustNames: String
    var hasCharts: Bool
    var charts: [Chart]
    var months: [Option]
    var types: [Option]
    var monthLabel: String
    var scopeLabel: String
    var funnel: String
    var funnelModel: String
    var trustRows: [TrustRow]
    var hasTrustRows: Bool
    var providers: String
    var withoutAttendances: String
    var hasWithoutAttendances: Bool
}
