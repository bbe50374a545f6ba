import ArgumentParser
import ConcordatCore
import Finance
import Foundation
import Partnership
import Storage

/// The stored system's money picture, shared by `allocate`, `ledger`, `settle` and `pool`.
enum FinanceLoading {
    /// Runs the store and reads the system's finance picture.
    static func picture(_ options: StoreOptions) async throws -> SystemMoney {
        guard let money = try await options.withStore({ try await SystemMoney.read(from: $0) }) else {
            throw ValidationError("the database holds no system: run `concordat init` (or `concordat demo`) first")
        }
        return money
    }

    /// Reads an amount of money given to `option` (pounds; a leading `$` is read as dollars the same way).
    /// - Throws: `ValidationError` naming the option and what could not be read.
    static func money(_ text: String, option: String) throws -> Money {
        do { return try FinanceInput.money(text) } catch { throw ValidationError("\(option): \(error.description)") }
    }

    /// `body()`'s value, with a question Partnership refused as a `ValidationError` naming the option.
    static func answering<Value>(_ body: () async throws -> Value) async throws -> Value {
        do { return try await body() } catch let refusal as FinanceQuestionRefusal {
            throw ValidationError(refusal.description)
        }
    }
}

/// Output formats for the finance commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

extension String {
    /// Padded with spaces on the right to `width`.
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    /// Padded with spaces on the left to `width`.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// Prints `value` in the finance answers' one JSON encoding (``FinanceJSON``), as the API returns it.
func printJSON(_ value: some Encodable) throws {
    print(String(decoding: try FinanceJSON.encode(value), as: UTF8.self))
}

extension SystemFinances.Basis: ExpressibleByArgument {}
extension Ledger.ForecastMethod: ExpressibleByArgument {}
extension RiskShareAgreement.Basis: ExpressibleByArgument {}
extension SharedSavingsProgram.Track: ExpressibleByArgument {}
extension AllocationQuestion.Breakdown: ExpressibleByArgument {}
extension LedgerGrouping: ExpressibleByArgument {}
