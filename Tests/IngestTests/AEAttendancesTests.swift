import Foundation
import Ingest
import Testing

/// NHS England's A&E attendances file: the bundled copy's published figures, worked by hand from its rows,
/// and hostile files refused with the line and field.
@Suite struct AEAttendancesTests {
    static let header = "period,org_code,type,attendances,breaches,admissions\n"

    func parse(_ body: String) throws -> AEAttendances {
        try AEAttendances(parsing: Array((Self.header + body).utf8), file: "ae.csv")
    }

    func refusal(_ body: String) -> IngestError? {
        do {
            _ = try parse(body)
            return nil
        } catch let error as IngestError { return error } catch { return nil }
    }

    @Test func theBundledFileHoldsThreeYearsOfAllProviders() throws {
        let file = try AEAttendances.bundled()
        #expect(file.rows.count == 12_765)
        #expect(file.providers.count == 274)
        #expect(file.months.count == 36)
        #expect(file.months.first == "2016-04" && file.months.last == "2019-03")
    }

    @Test func rvvInMarch2019IsOneLessBreachesOverAttendancesOfItsRows() throws {
        // The file's rows: 2019-03-01,RVV,1,15559,4202,5138 and 2019-03-01,RVV,other,3808,14,191.
        let file = try AEAttendances.bundled()
        let all = try #require(file.counts(provider: "RVV", month: "2019-03", scope: .allTypes))
        #expect(all == AEAttendances.Counts(attendances: 15559 + 3808, breaches: 4202 + 14))
        #expect(abs(try #require(all.performance) - (1 - 4216.0 / 19367.0)) < 1e-12)
        #expect(abs(try #require(all.performance) - 0.78231) < 1e-5)
        let type1 = try #require(file.counts(provider: "RVV", month: "2019-03", scope: .type1))
        #expect(type1 == AEAttendances.Counts(attendances: 15559, breaches: 4202))
        #expect(abs(try #require(type1.performance) - 0.72993) < 1e-5)
        #expect(type1.withinFourHours == 11357)
    }

    @Test func aTypeMissingForAMonthIsAGapNotAZero() throws {
        let file = try AEAttendances.bundled()
        // RN7 has no `other` row before August 2016: April 2016's all types is its type 1 alone.
        #expect(file.rows.contains { $0.provider == "RN7" && $0.month == "2016-04" && $0.type == .other } == false)
        #expect(
            file.counts(provider: "RN7", month: "2016-04", scope: .allTypes)
                == AEAttendances.Counts(attendances: 8118, breaches: 1315))
        // A provider with no row at all in a month, or a month outside the file, has no counts.
        #expect(file.counts(provider: "RVV", month: "2015-01", scope: .allTypes) == nil)
        #expect(file.counts(provider: "ZZZ", month: "2019-03", scope: .allTypes) == nil)
        // A walk-in centre has no type 1 rows.
        #expect(file.counts(provider: "8J094", month: "2017-03", scope: .type1) == nil)
        #expect(file.counts(provider: "8J094", month: "2017-03", scope: .allTypes)?.attendances == 2644)
    }

    @Test func pooledCountsAreSumsNotAMeanOfPercentages() throws {
        let file = try AEAttendances.bundled()
        let total = try #require(
            file.pooledCounts(providers: ["RVV", "RWF", "RPA", "RN7"], month: "2019-03", scope: .allTypes))
        #expect(total == AEAttendances.Counts(attendances: 57654, breaches: 9374))
        let mean =
            ["RVV", "RWF", "RPA", "RN7"].compactMap {
                file.counts(provider: $0, month: "2019-03", scope: .allTypes)?.performance
            }.reduce(0, +) / 4
        #expect(abs(try #require(total.performance) - (1 - 9374.0 / 57654.0)) < 1e-12)
        #expect(abs(try #require(total.performance) - mean) > 1e-4)
        #expect(file.pooledCounts(providers: ["ZZZ"], month: "2019-03", scope: .allTypes) == nil)
    }

    @Test func aProviderWithNoAttendancesHasNoRate() throws {
        let file = try parse("2019-03-01,RVV,1,0,0,0\n")
        let counts = try #require(file.counts(provider: "RVV", month: "2019-03", scope: .allTypes))
        #expect(counts.attendances == 0)
        #expect(counts.performance == nil)
    }

    @Test(
        arguments: [
            ("2019-03-02,RVV,1,10,1,1", "period", "not the first day of a month"),
            ("2019-13-01,RVV,1,10,1,1", "period", "not the first day of a month"),
            ("March 2019,RVV,1,10,1,1", "period", "not the first day of a month"),
            ("2019-03-01,rvv,1,10,1,1", "org_code", "not an ODS code"),
            ("2019-03-01,,1,10,1,1", "org_code", "not an ODS code"),
            ("2019-03-01,RVV,3,10,1,1", "type", "not 1, 2 or other"),
            ("2019-03-01,RVV,1,-10,1,1", "attendances", "not a whole number of 0 or more"),
            ("2019-03-01,RVV,1,10.5,1,1", "attendances", "not a whole number of 0 or more"),
            ("2019-03-01,RVV,1,NaN,1,1", "attendances", "not a whole number of 0 or more"),
            ("2019-03-01,RVV,1,99999999999999999999999,1,1", "attendances", "not a whole number of 0 or more"),
            ("2019-03-01,RVV,1,10,,1", "breaches", "not a whole number of 0 or more"),
            ("2019-03-01,RVV,1,10,11,1", "breaches", "more than the 10 attendances"),
            ("2019-03-01,RVV,1,10,1,x", "admissions", "not a whole number of 0 or more"),
        ])
    func aBadRowIsRefusedWithItsLineAndField(row: String, field: String, reason: String) throws {
        let error = try #require(refusal("2019-02-01,RVV,1,100,5,20\n" + row + "\n"))
        #expect(error.code == .invalidValue)
        #expect(error.file == "ae.csv")
        #expect(error.line == 3)
        #expect(error.field == field)
        #expect(error.reason.contains(reason))
    }

    @Test func aRowWithTooFewFieldsIsRefusedWithItsLine() throws {
        let error = try #require(refusal("2019-02-01,RVV,1,100,5,20\n2019-03-01,RVV,1,100\n"))
        #expect(error.code == .malformedCSV)
        #expect(error.line == 3)
    }

    @Test func aMissingColumnIsRefused() throws {
        do {
            _ = try AEAttendances(parsing: Array("period,org_code,type,attendances,admissions\n".utf8), file: "ae.csv")
            Issue.record("a file without breaches was read")
        } catch let error as IngestError {
            #expect(error.code == .missingColumn)
            #expect(error.field == "breaches" || error.reason.contains("breaches"))
        }
    }

    @Test func aProvidersTypeGivenTwiceInAMonthIsRefused() throws {
        let error = try #require(refusal("2019-03-01,RVV,1,100,5,20\n2019-03-01,RVV,1,90,5,20\n"))
        #expect(error.code == .inconsistent)
        #expect(error.reason.contains("RVV has two rows for type 1 in 2019-03"))
    }

    @Test func anEmptyFileIsRefused() throws {
        #expect(refusal("")?.code == .inconsistent)
        #expect(throws: IngestError.self) { try AEAttendances(parsing: Array("".utf8), file: "ae.csv") }
    }
}
