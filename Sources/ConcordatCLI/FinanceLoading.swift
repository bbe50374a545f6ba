import ArgumentParser
import ConcordatCore
import Finance
import Foundation
import Partnership
import Storage
import Web

/// The stored system's money picture, shared by `allocate`, `ledger`, `settle` and `pool`.
enum FinanceLoading {
    /// Opens the store and reads the system and its dataset's analysis.
    static func load(_ options: StoreOptions) async throws -> (store: any Store, finances: SystemFinances) {
        let store = try await options.open()
        guard let system = try await store.loadSystem() else {
            throw ValidationError("the database holds no system: run `concordat init` (or `concordat demo`) first")
        }
        let pack = try await SystemPackStorage.pack(in: store, for: system)
        return (store, try SystemFinances(system: system, dataset: try await store.datasetSummary(), pack: pack))
    }

    /// Reads an amount of money given to `option` (pounds; a leading `$` is read as dollars the same way).
    /// - Throws: `ValidationError` naming the option and what could not be read (``MoneyParsingError``).
    static func money(_ text: String, option: String) throws -> Money {
        let pounds = text.hasPrefix("$") ? String(text.dropFirst()) : text
        do { return try Money.parse(pounds) } catch { throw ValidationError("\(option): \(error.description)") }
    }

    /// Parses `key=value,key=value` with numbers (a trailing % divides by 100).
    static func pairs(_ text: String, option: String) throws -> [String: Double] {
        var values: [String: Double] = [:]
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            let raw = pair.count == 2 ? pair[1].trimmingCharacters(in: .whitespaces) : ""
            let percent = raw.hasSuffix("%")
            guard pair.count == 2, let number = Double(percent ? String(raw.dropLast()) : raw), number.isFinite else {
                throw ValidationError("\(option): '\(part)' is not of the form name=number")
            }
            values[pair[0].trimmingCharacters(in: .whitespaces)] = percent ? number / 100 : number
        }
        return values
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

/// Prints `value` as sorted, indented JSON.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

extension SystemFinances.Basis: ExpressibleByArgument {}
extension Ledger.ForecastMethod: ExpressibleByArgument {}
extension RiskShareAgreement.Basis: ExpressibleByArgument {}
extension SharedSavingsProgram.Track: ExpressibleByArgument {}
