import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import PopulationHealth
import Storage
import Testing

@testable import Web

@Suite("Population needs in the API and pages", .serialized)
struct NeedsTests {
    static func app() async throws -> some ApplicationProtocol {
        Application(
            router: try buildRouter(store: try await makeDatasetStore(people: 4_000, seed: 11, realLSOAs: true)))
    }

    @Test("the system's needs add up; a small practice's counts are suppressed and rounded; pages show the section")
    func needs() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/areas/QKS/needs", method: .get) { response in
                #expect(response.status == .ok)
                let needs = try response.json(NeedsDocument.self)
                // The population at the period's end: the 4,000 loaded less those who died in the period
                // (shown apart) and the few registered only after it.
                let died = try #require(needs.diedInPeriod)
                #expect(died > 0 && died < 200)
                #expect(needs.about.period == "2025-07..2026-06")
                #expect(needs.about.referenceDate == "2026-06-30")
                #expect(needs.about.suppression.contains("Counts of 1 to 7 are suppressed"))
                #expect(needs.about.rateDenominator.contains("per person registered on 2026-06-30"))
                #expect(needs.about.note == nil)
                // With 4,000 people over 175 practices, complementary suppression can withhold the system's
                // population (a cascade up the hierarchy); when it is shown, the partitions add up to it.
                let distribution = try #require(needs.charlsonDistribution)
                let segmentTotal = needs.segments.compactMap(\.people).reduce(0, +)
                if let people = needs.people {
                    #expect(people + died <= 4_000 + 5 && people + died >= 3_950)
                    #expect(abs(segmentTotal - people) <= 5 * needs.segments.count)
                    #expect(abs(distribution.compactMap { $0 }.reduce(0, +) - people) <= 5 * 6)
                } else {
                    #expect(needs.segments.contains { $0.people == nil })
                    #expect(needs.meanCharlson == nil && needs.costPerHeadPence == nil)
                }
                #expect(distribution.compactMap { $0 }.reduce(0, +) <= 4_000 + 5 * 6)
                #expect(needs.conditions.count == 17 + 31)
                // The system compared with itself is always within its limits.
                #expect(needs.conditions.allSatisfy { $0.funnel == nil || $0.funnel == .notSignificant })
                #expect(needs.costPerHeadBySetting.count == CareSetting.allCases.count)
                #expect(distribution.count == 6)
                // No pseudonym (32 hex digits) or any other person-level value appears.
                #expect(response.text.range(of: "[0-9a-f]{32}", options: .regularExpression) == nil)
            }
            try await client.execute(uri: "/api/v1/areas/G82067/needs", method: .get) { response in
                let needs = try response.json(NeedsDocument.self)
                let shown = needs.segments.compactMap(\.people) + needs.conditions.compactMap(\.people)
                #expect(shown.allSatisfy { $0 % 5 == 0 && !(1...7).contains($0) })
                // Rates and costs per head come from the rounded counts and are withheld over hidden ones.
                let people = try #require(needs.people)
                for segment in needs.segments {
                    let expected = segment.people.map { Double($0) * 100 / Double(people) }
                    #expect((segment.percent == nil) == (expected == nil))
                    if let percent = segment.percent, let expected { #expect(abs(percent - expected) < 1e-9) }
                    #expect((segment.costPerHeadPence == nil) == (segment.people ?? 0 == 0))
                }
                for condition in needs.conditions where condition.people == nil {
                    #expect(condition.percent == nil && condition.funnel == nil)
                }
            }
            try await client.execute(uri: "/api/v1/models/admission-risk", method: .get) { response in
                #expect(response.status == .ok)
                let model = try response.json(AdmissionRiskDocument.self).report
                #expect(model.auc > 0.6, "AUC \(model.auc)")
                #expect(model.calibration.count == 10)
                let test = try #require(model.testPeople)
                let training = try #require(model.trainingPeople)
                #expect(abs(model.calibration.compactMap(\.people).reduce(0, +) - test) <= 2 * 11)
                #expect(training + test <= 4_000 + 4)
                // The AUC with its outcome window, its outcomes in the test set and its DeLong interval.
                #expect(model.outcomePeriod == "2026-01-01 to 2026-06-30")
                let outcomes = try #require(model.testOutcomes)
                #expect(outcomes > 7 && outcomes % 5 == 0)
                let interval = try #require(model.aucInterval)
                #expect(interval.lower < model.auc && model.auc < interval.upper && interval.confidence == 0.95)
                // The cohort by practice: every count through the gate, none from 1 to 7.
                #expect(model.cohortByPractice.values.allSatisfy { $0.map { $0 % 5 == 0 && $0 > 7 } ?? true })
                #expect(response.text.range(of: "[0-9a-f]{32}", options: .regularExpression) == nil)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("<h2>Admission risk model</h2>"))
                #expect(response.text.contains("(95% CI 0."))
                #expect(response.text.contains("on the outcome window 2026-01-01 to 2026-06-30"))
            }
            try await client.execute(uri: "/areas/east-kent", method: .get) { response in
                #expect(response.text.contains("<h2 id=\"needs\">Population needs</h2>"))
                #expect(response.text.contains("<h3 id=\"about-figures\">About these figures</h3>"))
                #expect(response.text.contains("<dt>Reference date</dt><dd>2026-06-30</dd>"))
                #expect(response.text.contains("July 2025 to June 2026 (12 months) (2025-07..2026-06)"))
                #expect(response.text.contains("who died in the period"))
                #expect(response.text.contains("People by Bridges to Health segment: East Kent"))
            }
        }
    }

    @Test("a model whose outcome window runs past the data is not reported, and the page and API say why")
    func refusedModel() async throws {
        let store = try await makeDatasetStore(people: 1_500, seed: 12)
        let dataset = try #require(try await store.loadDataset())
        let summary = try #require(try await store.datasetSummary())
        let late = try AnalysisPeriod(parsing: "2025-12..2026-11")
        let (analysis, cohort) = PopulationAnalysis.run(
            on: dataset, period: late, extractDate: Day(year: 2026, month: 12, day: 1)!)
        #expect(analysis.admissionRisk == nil)
        try await store.updateAnalysis(
            try JSONEncoder().encode(analysis), cohort: cohort, fingerprint: summary.fingerprint)
        try await Application(router: try buildRouter(store: store)).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(
                    response.text.contains(
                        "Not reported: the outcome window 2026-06-01 to 2026-11-30 runs past the data"))
            }
            try await client.execute(uri: "/api/v1/models/admission-risk", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("runs past the data"))
            }
        }
    }

    @Test(
        "needs pages show people by IMD decile, Core20 by place, the SII and the funnel's model, all through the gate")
    func deprivation() async throws {
        // Enough people that the places' counts are shown (with 4,000 over 175 practices the gate's follow-on
        // suppressions can withhold them, and the funnel needs two places).
        let store = try await makeDatasetStore(people: 20_000, seed: 11, realLSOAs: true)
        try await Application(router: try buildRouter(store: store)).test(.router) { client in
            try await client.execute(uri: "/api/v1/areas/QKS/needs", method: .get) { response in
                let needs = try response.json(NeedsDocument.self)
                let deprivation = try #require(needs.deprivation)
                #expect(deprivation.deciles.map(\.decile) == Array(1...10))
                // Published counts: none from 1 to 7, each a multiple of 5, and they add up to the people.
                let shown = deprivation.deciles.compactMap(\.people)
                #expect(shown.allSatisfy { $0 % 5 == 0 && !(1...7).contains($0) })
                if let people = needs.people { #expect(abs(shown.reduce(0, +) - people) <= 5 * 11) }
                // Real LSOAs: every person has a known decile.
                #expect(deprivation.unknownDecile == 0)
                #expect(deprivation.core20ByArea.count == 4)
                let core20 = deprivation.core20ByArea.compactMap(\.core20).reduce(0, +)
                #expect(abs(core20 - (needs.core20.count ?? -1_000)) <= 5 * 4)
                if let sii = deprivation.slopeIndex {
                    #expect(sii.lower <= sii.sii && sii.sii <= sii.upper)
                    #expect(sii.confidence == 0.95)
                } else {
                    #expect(deprivation.slopeIndexNote?.contains("all ten deciles") == true)
                }
                let funnel = try #require(needs.emergencyAdmissionFunnel)
                // The places whose counts are shown (a hidden one is left out), each placed on the funnel.
                #expect((2...4).contains(funnel.units.count))
                #expect(funnel.units.allSatisfy { $0.significance != nil })
                #expect(["none", "additive"].contains(funnel.model))
                #expect(funnel.label.contains("99.8% limits, binomial"))
                #expect(needs.provenance.contains("English Indices of Deprivation 2025"))
            }
            // Below a place the deciles are not published (too few people per decile), but Core20 by practice is.
            let kent = try kentMedway.get()
            let pcn = try #require(kent.areas.first { kent.lineage(of: $0.code).count == 3 })
            try await client.execute(uri: "/api/v1/areas/\(pcn.code)/needs", method: .get) { response in
                let deprivation = try #require(try response.json(NeedsDocument.self).deprivation)
                #expect(deprivation.deciles.isEmpty && deprivation.slopeIndex == nil)
                #expect(deprivation.slopeIndexNote?.contains("system and its places only") == true)
                #expect(deprivation.core20ByArea.count == kent.children(of: pcn.code).count)
            }
            try await client.execute(uri: "/areas/QKS", method: .get) { response in
                let page = response.text
                #expect(page.contains("id=\"imd-deciles\""))
                #expect(page.contains("1 (most deprived)"))
                #expect(page.contains("id=\"core20-by-area\""))
                #expect(page.contains("Core20 by place"))
                #expect(page.contains("East Kent"))
                #expect(page.contains("id=\"funnel-model\">95% and 99.8% limits, binomial"))
                #expect(page.contains("id=\"slope-index\""))
                #expect(page.contains("English Indices of Deprivation 2025"))
            }
        }
    }

    @Test("the SII is withheld, with the reason, when a decile is hidden or has no admissions")
    func slopeIndexWithheld() {
        typealias Decile = NeedsDocument.Deprivation.Decile
        var deciles = (1...10).map {
            Decile(
                decile: $0, people: 1_000, percent: 10, emergencyAdmissions: 100 - $0,
                emergencyAdmissionsPer1000: Double(100 - $0))
        }
        let (shown, _) = NeedsDocument.Deprivation.slopeIndex(deciles)
        #expect(shown.map { $0.sii < 0 && $0.lower < $0.upper } == true)
        deciles[3].people = nil
        let (hidden, note) = NeedsDocument.Deprivation.slopeIndex(deciles)
        #expect(hidden == nil)
        #expect(note?.contains("decile 4") == true)
        deciles[3].people = 1_000
        deciles[9].emergencyAdmissions = 0
        deciles[9].emergencyAdmissionsPer1000 = 0
        #expect(NeedsDocument.Deprivation.slopeIndex(deciles).0 == nil)
    }

    @Test("without a dataset there is no profile: a 404 problem")
    func none() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/areas/QKS/needs", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }
}
