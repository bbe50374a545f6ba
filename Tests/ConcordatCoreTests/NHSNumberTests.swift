import ConcordatCore
import Testing

@Suite("NHS numbers: the Modulus 11 check")
struct NHSNumberTests {
    @Test("the NHS Data Dictionary's example and others computed independently are valid")
    func valid() throws {
        #expect(try NHSNumber(validating: "9434765919").digits == "9434765919")
        #expect(try NHSNumber(validating: "943 476 5919").digits == "9434765919")
        #expect(NHSNumber.isValid("4010232137"))
        #expect(NHSNumber.isValid("9990000018"))
    }

    @Test("a wrong check digit, a check of 10, repeated digits and wrong lengths are refused")
    func invalid() {
        #expect(throws: NHSNumber.Problem.wrongCheckDigit(expected: 9)) { try NHSNumber(validating: "9434765918") }
        #expect(throws: NHSNumber.Problem.checkDigitTen) { try NHSNumber(validating: "9990000000") }
        #expect(throws: NHSNumber.Problem.checkDigitTen) { try NHSNumber(validating: "1234567890") }
        #expect(throws: NHSNumber.Problem.repeatedDigit) { try NHSNumber(validating: "1111111111") }
        #expect(throws: NHSNumber.Problem.notTenDigits) { try NHSNumber(validating: "943476591") }
        #expect(throws: NHSNumber.Problem.notTenDigits) { try NHSNumber(validating: "94347659190") }
        #expect(throws: NHSNumber.Problem.nonDigit) { try NHSNumber(validating: "94347A5919") }
    }

    @Test("check digits: 11 becomes 0")
    func checkDigits() throws {
        #expect(try NHSNumber.checkDigit(for: [9, 4, 3, 4, 7, 6, 5, 9, 1]) == 9)
        #expect(try NHSNumber.checkDigit(for: [0, 0, 0, 0, 0, 0, 0, 0, 0]) == 0)
        #expect(try NHSNumber.checkDigit(for: [9, 9, 9, 0, 0, 0, 0, 0, 1]) == 8)
    }
}

@Suite("Calendar days")
struct DayTests {
    @Test("known dates convert both ways; impossible dates are refused")
    func conversions() throws {
        #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(Day(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
        #expect(Day(year: 2026, month: 7, day: 1)?.daysSinceEpoch == 20_635)
        #expect(Day(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-7-1") == nil)
        #expect(Day(iso: "20260701") == nil)
        for offset in stride(from: -40_000, through: 40_000, by: 997) {
            let day = Day(daysSinceEpoch: Int32(offset))
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
        }
    }
}

@Suite("Age from a month of birth")
struct AgeTests {
    @Test("a month-only birth date counts as the 15th of the month")
    func ages() {
        let listDate = Day(year: 2026, month: 7, day: 1)!
        #expect(listDate.age(birthYear: 1950, birthMonth: 6) == 76)
        #expect(listDate.age(birthYear: 1950, birthMonth: 7) == 75)  // the 15th is still to come
        #expect(listDate.age(birthYear: 1950, birthMonth: 8) == 75)
        #expect(Day(year: 2026, month: 7, day: 15)!.age(birthYear: 1950, birthMonth: 7) == 76)
        #expect(listDate.age(birthYear: 2026, birthMonth: 6) == 0)
    }
}
