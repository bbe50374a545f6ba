import ConcordatCore
import Finance
import Foundation

/// How finance inputs are read, the same on the command line and the API: amounts of money, financial
/// years, shares and percentages, pace-of-change policies and lists of `name=value` pairs.
public enum FinanceInput {
    /// An amount in pounds as a finance user writes it: `£3,100,000,000`, `£3.1bn`, `£250m`, `12500000.50`
    /// (a leading `$` is read as dollars the same way).
    public static func money(_ text: String) throws(FinanceInputRefusal) -> Money {
        let pounds = text.hasPrefix("$") ? String(text.dropFirst()) : text
        do { return try Money.parse(pounds) } catch { throw FinanceInputRefusal(error) }
    }

    /// A share or rate: `55%` (a percentage) or `0.55` (a fraction of one), from 0 to 100%. A bare number
    /// of 1 or more is refused rather than guessed at: `55` or `1` could be meant as a percentage.
    public static func share(_ text: String) throws(FinanceInputRefusal) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let percent = trimmed.hasSuffix("%")
        let digits = percent ? String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) : trimmed
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let number = Double(digits), number.isFinite
        else {
            throw FinanceInputRefusal(text, "is not a share: write a percentage such as 55% or a fraction such as 0.55")
        }
        guard percent || number < 1 else {
            throw FinanceInputRefusal(text, "is not a fraction below 1: write \(digits)% for a percentage")
        }
        guard !percent || number <= 100 else { throw FinanceInputRefusal(text, "is more than 100%") }
        return percent ? number / 100 : number
    }

    /// A signed percentage or fraction, as pace-of-change floors and caps are: `1%`, `-2%`, `0.01`.
    public static func rate(_ text: String) throws(FinanceInputRefusal) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let negative = trimmed.hasPrefix("-")
        let magnitude = try share(negative ? String(trimmed.dropFirst()) : trimmed)
        return negative ? -magnitude : magnitude
    }

    /// `name=value,name=value`, each name once, with `value` read by `read`.
    public static func pairs<Value>(
        _ text: String, _ read: (String) throws(FinanceInputRefusal) -> Value
    ) throws(FinanceInputRefusal) -> [(name: String, value: Value)] {
        var result: [(name: String, value: Value)] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1)
            let name = pair.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard pair.count == 2, !name.isEmpty else {
                throw FinanceInputRefusal(String(part), "is not of the form name=value")
            }
            guard !result.contains(where: { $0.name == name }) else {
                throw FinanceInputRefusal(String(part), "names \(name) a second time")
            }
            do { result.append((name, try read(String(pair[1])))) } catch {
                throw FinanceInputRefusal(String(part), "has a value that \(error.description)")
            }
        }
        return result
    }

    /// Each component's share of spend: `G&A=55%,CS=10%,…` or `G&A=0.55,CS=0.1,…` (``share(_:)``).
    public static func componentShares(_ text: String) throws(FinanceInputRefusal) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: try pairs(text, share).map { ($0.name, $0.value) })
    }

    /// A pace-of-change policy: `floor=1%,cap=5%` (``rate(_:)`` for each).
    public static func pace(_ text: String) throws(FinanceInputRefusal) -> PaceOfChange {
        let values = Dictionary(uniqueKeysWithValues: try pairs(text, rate).map { ($0.name, $0.value) })
        guard let floor = values["floor"], let cap = values["cap"], values.count == 2 else {
            throw FinanceInputRefusal(text, "is not of the form floor=1%,cap=5%")
        }
        return PaceOfChange(floor: floor, cap: cap)
    }

    /// Last year's budgets by area: `north=£1.2bn,south=£900m` (``money(_:)`` for each).
    public static func baselines(_ text: String) throws(FinanceInputRefusal) -> [String: Money] {
        Dictionary(uniqueKeysWithValues: try pairs(text, money).map { ($0.name, $0.value) })
    }
}
