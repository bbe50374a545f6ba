import Assurance
import ConcordatCore
import Ingest
import Partnership
import PopulationHealth
import SystemPack
import Testing

/// The system's trusts' published A&E series and their total, and England's providers on a funnel.
@Suite struct AEStatisticsTests {
    let file: AEAttendances
    let pack: SystemPack

    init() throws {
        file = try AEAttendances.bundled()
        pack = try PackLoader.bundled("kent-medway")
    }

    var trusts: [Organisation] { AEStatistics.trusts(pack.organisations, in: file) }

    @Test func theKentPacksFourTrustsAreFoundByODSCode() {
        #expect(trusts.compactMap(\.odsCode) == ["RVV", "RWF", "RPA", "RN7"])
    }

    @Test func eachTrustsValueIsItsPublishedPerformanceWithItsCounts() throws {
        let values = AEStatistics.indicatorValues(file, trusts: trusts, systemCode: pack.systemCode)
        let rvv = try #require(
            values.first {
                $0.indicator == "ae-4-hour" && $0.subject == .organisation("ekhuft") && $0.month == "2019-03"
            })
        #expect(abs(rvv.value - (1 - 4216.0 / 19367.0) * 100) < 1e-9)
        #expect(rvv.numerator == 19367 - 4216 && rvv.denominator == 19367)
        let type1 = try #require(
            values.first {
                $0.indicator == "ae-4-hour-type-1" && $0.subject == .organisation("ekhuft") && $0.month == "2019-03"
            })
        #expect(abs(type1.value - (1 - 4202.0 / 15559.0) * 100) < 1e-9)
        // Every trust has 36 months of each; the total too; nothing else.
        for trust in trusts {
            #expect(
                values.filter { $0.subject == .organisation(trust.code) && $0.indicator == "ae-4-hour" }.count == 36)
        }
        #expect(values.count == (4 + 1) * 36 * 2)
        #expect(values.allSatisfy { (0...100).contains($0.value) })
    }

    @Test func theTotalIsThePooledRatioNotAMeanOfPercentages() throws {
        let values = AEStatistics.indicatorValues(file, trusts: trusts, systemCode: pack.systemCode)
        let total = try #require(
            values.first {
                $0.indicator == "ae-4-hour" && $0.subject == .area(pack.systemCode) && $0.month == "2019-03"
            })
        // Σ breaches 9,374 of Σ attendances 57,654 over the four trusts' rows.
        #expect(total.denominator == 57654 && total.numerator == 57654 - 9374)
        #expect(abs(total.value - (1 - 9374.0 / 57654.0) * 100) < 1e-9)
        let mean =
            values.filter { $0.indicator == "ae-4-hour" && $0.subject.kind == .organisation && $0.month == "2019-03" }
            .map(\.value).reduce(0, +) / 4
        #expect(abs(total.value - mean) > 0.01)
        let type1 = try #require(
            values.first {
                $0.indicator == "ae-4-hour-type-1" && $0.subject == .area(pack.systemCode) && $0.month == "2019-03"
            })
        #expect(type1.denominator == 46932 && type1.numerator == 46932 - 9318)
    }

    @Test func aGapInOneTrustsSeriesIsNotAZero() throws {
        // RN7 has only type 1 rows in April 2016: its all types is type 1's, and the total pools what is there.
        let values = AEStatistics.indicatorValues(file, trusts: trusts, systemCode: pack.systemCode)
        let rn7 = try #require(
            values.first { $0.indicator == "ae-4-hour" && $0.subject == .organisation("dgt") && $0.month == "2016-04" })
        #expect(rn7.denominator == 8118 && rn7.numerator == 8118 - 1315)
        let total = try #require(
            values.first {
                $0.indicator == "ae-4-hour" && $0.subject == .area(pack.systemCode) && $0.month == "2016-04"
            })
        #expect(total.denominator == 46468 && total.numerator == 46468 - 6999)
        // A trust missing a month entirely leaves that month out, rather than counting 0.
        let partial = try AEAttendances(rows: [
            .init(month: "2019-01", provider: "RVV", type: .type1, attendances: 100, breaches: 10, admissions: 1),
            .init(month: "2019-02", provider: "RWF", type: .type1, attendances: 200, breaches: 50, admissions: 1),
            .init(month: "2019-02", provider: "RVV", type: .type1, attendances: 0, breaches: 0, admissions: 0),
        ])
        let some = AEStatistics.indicatorValues(partial, trusts: trusts, systemCode: "SYS")
        #expect(some.filter { $0.subject == .organisation("mtw") }.map(\.month) == ["2019-02", "2019-02"])
        // RVV's February had no attendances: no rate, so no value (not 0%, not NaN).
        #expect(some.filter { $0.subject == .organisation("ekhuft") }.map(\.month) == ["2019-01", "2019-01"])
        let february = some.filter {
            $0.subject == .area("SYS") && $0.month == "2019-02" && $0.indicator == "ae-4-hour"
        }
        #expect(february.map(\.value) == [75])
        #expect(some.allSatisfy { $0.value.isFinite })
    }

    @Test func theDemoKeepsItsOtherSyntheticSeriesAndReplacesAE() {
        let synthetic = [
            IndicatorValue(indicator: "ae-4-hour", area: "east-kent", month: "2026-01", value: 70),
            IndicatorValue(indicator: "cancer-62-day", area: "east-kent", month: "2026-01", value: 70),
        ]
        let replaced = AEStatistics.replacingSynthetic(
            synthetic, organisations: pack.organisations, systemCode: pack.systemCode, file: file)
        #expect(replaced.filter { $0.indicator == "cancer-62-day" }.count == 1)
        #expect(!replaced.contains { $0.indicator == "ae-4-hour" && $0.month == "2026-01" })
        #expect(replaced.contains { $0.subject == .organisation("mtw") })
        // A system with no trust in the file keeps its synthetic series.
        let none = AEStatistics.replacingSynthetic(
            synthetic, organisations: try! PackLoader.bundled("llr").organisations, systemCode: "LLR", file: file)
        #expect(none == synthetic)
    }

    @Test func theFunnelComparesEveryEnglandProviderWithLimitsFromTheOverdispersedModel() throws {
        let funnel = try AEFunnel(file, month: "2019-03", scope: .allTypes, organisations: pack.organisations)
        #expect(funnel.month == "2019-03")
        #expect(funnel.units.count == file.providerCounts(month: "2019-03", scope: .allTypes).count)
        #expect(funnel.units.count > 200)
        #expect(funnel.model.adjustment == .additive && funnel.model.measure == .proportion)
        // The centre is England's pooled performance.
        let england = file.providerCounts(month: "2019-03", scope: .allTypes).reduce(
            AEAttendances.Counts(attendances: 0, breaches: 0)
        ) { $0 + $1.counts }
        #expect(abs(funnel.model.target - (try #require(england.performance))) < 1e-12)
        // The same model built directly gives each trust its status.
        let direct = try OverdispersedFunnel(
            units: funnel.units.map {
                .init(numerator: Double($0.counts.withinFourHours), denominator: Double($0.counts.attendances))
            }, measure: .proportion, adjustment: .additive)
        #expect(direct == funnel.model)
        #expect(funnel.model.phi > 1)
        #expect(funnel.trusts.map(\.provider) == ["RN7", "RPA", "RVV", "RWF"])
        for trust in funnel.trusts {
            let p = try #require(trust.counts.performance)
            let limits = try #require(funnel.model.limits(denominator: Double(trust.counts.attendances)))
            let expected: FunnelSignificance =
                p < limits.outer.lowerBound
                ? .low998
                : p < limits.inner.lowerBound
                    ? .low95
                    : p > limits.outer.upperBound ? .high998 : p > limits.inner.upperBound ? .high95 : .notSignificant
            #expect(trust.significance == expected)
        }
        // Plain binomial limits leave far more providers outside than the overdispersed ones.
        let outside = funnel.units.filter { $0.significance == .low998 || $0.significance == .high998 }.count
        #expect(funnel.outsideWithoutAllowance > outside)
    }

    @Test func theFunnelDefaultsToTheLatestMonthAndReadsType1() throws {
        let latest = try AEFunnel(file, month: nil, scope: .type1, organisations: pack.organisations)
        #expect(latest.month == "2019-03")
        #expect(latest.units.count == file.providerCounts(month: "2019-03", scope: .type1).count)
        #expect(latest.units.count < 200)
        let rvv = try #require(latest.trusts.first { $0.provider == "RVV" })
        #expect(rvv.counts == AEAttendances.Counts(attendances: 15559, breaches: 4202))
    }

    @Test(arguments: ["2019-3", "2019-13", "", "March", "2019-03-01", "'; DROP TABLE", "9999999-01"])
    func aMalformedMonthIsRefused(month: String) {
        #expect(throws: AEQuestionRefusal.self) {
            try AEFunnel(file, month: month, scope: .allTypes, organisations: pack.organisations)
        }
    }

    @Test(arguments: ["2016-03", "2019-04", "1900-01"])
    func aMonthOutsideTheFileHasNoData(month: String) {
        do {
            _ = try AEFunnel(file, month: month, scope: .allTypes, organisations: pack.organisations)
            Issue.record("\(month) was answered")
        } catch {
            guard case .noData(let reason) = error else {
                Issue.record("\(error) is not noData")
                return
            }
            #expect(reason.contains("2016-04 to 2019-03"))
        }
    }

    @Test func providersWithNoAttendancesAreLeftOffTheFunnel() throws {
        let rows: [AEAttendances.Row] = [
            .init(month: "2019-03", provider: "RVV", type: .type1, attendances: 1000, breaches: 100, admissions: 1),
            .init(month: "2019-03", provider: "RWF", type: .type1, attendances: 2000, breaches: 300, admissions: 1),
            .init(month: "2019-03", provider: "RPA", type: .type1, attendances: 1500, breaches: 100, admissions: 1),
            .init(month: "2019-03", provider: "RN7", type: .type1, attendances: 0, breaches: 0, admissions: 0),
        ]
        let funnel = try AEFunnel(
            try AEAttendances(rows: rows), month: "2019-03", scope: .allTypes, organisations: pack.organisations)
        #expect(funnel.units.map(\.provider) == ["RPA", "RVV", "RWF"])
        #expect(funnel.withoutAttendances == ["RN7"])
        // One provider alone is no funnel.
        #expect(throws: AEQuestionRefusal.self) {
            try AEFunnel(
                try AEAttendances(rows: Array(rows.prefix(1))), month: "2019-03", scope: .allTypes,
                organisations: [])
        }
    }
}
