import ConcordatCore
import Disclosure
import Foundation
import Hummingbird

/// `GET /api/v1/system`: the system, its levels, how its population reconciles with the published
/// total, and what assembling it found.
struct SystemDocument: ResponseCodable {
    var code: String
    var name: String
    var levels: [LevelDocument]
    var registeredPopulation: Int
    var publishedRegisteredTotal: Int?
    var reconciles: Bool?
    var places: [AreaSummary]
    var organisationCount: Int
    var dataQualityNotes: [DataQualityNote]
    var sources: [ReferenceSource]
    var dataset: DatasetDocument?

    init(_ snapshot: SystemSnapshot) {
        let system = snapshot.system
        dataset = snapshot.dataset.map { DatasetDocument($0, in: snapshot) }
        code = system.code
        name = system.name
        levels = system.levels.map { level in
            LevelDocument(
                key: level.key, singular: level.singular, plural: level.plural,
                designPopulationMinimum: level.designPopulation?.lowerBound,
                designPopulationMaximum: level.designPopulation?.upperBound,
                count: system.areas(atLevel: level.key).count)
        }
        let registered = system.population(of: system.root.code).total
        registeredPopulation = registered
        publishedRegisteredTotal = system.publishedRegisteredTotal
        reconciles = system.publishedRegisteredTotal.map { $0 == registered }
        places = system.children(of: system.root.code).map { AreaSummary($0, in: snapshot) }
        organisationCount = system.organisations.count
        dataQualityNotes = system.notes
        sources = system.sources
    }
}

/// One level of the hierarchy and how many areas it has.
struct LevelDocument: Codable, Sendable {
    var key: String
    var singular: String
    var plural: String
    var designPopulationMinimum: Int?
    var designPopulationMaximum: Int?
    var count: Int
}

/// An area in a list: enough to show and link to it.
struct AreaSummary: ResponseCodable {
    var code: String
    var name: String
    var level: String
    var parentCode: String?
    var population: Int
    var outsideDesignSize: Bool?
    /// How many areas of each lower level it contains, by level key.
    var contains: [String: Int]
    /// People in the integrated dataset under this area (`nil`: no dataset, or hidden by the disclosure gate).
    var datasetPeople: Int?

    init(_ area: Area, in snapshot: SystemSnapshot) {
        let system = snapshot.system
        datasetPeople = snapshot.datasetPeople(of: area.code)?.value
        code = area.code
        name = area.name
        level = area.level
        parentCode = area.parentCode
        population = system.population(of: area.code).total
        outsideDesignSize = system.isOutsideDesignSize(area.code)
        contains = system.descendantCounts(of: area.code)
    }
}

/// `GET /api/v1/places/{code}` and `/api/v1/areas/{code}`: an area, where it sits, its population by
/// sex and age band, and what it contains.
struct AreaDocument: ResponseCodable {
    var code: String
    var name: String
    var level: String
    var levelName: String
    var postcode: String?
    var district: String?
    var lineage: [AreaReference]
    var population: PopulationDocument
    var outsideDesignSize: Bool?
    var children: [AreaSummary]
    /// People in the integrated dataset under this area (`nil`: no dataset, or hidden by the disclosure gate).
    var datasetPeople: Int?

    init(_ area: Area, in snapshot: SystemSnapshot) {
        let system = snapshot.system
        datasetPeople = snapshot.datasetPeople(of: area.code)?.value
        code = area.code
        name = area.name
        level = area.level
        levelName = system.level(of: area)?.singular ?? area.level
        postcode = area.postcode
        district = area.district
        lineage = system.lineage(of: area.code).map { AreaReference(code: $0.code, name: $0.name, level: $0.level) }
        population = PopulationDocument(system.population(of: area.code))
        outsideDesignSize = system.isOutsideDesignSize(area.code)
        children = system.children(of: area.code).map { AreaSummary($0, in: snapshot) }
    }
}

/// `GET /api/v1/dataset` and part of `/system`: what the integrated dataset holds, in aggregate only,
/// its sizes through the disclosure gate.
struct DatasetDocument: ResponseCodable {
    var source: String
    var importedAt: Date
    var fingerprint: String
    /// People, through the gate: with an analysis period, its population (registered and alive at its end).
    var people: Int?
    var diagnoses: Int?
    var events: Int?
    /// Practices whose people in the dataset equal their published registered list size.
    var practicesMatchingPublished: Int
    /// Practices whose counts differ.
    var practicesDiffering: Int

    init(_ summary: DatasetSummary, in snapshot: SystemSnapshot) {
        let system = snapshot.system
        let policy = snapshot.published.policy
        source = summary.source
        importedAt = summary.importedAt
        fingerprint = summary.fingerprint
        people = snapshot.published.count("people", of: system.root.code).value
        diagnoses = policy.count(summary.diagnoses).value
        events = policy.count(summary.events).value
        let practices = system.areas(atLevel: system.levels.last?.key ?? "practice")
        let matching = practices.filter {
            summary.peopleByPractice[$0.code, default: 0] == system.population(of: $0.code).total
        }
        practicesMatchingPublished = matching.count
        practicesDiffering = practices.count - matching.count
    }
}

/// A link to an area.
struct AreaReference: Codable, Sendable {
    var code: String
    var name: String
    var level: String
}

/// A population by sex and five-year age band, with totals; `unbanded` counts people whose sources
/// give no sex or age band (they are in `total`, not in `female`, `male` or `bands`).
struct PopulationDocument: Codable, Sendable {
    var total: Int
    var female: Int
    var male: Int
    var unbanded: Int
    var bands: [BandDocument]

    struct BandDocument: Codable, Sendable {
        var band: String
        var female: Int
        var male: Int
    }

    init(_ profile: PopulationProfile) {
        total = profile.total
        female = profile.total(of: .female)
        male = profile.total(of: .male)
        unbanded = profile.unbanded
        bands = AgeBand.all.map {
            BandDocument(band: $0.publicationCode, female: profile[.female, $0], male: profile[.male, $0])
        }
    }
}

/// `GET /api/v1/places` and `GET /api/v1/organisations`: a list under `items`.
struct ListDocument<Item: Codable & Sendable>: ResponseCodable {
    var items: [Item]
}

extension Organisation: ResponseCodable {}
