import ConcordatCore
import ConcordatTestSupport
import Foundation
import Ingest
import Partnership
import SystemPack
import Testing

/// The one way `synth` and `demo` make a system's extract: each setting's activity goes to the provider
/// the system's pack names, and a system whose pack names none gets placeholders, never another system's
/// trusts and councils.
@Suite struct SyntheticExtractTests {
    /// Each event's provider, with its person's practice: `(practice, setting, provider)`.
    static func events(in folder: URL) throws -> [(practice: String, setting: String, provider: String)] {
        func rows(_ file: String) throws -> [[Substring]] {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            return text.split(separator: "\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false)
            }
        }
        let practiceOf = Dictionary(uniqueKeysWithValues: try rows("patients.csv").map { ($0[0], String($0[7])) })
        return try rows("events.csv").map { (practiceOf[$0[0]]!, String($0[1]), String($0[2])) }
    }

    @Test func kentsActivityGoesToThePacksProviders() throws {
        let pack = try BundledPacks.kent.get()
        let system = try BundledPacks.kentSystem.get()
        let particulars = try #require(pack.synthetic)
        let extract = try SyntheticExtract(system: system, pack: pack, seed: 21, people: 4_000)
        #expect(extract.spec.particulars == particulars)
        #expect(extract.spec.ages == nil)  // Kent & Medway's list sizes have bands
        #expect(extract.notes.contains { $0.hasPrefix("Providers: as the pack's synthetic.json names them") })
        #expect(extract.notes.contains { $0.contains("real 2021 LSOAs") && $0.contains("13 districts") })

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("extract-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SyntheticPopulation.write(system: system, spec: extract.spec, to: folder)
        var seen: [String: Set<String>] = [:]
        for event in try Self.events(in: folder) {
            let practice = try #require(system.area(event.practice))
            let place = try #require(system.lineage(of: practice.code).first { $0.level == "place" }).code
            let expected: String
            switch CareSetting(code: event.setting) {
            case .outpatient, .ae, .inpatientElective, .inpatientNonElective: expected = particulars.acute(place: place)
            case .community: expected = "RYY"
            case .mentalHealth: expected = "RXY"
            case .hospice: expected = "HSPKM"
            case .adultSocialCare: expected = practice.district == "Medway" ? "887" : "886"
            case .gp, .prescribing: expected = practice.code
            case nil:
                Issue.record("unknown setting \(event.setting)")
                continue
            }
            #expect(event.provider == expected, "\(event)")
            seen[event.setting, default: []].insert(event.provider)
        }
        // All four acute trusts and both councils carry activity.
        #expect(seen["ae"] == ["RN7", "RPA", "RVV", "RWF"])
        #expect(seen["adult_social_care"] == ["886", "887"])
    }

    @Test func anotherICBGetsPlaceholdersAndNoneOfKentsCodes() throws {
        let system = try PublishedICB(file: EnglandAllocationFile.bundled(), icb: "QUY").system
        let extract = try SyntheticExtract(system: system, pack: nil, seed: 21, people: 3_000)
        #expect(extract.spec.particulars == .neutral)
        #expect(extract.spec.ages != nil)  // list sizes only: the shipped mix, and a sentence saying whose
        #expect(extract.notes.contains { $0.hasPrefix("Ages: ") && $0.contains("Kent and Medway") })
        #expect(extract.notes.contains { $0.hasPrefix("Deprivation: no LSOA file covers") })
        #expect(extract.notes.contains { $0.contains("placeholder providers") })

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("extract-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SyntheticPopulation.write(system: system, spec: extract.spec, to: folder)
        let kentCodes = Set(try #require(try BundledPacks.kent.get().synthetic).providerCodes)
        let practices = Set(system.areas(atLevel: "practice").map(\.code))
        let providers = Set(try Self.events(in: folder).map(\.provider))
        #expect(providers.isDisjoint(with: kentCodes))
        #expect(providers.subtracting(practices) == Set(SyntheticParticulars.neutral.providerCodes))
    }

    @Test func aPackStoredBeforeSyntheticJSONTakesTheShippedPacks() throws {
        var stored = try BundledPacks.kent.get()
        let shipped = try #require(stored.synthetic)
        stored.synthetic = nil  // as a pack stored before the file existed decodes
        let extract = try SyntheticExtract(
            system: try BundledPacks.kentSystem.get(), pack: stored, seed: 1, people: 10)
        #expect(extract.spec.particulars == shipped)
        #expect(extract.notes.contains { $0.contains("the stored pack predates the file") })
        // Another system's pack without one is not given Kent & Medway's.
        var other = stored
        other.manifest.name = "Elsewhere"
        let elsewhere = try SyntheticExtract(
            system: try BundledPacks.kentSystem.get(), pack: other, seed: 1, people: 10)
        #expect(elsewhere.spec.particulars == .neutral)
    }
}
