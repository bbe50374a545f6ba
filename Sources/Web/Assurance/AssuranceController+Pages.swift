import Assurance
import ConcordatCore
import Foundation
import Hummingbird
import Partnership

extension AssuranceController {
    /// The icons and value of one series for a table cell; icons only from 13 points.
    static func cell(_ series: Series?) -> AssurancePage.Cell {
        guard let series else { return AssurancePage.Cell(value: "–", icons: "", hasValue: false) }
        let icons =
            series.chart.isProvisional
            ? "<span class=\"meta\">fewer than 13 points</span>"
            : SPCIcon.variation(series.chart.variationIcon) + " " + SPCIcon.assurance(series.chart.assuranceIcon)
        return AssurancePage.Cell(
            value: series.indicator.format(series.latest.value) + " (" + FinanceMonth.label(series.latest.month) + ")",
            icons: icons, hasValue: true)
    }

    /// `/assurance`: the system and its places side by side.
    func dashboard() async throws -> Response {
        let system = try await registry.system()
        let watched = try await watched()
        let catalogue = watched.indicators
        let values = try await store.indicatorValues()
        let places = system.children(of: system.root.code)
        let bySystem = Self.series(values, area: system.root.code, catalogue: catalogue)
        let byPlace = Dictionary(
            uniqueKeysWithValues: places.map { ($0.code, Self.series(values, area: $0.code, catalogue: catalogue)) })
        let rows = catalogue.compactMap { indicator -> AssurancePage.Row? in
            let whole = bySystem.first { $0.indicator.code == indicator.code }
            let cells = places.map { place in
                Self.cell(byPlace[place.code]?.first { $0.indicator.code == indicator.code })
            }
            guard whole != nil || cells.contains(where: \.hasValue) else { return nil }
            return AssurancePage.Row(
                code: indicator.code, name: indicator.name,
                target: whole?.target.map { indicator.format($0.value) } ?? "–",
                targetLabel: whole?.target?.label ?? "", system: Self.cell(whole), places: cells)
        }
        let escalations = try await store.escalations().filter { $0.status == .open }
        let model = AssurancePage(
            systemCode: system.root.code, places: places.map { AssurancePage.Link(code: $0.code, name: $0.name) },
            rows: rows, hasRows: !rows.isEmpty, catalogue: watched.provenance,
            catalogueIsStandard: watched.source == .standard,
            escalations: escalations.prefix(20).map { EscalationRow($0, in: system) },
            hasEscalations: !escalations.isEmpty)
        return renderer.page(
            .assurance, title: "Assurance", systemName: system.name,
            breadcrumb: [Crumb(name: system.root.name, href: "/"), Crumb(name: "Assurance")], model: model)
    }

    /// `/assurance/{area}`: one row and one SPC chart per indicator.
    func areaPage(_ code: String) async throws -> Response {
        let system = try await registry.system()
        guard let area = system.area(code), code == system.root.code || area.parentCode == system.root.code else {
            throw Problem.notFound("assurance is reported for the system and its places; '\(code)' is neither")
        }
        let watched = try await watched()
        let series = Self.series(try await store.indicatorValues(), area: code, catalogue: watched.indicators)
        let model = AssuranceAreaPage(
            name: area.name, code: code, hasSeries: !series.isEmpty, catalogue: watched.provenance,
            catalogueIsStandard: watched.source == .standard,
            indicators: series.map { item in
                let labels = item.months.map(FinanceMonth.label)
                return AssuranceAreaPage.Item(
                    code: item.indicator.code, name: item.indicator.name, source: item.indicator.source,
                    cell: Self.cell(item), target: item.targetWords,
                    chart: item.svg(id: "spc-\(item.indicator.code)", title: "\(item.indicator.name): \(area.name)"),
                    rows: zip(labels, item.chart.points).map { label, point in
                        AssuranceAreaPage.PointRow(
                            month: label, value: item.indicator.format(point.value),
                            type: point.type.rawValue.replacingOccurrences(of: "_", with: " "),
                            rule: point.rule?.rawValue.replacingOccurrences(of: "_", with: " ") ?? "")
                    })
            })
        return renderer.page(
            .assuranceArea, title: "Assurance: \(area.name)", systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Assurance", href: "/assurance"),
                Crumb(name: area.name),
            ], model: model)
    }

    /// `/assurance/returns`: places' returns and the escalations raised.
    func returnsPage() async throws -> Response {
        let system = try await registry.system()
        let returns = await PublicNames(store: store).publicly(try await store.assuranceReturns())
        let escalations = try await store.escalations()
        let session = SignedIn.current
        let places = system.children(of: system.root.code)
        let model = ReturnsPage(
            canSubmit: session?.user.role.maySubmitReturns ?? false, csrf: session?.csrf ?? "",
            places: places.map { AssurancePage.Link(code: $0.code, name: $0.name) },
            formIndicators: try await watched().indicators.filter { !$0.computedFromDataset }.map {
                ReturnsPage.FormIndicator(code: $0.code, name: $0.name, unit: $0.unit == .percent ? "%" : "")
            },
            returns: returns.map { item in
                ReturnsPage.ReturnRow(
                    id: String(item.id ?? 0), place: system.area(item.place)?.name ?? item.place,
                    month: FinanceMonth.label(item.month),
                    status: item.status.rawValue.replacingOccurrences(of: "-", with: " "),
                    submittedBy: item.submittedBy, narrative: item.narrative, actions: item.actions,
                    review: item.reviewNote.map { "\(item.reviewedBy ?? ""): \($0)" } ?? "")
            },
            hasReturns: !returns.isEmpty,
            escalations: escalations.map { EscalationRow($0, in: system) },
            hasEscalations: !escalations.isEmpty)
        return renderer.page(
            .returns, title: "Assurance returns", systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Assurance", href: "/assurance"),
                Crumb(name: "Returns"),
            ], model: model)
    }
}

/// Month labels shared by the money and assurance pages: "2025-07" → "Jul 25".
enum FinanceMonth {
    static func label(_ month: String) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let (year, number) = Month.components(month) else { return month }
        return "\(names[number - 1]) \(String(year).suffix(2))"
    }
}

/// One escalation as the dashboard and the returns page list it.
struct EscalationRow {
    var area: String
    var month: String
    var reason: String
    var detail: String
    var status: String

    /// `escalation`, its area named as `system` names it.
    init(_ escalation: Escalation, in system: HealthSystem) {
        area = system.area(escalation.area)?.name ?? escalation.area
        month = FinanceMonth.label(escalation.month)
        reason = escalation.reason.rawValue.replacingOccurrences(of: "-", with: " ")
        detail = escalation.detail
        status = escalation.status.rawValue
    }
}

/// The `/assurance` page.
struct AssurancePage {
    struct Cell {
        var value: String
        var icons: String
        var hasValue: Bool
    }
    struct Row {
        var code: String
        var name: String
        var target: String
        var targetLabel: String
        var system: Cell
        var places: [Cell]
    }
    struct Link {
        var code: String
        var name: String
    }
    var systemCode: String
    var places: [Link]
    var rows: [Row]
    var hasRows: Bool
    /// Where the indicators come from (the pack, or the standard catalogue).
    var catalogue: String
    var catalogueIsStandard: Bool
    var escalations: [EscalationRow]
    var hasEscalations: Bool
}

/// The `/assurance/{area}` page.
struct AssuranceAreaPage {
    struct PointRow {
        var month: String
        var value: String
        var type: String
        var rule: String
    }
    struct Item {
        var code: String
        var name: String
        var source: String
        var cell: AssurancePage.Cell
        var target: String
        var chart: String
        var rows: [PointRow]
    }

    var name: String
    var code: String
    var hasSeries: Bool
    /// Where the indicators come from (the pack, or the standard catalogue).
    var catalogue: String
    var catalogueIsStandard: Bool
    var indicators: [Item]
}

/// The `/assurance/returns` page.
struct ReturnsPage {
    struct ReturnRow {
        var id: String
        var place: String
        var month: String
        var status: String
        var submittedBy: String
        var narrative: String
        var actions: String
        var review: String
    }
    struct FormIndicator {
        var code: String
        var name: String
        var unit: String
    }

    var canSubmit: Bool
    var csrf: String
    var places: [AssurancePage.Link]
    var formIndicators: [FormIndicator]
    var returns: [ReturnRow]
    var hasReturns: Bool
    var escalations: [EscalationRow]
    var hasEscalations: Bool
}
