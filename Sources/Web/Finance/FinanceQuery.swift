import ConcordatCore
import Finance
import Hummingbird
import Partnership

/// The query parameters the money pages and API share, read by Partnership's rules (``FinanceInput``)
/// and checked with a clear 400 naming each bad one.
struct FinanceQuery {
    var controlTotal: Money
    var controlTotalInput: String
    var basis: SystemFinances.Basis
    var months: Int
    var forecast: Ledger.ForecastMethod
    /// Parameters refused so far.
    private var invalid: [Problem.InvalidParam] = []
    private let query: Parameters

    init(_ request: Request, finances: SystemFinances, requireControlTotal: Bool = false) throws {
        query = request.uri.queryParameters
        let text = query.get("controlTotal")
        if text == nil, requireControlTotal {
            invalid.append(.init(name: "controlTotal", reason: "is required, e.g. ?controlTotal=£3.1bn"))
        }
        var parsed: Money?
        if let text {
            do { parsed = try FinanceInput.money(text) } catch {
                invalid.append(.init(name: "controlTotal", reason: error.description))
            }
        }
        controlTotal = parsed ?? finances.defaultControlTotal
        controlTotalInput = text ?? controlTotal.description
        let basisText = query.get("basis") ?? "published"
        basis = SystemFinances.Basis(rawValue: basisText) ?? .published
        if SystemFinances.Basis(rawValue: basisText) == nil {
            invalid.append(.init(name: "basis", reason: "'\(basisText)' is not published or person-based"))
        }
        let monthsText = query.get("months") ?? "8"
        months = Int(monthsText) ?? 8
        if Int(monthsText).map({ !(0...12).contains($0) }) ?? true {
            invalid.append(
                .init(name: "months", reason: "'\(monthsText)' is not a whole number of months from 0 to 12"))
        }
        let forecastText = query.get("forecast") ?? "run-rate"
        forecast = Ledger.ForecastMethod(rawValue: forecastText) ?? .runRate
        if Ledger.ForecastMethod(rawValue: forecastText) == nil {
            invalid.append(.init(name: "forecast", reason: "'\(forecastText)' is not run-rate or seasonal"))
        }
        try refuseInvalid()
    }

    /// Throws the 400 for every parameter refused so far.
    private func refuseInvalid() throws {
        if !invalid.isEmpty {
            throw Problem.invalidRequest("\(invalid.count) parameter(s) refused", invalidParams: invalid)
        }
    }

    /// `text` (the value of `field`'s parameter) read by `read`, or a refusal recorded against it.
    private mutating func read<Value>(
        _ text: String?, _ field: FinanceField, _ read: (String) throws(FinanceInputRefusal) -> Value
    ) -> Value? {
        guard let text else { return nil }
        do { return try read(text) } catch {
            invalid.append(.init(name: field.parameter, reason: error.description))
            return nil
        }
    }

    /// `?by=partner|place|pool` (default partner).
    func grouping() throws -> LedgerGrouping {
        let by = query.get("by") ?? "partner"
        guard let grouping = LedgerGrouping(rawValue: by) else {
            throw Problem.invalidRequest(
                "'\(by)' is not a grouping",
                invalidParams: [.init(name: "by", reason: "'\(by)' is not partner, place or pool")])
        }
        return grouping
    }

    /// The allocation question: `by`, `level`, `componentShares`, `explain`, `year`, `pace` and
    /// `baselines` besides the control total and basis.
    mutating func allocation() throws -> AllocationQuestion {
        var breakdown: AllocationQuestion.Breakdown?
        if let by = query.get("by") {
            breakdown = AllocationQuestion.Breakdown(rawValue: by)
            if breakdown == nil {
                throw Problem.invalidRequest(
                    "'\(by)' is not a breakdown",
                    invalidParams: [.init(name: "by", reason: "'\(by)' is not network or component")])
            }
        }
        let question = AllocationQuestion(
            controlTotal: controlTotal,
            year: read(query.get("year"), .year) { text throws(FinanceInputRefusal) in
                try FinancialYear(parsing: text)
            },
            basis: basis, breakdown: breakdown, level: query.get("level") ?? "place",
            componentShares: read(query.get("componentShares"), .componentShares, FinanceInput.componentShares),
            explain: query.get("explain"), pace: read(query.get("pace"), .pace, FinanceInput.pace),
            baselines: read(query.get("baselines"), .baselines, FinanceInput.baselines))
        try refuseInvalid()
        return question
    }

    /// The ledger question.
    func ledger() throws -> LedgerQuestion {
        LedgerQuestion(controlTotal: controlTotal, months: months, grouping: try grouping(), forecast: forecast)
    }

    /// The settlement question.
    var settlement: SettlementQuestion {
        SettlementQuestion(controlTotal: controlTotal, months: months, forecast: forecast)
    }
}

extension FinanceQuestionRefusal {
    /// The 400 naming the query parameter at fault.
    var problem: Problem {
        Problem.invalidRequest(
            "\(field.parameter) was refused: \(reason)", invalidParams: [.init(name: field.parameter, reason: reason)])
    }
}
