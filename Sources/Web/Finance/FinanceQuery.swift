import ConcordatCore
import Finance
import Hummingbird

/// The query parameters the money pages and API share, checked with a clear 400 for each bad one.
struct FinanceQuery {
    var controlTotal: Money
    var controlTotalInput: String
    var basis: SystemFinances.Basis
    var months: Int
    var forecast: Ledger.ForecastMethod

    init(_ request: Request, finances: SystemFinances, requireControlTotal: Bool = false) throws {
        let query = request.uri.queryParameters
        var invalid: [Problem.InvalidParam] = []
        let text = query.get("controlTotal")
        if text == nil, requireControlTotal {
            invalid.append(.init(name: "controlTotal", reason: "is required, e.g. ?controlTotal=£3.1bn"))
        }
        var parsed: Money?
        if let text {
            do { parsed = try Money.parse(text) } catch {
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
        if !invalid.isEmpty {
            throw Problem.invalidRequest("\(invalid.count) parameter(s) refused", invalidParams: invalid)
        }
    }
}
