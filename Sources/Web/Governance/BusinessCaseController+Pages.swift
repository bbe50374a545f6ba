import ConcordatCore
import Foundation
import Governance
import Hummingbird
import Partnership
import Storage

extension BusinessCaseController {
    static func pounds(_ pence: Int64) -> String { Money(pence: pence).description }
    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

    /// `/business-cases`.
    func listPage() async throws -> Response {
        let system = try await registry.system()
        let cases = try await CaseOffice(store: store).cases()
        let model = BusinessCasesPage(
            cases: cases.map { stored in
                let businessCase = stored.businessCase
                let option = businessCase.economic.appraisedOption
                let gaps = businessCase.economic.missingForGreenBook
                return BusinessCasesPage.Row(
                    id: businessCase.id, title: businessCase.title, author: businessCase.author,
                    npsv: option.map { Self.pounds($0.netPresentSocialValuePence) } ?? "",
                    bcr: option?.benefitCostRatio.map { String(format: "%.2f", $0) } ?? "not given",
                    greenBook: gaps.isEmpty ? "meets" : "falls short",
                    section151: stored.determinations.last.map { "\($0.council): \($0.outcome.rawValue)" }
                        ?? "not determined",
                    proposal: stored.proposal ?? "")
            }, hasCases: !cases.isEmpty)
        return renderer.page(
            .businessCases, title: "Business cases", systemName: system.name,
            breadcrumb: [Crumb(name: system.root.name, href: "/"), Crumb(name: "Business cases")], model: model)
    }

    /// `/business-cases/new`; `?scenario={id}` names a stored scenario to draft from.
    func newPage(scenario: String?) async throws -> Response {
        let system = try await registry.system()
        var scenarioText = ""
        var scenarioName = ""
        if let scenario {
            guard let id = Int64(scenario), id > 0 else {
                throw Problem.invalidRequest(
                    "no such scenario",
                    invalidParams: [
                        .init(name: "scenario", reason: "a scenario is named by its number, e.g. ?scenario=1")
                    ])
            }
            // The stored scenario's definition, as its analyst submitted it, fills the form.
            let stored = try await ScenarioDesk(store: store).scenario(id).scenario
            scenarioText = String(decoding: stored.definition, as: UTF8.self)
            scenarioName = stored.name
        }
        let model = BusinessCaseNewPage(
            csrf: SignedIn.current?.csrf ?? "", fromScenario: scenario != nil, scenarioId: scenario ?? "",
            scenarioName: scenarioName, scenarioText: scenarioText, projectTypes: BusinessCaseDraft.projectTypes)
        return renderer.page(
            .businessCaseNew, title: "Draft a business case", systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Business cases", href: "/business-cases"),
                Crumb(name: "New"),
            ], model: model)
    }

    /// `/business-cases/{id}`.
    func casePage(_ stored: StoredBusinessCase) async throws -> Response {
        let system = try await registry.system()
        let businessCase = stored.businessCase
        let economic = businessCase.economic
        let gaps = economic.missingForGreenBook
        let central = Double(economic.appraisedOption?.netPresentSocialValuePence ?? 0)
        let chart = TornadoChart(id: "tornado", bars: economic.tornado, centralPence: central)
        let session = SignedIn.current
        let model = BusinessCasePage(
            id: businessCase.id, title: businessCase.title, author: businessCase.author,
            organisation: businessCase.organisation ?? "the secretariat",
            created: ISO8601DateFormatter().string(from: businessCase.created),
            attached: stored.proposal.map { "Attached to proposal \($0)." } ?? "Not attached to a proposal.",
            isAttached: stored.proposal != nil, strategic: businessCase.strategic, commercial: businessCase.commercial,
            management: businessCase.management.text, discounting: economic.discounting ?? "Not discounted.",
            businessAsUsual: economic.businessAsUsual,
            options: economic.options.map {
                .init(
                    name: $0.name, cost: Self.pounds($0.additionalPresentCostPence),
                    bias: Self.pounds($0.presentOptimismBiasPence),
                    benefit: Self.pounds($0.additionalPresentBenefitPence),
                    npsv: Self.pounds($0.netPresentSocialValuePence),
                    bcr: $0.benefitCostRatio.map { String(format: "%.2f", $0) } ?? "not given")
            },
            optimismBias: economic.optimismBias.map {
                "\($0.projectType): capital \(Self.percent($0.capital)), operating \(Self.percent($0.operating))"
                    + ($0.reason.map { " — reason for a value below the upper bound: \($0)" }
                        ?? " (the published upper bound)")
            } ?? "none applied",
            hasTornado: !economic.tornado.isEmpty, tornado: chart.svg, tornadoText: chart.description,
            bars: economic.tornado.map {
                .init(
                    parameter: $0.parameter, low: String(format: "%.4g", $0.low), high: String(format: "%.4g", $0.high),
                    atLow: TornadoChart.pounds($0.npsvAtLowPence), atHigh: TornadoChart.pounds($0.npsvAtHighPence))
            },
            switching: economic.switchingValues.map {
                "\($0.parameter): NPSV is zero at \($0.value.map { String(format: "%.4g", $0) } ?? "no value in range") "
                    + "(central \(String(format: "%.4g", $0.central)))"
            },
            greenBook: gaps.isEmpty
                ? "met: discounted at the STPR, optimism bias applied, sensitivity tested"
                : "falls short: " + gaps.joined(separator: "; "),
            cash: businessCase.financial.partners.flatMap { partner in
                partner.years.map {
                    BusinessCasePage.Cash(
                        partner: system.organisations.first { $0.code == partner.partner }?.name ?? partner.partner,
                        year: "\($0.year)/\(String(($0.year + 1) % 100).leftPadded(2))",
                        cash: Self.pounds($0.cashPence),
                        budget: Self.pounds($0.budgetPence), headroom: Self.pounds($0.budgetPence - $0.cashPence))
                }
            },
            breaches: businessCase.financial.breaches.map {
                .init(
                    partner: $0.partner, runs: String($0.runs), probability: Self.percent($0.probability),
                    interval: "\(Self.percent($0.intervalLow)) to \(Self.percent($0.intervalHigh))")
            },
            determinations: stored.determinations.map {
                "\($0.council)'s Section 151 officer \($0.username), \(ISO8601DateFormatter().string(from: $0.at)): "
                    + "\($0.outcome.rawValue) — \($0.reason)"
            },
            milestones: businessCase.management.milestones.map {
                "\($0.id): \($0.title) (\($0.workstream); \($0.owner); due \($0.due))"
            },
            risks: businessCase.management.risks.map {
                "\($0.id): \($0.title) (\($0.owner); \($0.area); likelihood \($0.likelihood) × consequence \($0.consequence))"
            },
            signedIn: session != nil, csrf: session?.csrf ?? "",
            borne: (businessCase.financial.riskShare ?? []).map { line in
                BusinessCasePage.Borne(
                    partner: system.organisations.first { $0.code == line.partner }?.name ?? line.partner,
                    year: "\(line.year)/\(String((line.year + 1) % 100).leftPadded(2))",
                    without: Self.pounds(line.withoutScenarioPence), principal: Self.pounds(line.principalPence),
                    p10: Self.pounds(line.p10Pence), p50: Self.pounds(line.p50Pence), p90: Self.pounds(line.p90Pence))
            },
            riskShareNote: businessCase.financial.riskShareAgreement.map { "Settled under: \($0)." }
                ?? businessCase.financial.riskShareUnavailable.map { "No risk-share settlement: \($0)." }
                ?? "This case was drafted before who bears what under the risk-share agreement was recorded.")
        return renderer.page(
            .businessCase, title: businessCase.title, systemName: system.name,
            breadcrumb: [
                Crumb(name: system.root.name, href: "/"), Crumb(name: "Business cases", href: "/business-cases"),
                Crumb(name: businessCase.id),
            ], model: model)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// The `/business-cases` page.
struct BusinessCasesPage {
    struct Row {
        var id, title, author, npsv, bcr, greenBook, section151, proposal: String
    }
    var cases: [Row]
    var hasCases: Bool
}

/// The `/business-cases/new` page.
struct BusinessCaseNewPage {
    var csrf: String
    var fromScenario: Bool
    var scenarioId: String
    var scenarioName: String
    var scenarioText: String
    var projectTypes: [String]
}

/// The `/business-cases/{id}` page.
struct BusinessCasePage {
    struct Option { var name, cost, bias, benefit, npsv, bcr: String }
    struct Bar { var parameter, low, high, atLow, atHigh: String }
    struct Cash { var partner, year, cash, budget, headroom: String }
    struct Breach { var partner, runs, probability, interval: String }
    struct Borne { var partner, year, without, principal, p10, p50, p90: String }

    var id, title, author, organisation, created, attached: String
    var isAttached: Bool
    var strategic, commercial, management, discounting, businessAsUsual: String
    var options: [Option]
    var optimismBias: String
    var hasTornado: Bool
    var tornado, tornadoText: String
    var bars: [Bar]
    var switching: [String]
    var greenBook: String
    var cash: [Cash]
    var breaches: [Breach]
    /// Who bears what under the risk-share agreement, by partner and year.
    var borne: [Borne]
    /// The agreement, or why there is no settlement.
    var riskShareNote: String
    var determinations: [String]
    var milestones: [String]
    var risks: [String]
    var signedIn: Bool
    var csrf: String
    // Stored, not computed: Mustache reads models by reflection.
    var hasSwitching: Bool
    var hasDeterminations: Bool
    var hasMilestones: Bool
    var hasRisks: Bool
    var hasBorne: Bool

    init(
        id: String, title: String, author: String, organisation: String, created: String, attached: String,
        isAttached: Bool, strategic: String, commercial: String, management: String, discounting: String,
        businessAsUsual: String, options: [Option], optimismBias: String, hasTornado: Bool, tornado: String,
        tornadoText: String, bars: [Bar], switching: [String], greenBook: String, cash: [Cash], breaches: [Breach],
        determinations: [String], milestones: [String], risks: [String], signedIn: Bool, csrf: String,
        borne: [Borne] = [], riskShareNote: String = ""
    ) {
        self.id = id
        self.title = title
        self.author = author
        self.organisation = organisation
        self.created = created
        self.attached = attached
        self.isAttached = isAttached
        self.strategic = strategic
        self.commercial = commercial
        self.management = management
        self.discounting = discounting
        self.businessAsUsual = businessAsUsual
        self.options = options
        self.optimismBias = optimismBias
        self.hasTornado = hasTornado
        self.tornado = tornado
        self.tornadoText = tornadoText
        self.bars = bars
        self.switching = switching
        self.greenBook = greenBook
        self.cash = cash
        self.breaches = breaches
        self.determinations = determinations
        self.milestones = milestones
        self.risks = risks
        self.signedIn = signedIn
        self.csrf = csrf
        hasSwitching = !switching.isEmpty
        hasDeterminations = !determinations.isEmpty
        hasMilestones = !milestones.isEmpty
        hasRisks = !risks.isEmpty
        self.borne = borne
        self.riskShareNote = riskShareNote
        hasBorne = !borne.isEmpty
    }
}
