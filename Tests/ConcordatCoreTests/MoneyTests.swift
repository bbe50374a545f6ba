import ConcordatCore
import Testing

@Suite("Money in integer pence")
struct MoneyTests {
    @Test(
        "reads pounds in the forms finance papers use",
        arguments: [
            ("£3,100,000,000", Int64(310_000_000_000)), ("3100000000.50", 310_000_000_050), ("£3.1bn", 310_000_000_000),
            ("£250m", 25_000_000_000), ("£12k", 1_200_000), ("£0.01", 1), ("£2.345m", 234_500_000),
        ])
    func parses(text: String, pence: Int64) {
        #expect(Money(parsing: text)?.pence == pence)
    }

    @Test("refuses what is not an amount", arguments: ["", "£", "abc", "1.234", "£1.2.3", "-5", "£1e9", "1.5p"])
    func refuses(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test(
        "commas only between thousands; no amount beyond £1tn; each refusal says why",
        arguments: [
            ("£3,1bn", MoneyParsingError.Code.misplacedSeparator), ("31,00", .misplacedSeparator),
            ("1,0000", .misplacedSeparator), (",100", .misplacedSeparator), ("1,,000", .misplacedSeparator),
            ("1.000,50", .misplacedSeparator), ("£92233720368547758", .outOfRange),
            ("£92233720368547757.99", .outOfRange), ("£1,000,000,000,000.01", .outOfRange), ("9999999bn", .outOfRange),
            (String(repeating: "9", count: 400), .outOfRange), ("1.2.3", .misplacedPoint), ("£.5", .misplacedPoint),
            ("5.", .misplacedPoint), ("1.234", .fractionOfAPenny), ("£", .empty), ("m", .empty), ("1e9", .notANumber),
            ("-5", .notANumber), ("NaN", .notANumber), ("１２", .notANumber),
        ])
    func refusesWithReason(text: String, code: MoneyParsingError.Code) {
        #expect(throws: MoneyParsingError(code, text: text)) { try Money.parse(text) }
    }

    @Test("thousands in groups of three, and the limit itself, are read exactly")
    func readsGroupsAndLimit() throws {
        #expect(try Money.parse("3,100,000.50").pence == 310_000_050)
        #expect(try Money.parse("£1,000").pence == 100_000)
        #expect(try Money.parse("£1,000,000,000,000") == Money.inputLimit)
        #expect(try Money.parse("£1,000bn") == Money.inputLimit)
        #expect(try Money.parse("000000000000000000000012.5").pence == 1_250)
        #expect(MoneyParsingError(.misplacedSeparator, text: "£3,1bn").description.contains("£3,1bn"))
    }

    @Test("an amount too large to split exactly is not split, rather than trapping")
    func splitsWithinRange() {
        #expect(Money(pence: .max).split(by: [1, 2]) == nil)
        #expect(Money(pence: .min).split(by: [1, 2]) == nil)
        #expect(Money(pence: 1 << 53).split(by: [1, 1])?.map(\.pence).reduce(0, +) == 1 << 53)
    }

    @Test("prints as people write it")
    func prints() {
        #expect(Money(pence: 310_000_000_050).description == "£3,100,000,000.50")
        #expect(Money(pence: 5).description == "£0.05")
        #expect(Money(pence: -1_234).description == "-£12.34")
    }

    @Test("largest-remainder splits add up to the whole, to the penny")
    func splits() throws {
        // £1.00 in thirds: 33.33… each; the leftover penny goes to the first (ties go to the earlier part).
        #expect(Money(pence: 100).split(by: [1, 1, 1])?.map(\.pence) == [34, 33, 33])
        // Quotas 42.857, 28.571, 28.571: floors 42 + 28 + 28 = 98; the two pence left go to the largest
        // remainders, .857 and then the first .571: 43, 29, 28.
        #expect(Money(pence: 100).split(by: [3, 2, 2])?.map(\.pence) == [43, 29, 28])
        #expect(Money(pence: 0).split(by: [1, 2])?.map(\.pence) == [0, 0])
        #expect(Money(pence: 10).split(by: [0, 0]) == nil)
        #expect(Money(pence: 10).split(by: [1, -1]) == nil)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let total = Int64.random(in: 0...400_000_000_000, using: &generator)
            let weights = (0..<Int.random(in: 1...200, using: &generator)).map { _ in
                Double.random(in: 0...70_000, using: &generator)
            }
            guard let parts = Money(pence: total).split(by: weights) else { continue }
            #expect(parts.reduce(0) { $0 + $1.pence } == total)
            #expect(parts.allSatisfy { $0.pence >= 0 })
            let sum = weights.reduce(0, +)
            for (part, weight) in zip(parts, weights) {
                #expect(abs(Double(part.pence) - Double(total) * weight / sum) < 1.000_001)  // within a penny of exact
            }
        }
    }
}

@Suite("Months from outside")
struct MonthBoundsTests {
    @Test(
        "a month outside 1900–2199 is refused, as a month 13 is",
        arguments: ["0000-01", "9999-12", "1899-12", "2026-13"])
    func refused(text: String) { #expect(!Month.isValid(text)) }

    @Test("months in range are read", arguments: ["1900-01", "2026-07", "2199-12"])
    func accepted(text: String) { #expect(Month.isValid(text)) }
}
