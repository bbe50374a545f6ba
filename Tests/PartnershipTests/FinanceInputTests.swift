import ConcordatCore
import Finance
import Partnership
import Testing

@Suite("Reading finance inputs the same on the command line and the API")
struct FinanceInputTests {
    @Test("a share is a percentage or a fraction below 1; a bare 55 or 1 is refused, not guessed at")
    func shares() throws {
        #expect(try FinanceInput.share("55%") == 0.55)
        #expect(try FinanceInput.share(" 12.5 % ") == 0.125)
        #expect(try FinanceInput.share("0.55") == 0.55)
        #expect(try FinanceInput.share("0") == 0)
        #expect(try FinanceInput.share("100%") == 1)
        for text in ["55", "1", "1.0", "101%", "-5%", "", "%", "abc", "nan", "inf", "1e3", "0x10", "5%%", "٥٥%"] {
            #expect(throws: FinanceInputRefusal.self, "\(text)") { try FinanceInput.share(text) }
        }
        let refusal = try #require(throws: FinanceInputRefusal.self) { try FinanceInput.share("55") }
        #expect(refusal.description == "'55' is not a fraction below 1: write 55% for a percentage")
    }

    @Test("component shares: name=share pairs, each name once; the part at fault is quoted")
    func componentShares() throws {
        let shares = try FinanceInput.componentShares("G&A=55%,CS=0.1,Health Ineq=2%")
        #expect(shares == ["G&A": 0.55, "CS": 0.1, "Health Ineq": 0.02])
        for text in ["G&A=55", "G&A", "=5%", "G&A=5%,G&A=6%", "G&A=5%,", ",", "G&A=5%=6%"] {
            #expect(throws: FinanceInputRefusal.self, "\(text)") { try FinanceInput.componentShares(text) }
        }
        let refusal = try #require(throws: FinanceInputRefusal.self) {
            try FinanceInput.componentShares("CS=10%,G&A=55")
        }
        #expect(refusal.description.contains("'G&A=55'") && refusal.description.contains("55%"))
    }

    @Test("pace: floor and cap, signed percentages; anything else refused")
    func pace() throws {
        #expect(try FinanceInput.pace("floor=1%,cap=5%") == PaceOfChange(floor: 0.01, cap: 0.05))
        #expect(try FinanceInput.pace("cap=0.05,floor=-2%") == PaceOfChange(floor: -0.02, cap: 0.05))
        for text in ["floor=1%", "floor=1,cap=5", "floor=1%,cap=5%,extra=1%", "floor=1%,cap=5%,cap=6%", "", "--1%"] {
            #expect(throws: FinanceInputRefusal.self, "\(text)") { try FinanceInput.pace(text) }
        }
    }

    @Test("money and baselines as a finance user writes them; the money reason is Money.parse's own")
    func money() throws {
        #expect(try FinanceInput.money("£3.1bn") == Money(pence: 310_000_000_000))
        #expect(try FinanceInput.money("$1m") == Money(pence: 100_000_000))
        let refusal = try #require(throws: FinanceInputRefusal.self) { try FinanceInput.money("lots") }
        #expect(
            refusal.description
                == (try #require(throws: MoneyParsingError.self) { try Money.parse("lots") }).description)
        #expect(
            try FinanceInput.baselines("east-kent=£1.2bn,medway-swale=£900m")["medway-swale"]
                == Money(pence: 90_000_000_000))
        #expect(throws: FinanceInputRefusal.self) { try FinanceInput.baselines("east-kent=lots") }
    }

    @Test("financial years: 2026/27 and 1999/00; not 2026/28, 2026-27 or 26/27")
    func years() throws {
        #expect(try FinancialYear(parsing: "2026/27").description == "2026/27")
        #expect(try FinancialYear(parsing: "1999/00").description == "1999/00")
        for text in ["2026/28", "2026-27", "26/27", "2026/27/28", "+026/27", "２０２６/27", ""] {
            #expect(throws: FinanceInputRefusal.self, "\(text)") { try FinancialYear(parsing: text) }
        }
    }
}
