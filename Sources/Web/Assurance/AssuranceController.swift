import Assurance
import ConcordatCore
import Foundation
import Hummingbird
import Ingest
import Partnership
import Storage

/// Assurance on the web. API (at `/api/v1`): `GET indicators`, `GET indicators/{code}/areas/{area}/spc`,
/// `GET indicators/{code}/organisations/{organisation}/spc`, `GET ae/funnel`,
/// `GET|POST returns`, `POST returns/{id}/review`, `GET escalations`. Pages: `/assurance` (the system,
/// places side by side), `/assurance/ae` (the trusts' published A&E statistics and England's funnel),
/// `/assurance/{area}` (one row and one SPC chart per indicator),
/// `/assurance/returns` (returns and escalations).
struct AssuranceController<Context: RequestContext> {
    let registry: SystemRegistry
    let store: any Store
    let renderer: PageRenderer

    /// One indicator's series in one area, charted.
    struct Series {
        var indicator: Indicator
        var values: [IndicatorValue]
        var chart: XmRChart
        var target: Indicator.Target?
        var months: [String] { values.map(\.month) }
        var latest: IndicatorValue { values.last! }

        /// The target in force at the latest month, in words: "78.0% — 2024/25 planning guidance".
        var targetWords: String { target.map { "\(indicator.format($0.value)) — \($0.label)" } ?? "no target" }

        /// The chart as SVG, months labelled "Jul 25".
        func svg(id: String, title: String) -> String {
            SPCChart(
                id: id, title: title, chart: chart, labels: months.map(FinanceMonth.label), target: target?.value,
                format: indicator.format
            ).svg
        }
    }

    /// The indicators the system watches: its pack's catalogue, else the standard one (saying so).
    func watched() async throws -> WatchedIndicators { WatchedIndicators(pack: try await registry.snapshot().pack) }

    /// The series of every indicator of `catalogue` with values in `area`.
    static func series(_ values: [IndicatorValue], area: String, catalogue: [Indicator]) -> [Series] {
        series(values, subject: .area(area), catalogue: catalogue)
    }

    /// The series of every indicator of `catalogue` with values for `subject` (an area or an organisation),
    /// in the catalogue's order; a month with no value is a gap in the series, not a zero.
    static func series(_ values: [IndicatorValue], subject: IndicatorSubject, catalogue: [Indicator]) -> [Series] {
        catalogue.compactMap { indicator in
            let mine = values.filter { $0.indicator == indicator.code && $0.subject == subject }.sorted {
                $0.month < $1.month
            }
            guard let last = mine.last else { return nil }
            let target = indicator.target(in: last.month)
            guard
                let chart = try? XmRChart(
                    values: mine.map(\.value), options: .init(improvement: indicator.improvement, target: target?.value)
                )
            else { return nil }
            return Series(indicator: indicator, values: mine, chart: chart, target: target)
        }
    }

    /// The API routes, to mount at `/api/v1`.
    var apiRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("indicators") { _, _ in ListDocument(items: try await watched().indicators) }
        routes.get("indicators/:code/areas/:area/spc", use: spc)
        routes.get("indicators/:code/organisations/:organisation/spc", use: organisationSPC)
        routes.get("ae/funnel", use: aeFunnelDocument)
        routes.get("returns") { _, _ in
            ListDocument(items: await PublicNames(store: store).publicly(try await store.assuranceReturns()))
        }
        routes.get("escalations") { _, _ in ListDocument(items: try await store.escalations()) }
        routes.post("returns", use: submitReturn)
        routes.post("returns/:id/review", use: review)
        return routes
    }

    /// `GET /api/v1/indicators/{code}/areas/{area}/spc`: one indicator's SPC chart in one area.
    @Sendable func spc(_ request: Request, context: Context) async throws -> XmRChart.Document {
        let code = try context.parameters.require("code")
        let area = try context.parameters.require("area")
        let catalogue = try await watched()
        guard catalogue.indicator(code) != nil else {
            throw Problem.notFound("no indicator of the system has the code '\(code)'")
        }
        guard
            let series = Self.series(try await store.indicatorValues(), area: area, catalogue: catalogue.indicators)
                .first(where: {
                    $0.indicator.code == code
                })
        else { throw Problem.notFound("\(area) has no values of \(code)") }
        return series.chart.document(periods: series.months)
    }

    /// `POST /api/v1/returns`: submits a return, answering 201 with it and the escalations it raised.
    @Sendable func submitReturn(_ request: Request, context: Context) async throws -> EditedResponse<ReturnReceipt> {
        let user = try await Authentication(store: store).user(
            request, may: \.maySubmitReturns, toDo: "submit assurance returns")
        let body = try await request.decode(as: ReturnBody.self, context: context)
        let receipt = try await submit(body, by: user)
        return EditedResponse(status: .created, headers: [.location: "/api/v1/returns"], response: receipt)
    }

    /// `POST /api/v1/returns/{id}/review`: the system commissioner accepts a return or asks for more.
    @Sendable func review(_ request: Request, context: Context) async throws -> AssuranceReturn {
        let user = try await Authentication(store: store).user(
            request, may: \.mayReviewReturns, toDo: "review returns for the system commissioner")
        guard let id = Int64(try context.parameters.require("id")) else { throw Problem.notFound("no such return") }
        let body = try await request.decode(as: ReviewBody.self, context: context)
        guard let status = AssuranceReturn.Status(rawValue: body.status) else {
            throw FieldsRefused(
                "the review was not recorded", field: "status",
                reason: "'\(body.status)' is not accepted or more-information-requested")
        }
        return try await ReturnDesk(store: store).review(id, as: status, note: body.note, by: Actor(user))
    }

    /// Submits a return through the ``ReturnDesk``.
    func submit(_ body: ReturnBody, by user: UserAccount) async throws -> ReturnReceipt {
        ReturnReceipt(
            try await ReturnDesk(store: store).submit(body.draft, in: try await registry.system(), by: Actor(user)))
    }

    /// The page routes.
    var pageRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.post("/assurance/returns", use: submitFromPage)
        routes.get("/assurance") { _, _ in try await dashboard().sameForEveryone() }
        routes.get("/assurance/returns") { _, _ in try await returnsPage().sameForEveryone() }
        routes.get("/assurance/ae") { request, _ in try await aePage(request).sameForEveryone() }
        routes.get("/assurance/values.csv", use: valuesCSV)
        routes.get("/assurance/:area") { _, context in
            try await areaPage(try context.parameters.require("area")).sameForEveryone()
        }
        return routes
    }

    /// `POST /assurance/returns`: the returns page's form submits a return.
    @Sendable func submitFromPage(_ request: Request, context: Context) async throws -> Response {
        let (fields, session) = try await FormPost.read(
            [String: String].self, from: request, csrf: { $0["csrf"] }, may: \.maySubmitReturns,
            toDo: "submit assurance returns")
        let values = try await watched().indicators.compactMap { indicator -> ReturnBody.Value? in
            guard let text = fields["value-\(indicator.code)"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty
            else { return nil }
            return ReturnBody.Value(indicator: indicator.code, value: Double(text) ?? .nan)
        }
        let body = ReturnBody(
            place: fields["place"], month: fields["month"], values: values, narrative: fields["narrative"],
            actions: fields["actions"])
        _ = try await submit(body, by: session.user)
        return FormPost.redirect(to: "/assurance/returns")
    }

    /// `GET /assurance/values.csv`: every indicator value stored.
    @Sendable func valuesCSV(_ request: Request, context: Context) async throws -> Response {
        CSVDownload(
            filename: "indicator-values.csv",
            header: ["indicator", "area", "month", "value", "numerator", "denominator"],
            rows: try await store.indicatorValues().map {
                [
                    .text($0.indicator), .text($0.area), .text($0.month), .number(String($0.value)),
                    .number($0.numerator.map { String($0) } ?? ""),
                    .number($0.denominator.map { String($0) } ?? ""),
                ]
            }
        ).response
    }
}

/// What `POST /api/v1/returns` answers: the stored return and the escalations it raised.
struct ReturnReceipt: ResponseCodable {
    var assuranceReturn: AssuranceReturn
    var escalations: [Escalation]

    init(_ receipt: ReturnDesk.Receipt) {
        assuranceReturn = receipt.assuranceReturn
        escalations = receipt.escalations
    }
}

/// The body of `POST /api/v1/returns`.
struct ReturnBody: Decodable {
    struct Value: Decodable {
        var indicator: String?
        var value: Double?
    }
    var place: String?
    var month: String?
    var values: [Value]?
    var narrative: String?
    var actions: String?

    /// The draft the ``ReturnDesk`` checks.
    var draft: ReturnDraft {
        ReturnDraft(
            place: place, month: month, values: (values ?? []).map { .init(indicator: $0.indicator, value: $0.value) },
            narrative: narrative, actions: actions)
    }
}

/// The body of `POST /api/v1/returns/{id}/review`.
struct ReviewBody: Decodable {
    var status: String
    var note: String?
}

extension Indicator: ResponseCodable {}
extension XmRChart.Document: ResponseCodable {}
extension AssuranceReturn: ResponseCodable {}
extension Escalation: ResponseCodable {}
