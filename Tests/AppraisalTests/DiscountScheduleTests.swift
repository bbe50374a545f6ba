import Foundation
import Testing

@testable import Appraisal

/// The Green Book's discount factors: 3.5% to year 30, then 3.0% continuing from DF(30), 2.5% from 76…
@Suite struct DiscountScheduleTests {
    /// Rounds to four decimal places, as the Green Book's discount factor tables print them.
    func fourPlaces(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// The factors of the Green Book schedule to four places, as discount tables print them (DF(10) = 0.7089,
    /// DF(30) = 0.3563, DF(31) = 0.3459 are the figures quoted for the Green Book's table).
    @Test func standardFactorsMatchTheGreenBookTable() throws {
        let factors = try DiscountSchedule.standard.factors(through: 200)
        #expect(factors[0] == 1)
        #expect(fourPlaces(factors[1]) == 0.9662)
        #expect(fourPlaces(factors[5]) == 0.8420)
        #expect(fourPlaces(factors[10]) == 0.7089)
        #expect(fourPlaces(factors[20]) == 0.5026)
        #expect(fourPlaces(factors[30]) == 0.3563)
        #expect(fourPlaces(factors[31]) == 0.3459)
        #expect(fourPlaces(factors[50]) == 0.1973)
        #expect(fourPlaces(factors[75]) == 0.0942)
        #expect(fourPlaces(factors[76]) == 0.0919)
        #expect(fourPlaces(factors[100]) == 0.0508)
    }

    @Test func yearThirtyOneContinuesFromYearThirtyAtTheLowerRate() throws {
        let schedule = DiscountSchedule.standard
        let df30 = try schedule.factor(year: 30)
        let df31 = try schedule.factor(year: 31)
        #expect(abs(df31 - df30 / 1.03) < 1e-15)
        // Not the single-rate factor 1/1.03^31 (0.4000) nor 1/1.035^31 (0.3442).
        #expect(fourPlaces(df31) != fourPlaces(1 / power(1.035, 31)))
        #expect(abs(try schedule.factor(year: 75) - 1 / (power(1.035, 30) * power(1.03, 45))) < 1e-15)
        #expect(abs(try schedule.factor(year: 76) - 1 / (power(1.035, 30) * power(1.03, 45) * 1.025)) < 1e-15)
    }

    @Test func twoHundredYearHorizonUsesEveryBand() throws {
        let factors = try DiscountSchedule.standard.factors(through: 201)
        let df200 = 1 / (power(1.035, 30) * power(1.03, 45) * power(1.025, 50) * power(1.02, 75))
        #expect(abs(factors[200] - df200) / df200 < 1e-12)
        #expect(abs(factors[201] - df200 / 1.015) / df200 < 1e-12)
        #expect(zip(factors, factors.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test func healthRateIsOnePointFivePercent() throws {
        let factors = try DiscountSchedule.health.factors(through: 31)
        #expect(abs(factors[1] - 1 / 1.015) < 1e-15)
        #expect(fourPlaces(factors[30]) == 0.6398)
        #expect(abs(factors[31] - factors[30] / 1.0129) < 1e-15)
        #expect(DiscountSchedule.health.rate(forYear: 76) == 0.0107)
    }

    @Test func zeroPureTimePreferenceTestIsThreePercent() throws {
        #expect(DiscountSchedule.zeroPureTimePreference.rate(forYear: 30) == 0.030)
        #expect(DiscountSchedule.zeroPureTimePreference.rate(forYear: 31) == 0.0257)
        #expect(abs(try DiscountSchedule.zeroPureTimePreference.factor(year: 10) - 1 / power(1.03, 10)) < 1e-15)
    }

    @Test func ratesByBand() {
        let schedule = DiscountSchedule.standard
        #expect(schedule.rate(forYear: 0) == 0.035)
        #expect(schedule.rate(forYear: 30) == 0.035)
        #expect(schedule.rate(forYear: 31) == 0.030)
        #expect(schedule.rate(forYear: 125) == 0.025)
        #expect(schedule.rate(forYear: 126) == 0.020)
        #expect(schedule.rate(forYear: 301) == 0.010)
        #expect(schedule.rate(forYear: 5_000) == 0.010)
    }

    @Test func hostileSchedulesAreRefused() {
        #expect(throws: AppraisalError.self) { try DiscountSchedule.constant(.nan) }
        #expect(throws: AppraisalError.self) { try DiscountSchedule.constant(.infinity) }
        #expect(throws: AppraisalError.self) { try DiscountSchedule.constant(-1) }
        #expect(throws: AppraisalError.self) { try DiscountSchedule(bands: []) }
        #expect(throws: AppraisalError.self) {
            try DiscountSchedule(bands: [DiscountBand(firstYear: 1, rate: 0.03)])
        }
        do {
            _ = try DiscountSchedule(bands: [
                DiscountBand(firstYear: 0, rate: 0.035), DiscountBand(firstYear: 31, rate: 0.03),
                DiscountBand(firstYear: 31, rate: 0.025),
            ])
            Issue.record("bands out of order were accepted")
        } catch {
            #expect(error.code == .invalidRate)
            #expect(error.field == "bands[2].firstYear")
        }
    }

    @Test func negativeAndHugeYearsAreRefused() {
        do {
            _ = try DiscountSchedule.standard.factor(year: -1)
            Issue.record("a negative year was accepted")
        } catch {
            #expect(error.code == .yearOutOfRange)
        }
        do {
            _ = try DiscountSchedule.standard.factors(through: Int.max)
            Issue.record("an endless horizon was accepted")
        } catch {
            #expect(error.code == .horizonTooLong)
        }
    }

    @Test func nominalPricesAreDeflatedToTheBaseYear() throws {
        let index = try PriceIndex(baseYear: 2026, values: [2026: 100, 2027: 102, 2028: 104.04])
        #expect(try index.realTermsFactor(year: 2026) == 1)
        #expect(abs(try index.realTermsFactor(year: 2028) - 100 / 104.04) < 1e-15)
        #expect(throws: AppraisalError.self) { try index.realTermsFactor(year: 2029) }
        #expect(throws: AppraisalError.self) { try PriceIndex(baseYear: 2025, values: [2026: 100]) }
        #expect(throws: AppraisalError.self) { try PriceIndex(baseYear: 2026, values: [2026: 100, 2027: 0]) }
        #expect(throws: AppraisalError.self) { try PriceIndex(baseYear: 2026, values: [2026: .nan]) }
    }
}
