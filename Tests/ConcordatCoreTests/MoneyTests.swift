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
