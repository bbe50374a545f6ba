import ConcordatCore
import Finance
import Foundation
import Hummingbird
import Ingest
import Partnership
import Storage

/// The money side on the web. API (at `/api/v1`): `GET allocation`, `GET ledger`, `GET settlement`,
/// `GET pools`, `GET pools/{code}`, `POST pools/{code}/payments`. Pages: `/money` (allocation by place,
/// distance from target, care-network budgets), `/money/ledger`, `/money/settlement`, `/money/pools`.
struct FinanceController<Context: RequestContext> {
    let registry: SystemRegistry
    let store: any Store
    let renderer: PageRenderer
    let cache = FinanceCache()

    func finances() async throws -> SystemFinances { try await money().finances }

    /// The system's finance picture, computing each answer once into the controller's cache.
    func money() async throws -> SystemMoney {
        let snapshot = try await registry.analysedSnapshot()
        await cache.keep(for: "\(snapshot.generation)")
        guard let finances = snapshot.finances else {
            throw Problem(
                status: .conflict, type: "https://concordat.dev/problems/cannot-compute", title: "Cannot compute",
                detail: "the published weighted populations could not be read")
        }
        return SystemMoney(finances: finances, cache: cache)
    }

    /// `body()`'s value, with a question refused by Partnership as a 400 naming the parameter.
    func answering<Value>(_ body: () async throws -> Value) async throws -> Value {
        do { return try await body() } catch let refusal as FinanceQuestionRefusal { throw refusal.problem }
    }

    /// The API routes, to mount at `/api/v1`.
    var apiRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("allocation") { request, _ -> FinanceDocument<AllocationAnswer> in
            let money = try await self.money()
            var query = try FinanceQuery(request, finances: money.finances, requireControlTotal: true)
            let question = try query.allocation()
            return FinanceDocument(value: try await answering { try await money.answer(question) })
        }
        routes.get("ledger") { request, _ -> FinanceDocument<Ledger.Document> in
            let money = try await self.money()
            let question = try FinanceQuery(request, finances: money.finances).ledger()
            return FinanceDocument(value: try await answering { try await money.answer(question) })
        }
        routes.get("settlement") { request, _ -> FinanceDocument<Settlement> in
            let money = try await self.money()
            let question = try FinanceQuery(request, finances: money.finances).settlement
            return FinanceDocument(value: try await answering { try await money.answer(question) })
        }
        routes.get("pools") { _, _ -> ListDocument<PoolDocument> in
            var items: [PoolDocument] = []
            for pool in try await store.pools() {
                items.append(PoolDocument(try await store.poolAccount(code: pool.code)))
            }
            return ListDocument(items: items)
        }
        routes.get("pools/:code") { _, context -> PoolDocument in
            PoolDocument(try await store.poolAccount(code: try context.parameters.require("code")))
        }
        routes.post("pools/:code/payments") { request, context -> EditedResponse<PoolDocument> in
            let user = try await Authentication(store: store).user(
                request, may: \.mayPayFromPools, toDo: "pay out of pools")
            let code = try context.parameters.require("code")
            let body = try await request.decode(as: PaymentBody.self, context: context)
            let payment = PoolPayment(store: store)
            // Whether the payer may pay out of this pool is told before what is wrong with the payment.
            guard try await Authorisation.translating({ try await payment.pool(code, payableBy: Actor(user)) }) != nil
            else { throw Problem.notFound("no pool has the code '\(code)'") }
            let system = try await registry.system()
            let spend = try body.spend(pool: code, system: system)
            let account = try await Authorisation.translating {
                try await payment.pay(spend, by: Actor(user), in: system)
            }
            return EditedResponse(
                status: .created, headers: [.location: "/api/v1/pools/\(code)"], response: PoolDocument(account))
        }
        return routes
    }

    /// The page routes.
    var pageRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/money") { request, _ in try await moneyPage(request).sameForEveryone() }
        routes.get("/money/ledger") { request, _ in try await ledgerPage(request).sameForEveryone() }
        routes.get("/money/allocation.csv") { request, _ -> Response in
            let money = try await self.money()
            let query = try FinanceQuery(request, finances: money.finances)
            let allocation = try await money.allocation(query.controlTotal, basis: query.basis)
            return CSVDownload(
                filename: "allocation.csv",
                header: [
                    "code", "name", "level", "parent", "population", "weighted_population", "need_index",
                    "budget_pence",
                ],
                rows: allocation.lines.map {
                    [
                        .text($0.code), .text($0.name), .text($0.level), .text($0.parent ?? ""),
                        .number(String(format: "%.1f", $0.population)),
                        .number(String(format: "%.1f", $0.weightedPopulation)),
                        .number(String(format: "%.4f", $0.needIndex)), .integer($0.budgetPence),
                    ]
                }
            ).response
        }
        routes.get("/money/ledger.csv") { request, _ -> Response in
            let money = try await self.money()
            let query = try FinanceQuery(request, finances: money.finances)
            let ledger = try await money.ledger(query.controlTotal, months: query.months)
            let grouping = try query.grouping()
            return CSVDownload(
                filename: "ledger-by-\(grouping.rawValue).csv",
                header: [
                    grouping.rawValue, "name", "annual_budget_pence", "budget_to_date_pence", "actual_to_date_pence",
                    "variance_to_date_pence", "forecast_outturn_pence", "forecast_variance_pence",
                ],
                rows: money.groups(ledger, by: grouping).map { group in
                    [
                        .text(group.code), .text(group.name), .integer(group.statement.annualBudget.pence),
                        .integer(group.statement.budgetToDate.pence), .integer(group.statement.actualToDate.pence),
                        .integer(group.statement.varianceToDate.pence),
                        .integer(group.statement.outturn(query.forecast).pence),
                        .integer(group.statement.forecastVariance(query.forecast).pence),
                    ]
                }
            ).response
        }
        routes.get("/money/settlement") { request, _ in try await settlementPage(request).sameForEveryone() }
        routes.get("/money/pools") { _, _ in try await poolsPage().sameForEveryone() }
        return routes
    }
}

/// A pool's account on the API: the pool, what is spent and left, and each contribution traced.
struct PoolDocument: ResponseCodable {
    var pool: Pool
    var spentPence: Int64
    var balancePence: Int64
    var payments: Int
    var trace: [PoolAccount.TraceLine]

    init(_ account: PoolAccount) {
        pool = account.pool
        spentPence = account.spent.pence
        balancePence = account.balance.pence
        payments = account.payments.count
        trace = account.trace
    }
}

/// The body of `POST /api/v1/pools/{code}/payments`, checked field by field.
struct PaymentBody: Decodable {
    var partner: String?
    var setting: String?
    var area: String?
    var month: String?
    var amountPence: Int64?
    var description: String?

    func spend(pool: String, system: HealthSystem) throws -> PoolSpend {
        var invalid: [Problem.InvalidParam] = []
        if (partner ?? "").isEmpty { invalid.append(.init(name: "partner", reason: "is required")) }
        if let setting {
            if CareSetting(code: setting) == nil {
                invalid.append(.init(name: "setting", reason: "'\(setting)' is not a care setting"))
            }
        } else {
            invalid.append(.init(name: "setting", reason: "is required"))
        }
        if let area {
            if system.area(area) == nil {
                invalid.append(.init(name: "area", reason: "no area has the code '\(area)'"))
            }
        } else {
            invalid.append(.init(name: "area", reason: "is required"))
        }
        if !Month.isValid(month ?? "") {
            invalid.append(.init(name: "month", reason: "must be YYYY-MM"))
        }
        if let amountPence {
            if !(1...Money.inputLimit.pence).contains(amountPence) {
                invalid.append(.init(name: "amountPence", reason: "must be from 1 to \(Money.inputLimit.pence) pence"))
            }
        } else {
            invalid.append(.init(name: "amountPence", reason: "is required (whole pence)"))
        }
        guard invalid.isEmpty else {
            throw Problem.invalidRequest(
                "the payment was not made: \(invalid.count) field(s) refused", invalidParams: invalid)
        }
        return PoolSpend(
            pool: pool, partner: partner!, setting: setting!, area: area!, month: month!,
            amount: Money(pence: amountPence!), description: description ?? "")
    }
}
