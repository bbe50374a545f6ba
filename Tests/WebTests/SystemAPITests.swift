import ConcordatCore
import ConcordatTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import Testing

@testable import Web

@Suite("The system API")
struct SystemAPITests {
    @Test("GET /api/v1/system: Kent & Medway reconciles with the published 2,039,483")
    func system() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/system", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let document = try response.json(SystemDocument.self)
                #expect(document.code == "QKS")
                #expect(document.registeredPopulation == 2_039_483)
                #expect(document.publishedRegisteredTotal == 2_039_483)
                #expect(document.reconciles == true)
                #expect(document.levels.map(\.count) == [1, 4, 45, 175])
                #expect(document.levels[2].designPopulationMinimum == 30_000)
                #expect(document.places.count == 4)
                #expect(document.organisationCount == 19)
                #expect(document.dataQualityNotes.contains { $0.subject == "G82067" })
            }
        }
    }

    @Test("GET /api/v1/places: four places whose populations add up to the system's")
    func places() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/places", method: .get) { response in
                let list = try response.json(ListDocument<AreaSummary>.self)
                #expect(
                    list.items.map(\.code) == ["dartford-gravesham-swanley", "east-kent", "medway-swale", "west-kent"])
                #expect(list.items.reduce(0) { $0 + $1.population } == 2_039_483)
                #expect(list.items.reduce(0) { $0 + ($1.contains["neighbourhood"] ?? 0) } == 45)
                #expect(list.items.reduce(0) { $0 + ($1.contains["practice"] ?? 0) } == 175)
            }
        }
    }

    @Test("GET /api/v1/places/{code}: a place with its PCNs, lineage and bands that add up")
    func place() async throws {
        let kent = try kentMedway.get()
        let app = try await makeApp(kent)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/places/east-kent", method: .get) { response in
                #expect(response.status == .ok)
                let place = try response.json(AreaDocument.self)
                #expect(place.name == "East Kent")
                #expect(place.lineage.map(\.code) == ["QKS", "east-kent"])
                #expect(place.population.total == kent.population(of: "east-kent").total)
                #expect(place.population.bands.reduce(0) { $0 + $1.female + $1.male } == place.population.total)
                #expect(place.population.female + place.population.male == place.population.total)
                #expect(place.children.allSatisfy { $0.level == "neighbourhood" })
                #expect(place.children.reduce(0) { $0 + $1.population } == place.population.total)
                // Margate PCN, 70,521: outside the 30,000–50,000 design size.
                #expect(place.children.contains { $0.code == "U91844" && $0.outsideDesignSize == true })
            }
            try await client.execute(uri: "/api/v1/places/U40722", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try response.json(Problem.self)
                #expect(problem.status == 404)
                #expect(problem.detail.contains("U40722"))
            }
            try await client.execute(uri: "/api/v1/areas/G82028", method: .get) { response in
                let practice = try response.json(AreaDocument.self)
                #expect(practice.lineage.map(\.code) == ["QKS", "dartford-gravesham-swanley", "U40722", "G82028"])
                #expect(practice.postcode == "BR8 7AH")
                #expect(practice.district == "Sevenoaks")
            }
        }
    }

    @Test("another system's hierarchy is served the same way: LLR's places are its clusters")
    func llr() async throws {
        let app = try await makeApp(try BundledPacks.llrSystem.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/places", method: .get) { response in
                let list = try response.json(ListDocument<AreaSummary>.self)
                #expect(list.items.map(\.name) == ["Cluster 1", "Cluster 2", "Cluster 3"])
                #expect(list.items.reduce(0) { $0 + ($1.contains["locality"] ?? 0) } == 11)
            }
            try await client.execute(uri: "/api/v1/system", method: .get) { response in
                let document = try response.json(SystemDocument.self)
                #expect(document.reconciles == nil)
                #expect(document.levels.map(\.key) == ["system", "cluster", "locality"])
            }
        }
    }

    @Test("an empty store answers 409 problem+json saying how to load a system")
    func noSystem() async throws {
        let app = try await makeApp(nil)
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/system", method: .get) { response in
                #expect(response.status == .conflict)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try response.json(Problem.self)
                #expect(problem.detail.contains("concordat init"))
            }
        }
    }

    @Test("an unknown API address is a 404 problem+json, not an HTML page")
    func unknownRoute() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }
}

@Suite("The dataset in the API and pages")
struct DatasetWebTests {
    /// Kent & Medway with a small dataset: 12 people at Dover's St James', 3 at Swanley.
    static func app() async throws -> some ApplicationProtocol {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        let dataset = twoPracticeDataset(people: 12)
        try await store.replaceDataset(
            dataset, summary: DatasetSummary(of: dataset, fingerprint: "f", source: "test extract"))
        return Application(router: try buildRouter(store: store))
    }

    @Test("counts roll up the hierarchy; 1–7 are suppressed, the rest rounded to 5; no patient-level field")
    func rollUpAndSuppression() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/areas/G82002", method: .get) { response in
                let area = try response.json(AreaDocument.self)
                #expect(area.datasetPeople == 10)  // 12 people, rounded to 5
            }
            try await client.execute(uri: "/api/v1/areas/G82028", method: .get) { response in
                let area = try response.json(AreaDocument.self)
                #expect(area.datasetPeople == nil)  // 3 people: suppressed
                #expect(!response.text.contains("p13"))
            }
            try await client.execute(uri: "/api/v1/places/east-kent", method: .get) { response in
                let place = try response.json(AreaDocument.self)
                #expect(place.datasetPeople == 10)
            }
            try await client.execute(uri: "/api/v1/dataset", method: .get) { response in
                let dataset = try response.json(DatasetDocument.self)
                #expect(dataset.people == 15)
                #expect(dataset.source == "test extract")
                #expect(dataset.practicesMatchingPublished == 0)
                #expect(dataset.practicesDiffering == 175)
                #expect(!response.text.contains("\"p1\""))
            }
            try await client.execute(uri: "/areas/G82028", method: .get) { response in
                #expect(response.text.contains("<dt>In the integrated dataset</dt><dd>suppressed</dd>"))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.text.contains("about 15 people, 0 diagnoses and 0 events of care (test extract)"))
                #expect(response.text.contains("0 of 175 practices hold exactly their published list size"))
            }
        }
    }

    @Test("without a dataset, /api/v1/dataset is a 404 problem saying how to load one")
    func none() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/dataset", method: .get) { response in
                #expect(response.status == .notFound)
                let problem = try response.json(Problem.self)
                #expect(problem.detail.contains("concordat import"))
            }
        }
    }
}
