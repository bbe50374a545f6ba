import ConcordatCore
import PopulationHealth

/// What changes choose people by that the dataset does not hold directly: each person's Bridges to
/// Health segment and Charlson conditions, computed as the population health engine computes them
/// (`PopulationHealthEngine`: Charlson with Quan's 2011 weights, Elixhauser, the Hospital Frailty Risk
/// Score, maternity codes and a year's activity, through the standard segmentation rules).
public struct PersonAttributes: Sendable, Hashable {
    /// Each person's segment (raw value), in person order.
    public var segments: [UInt8]
    /// Each person's Charlson categories, hierarchy applied.
    public var conditions: [CategorySet]
    /// The condition names, by category index (R `comorbidity`'s Charlson names).
    public var conditionNames: [String]

    /// The names people can be chosen by: the Charlson categories.
    public static var conditionNames: [String] { ComorbidityScorer(index: .charlsonQuan).categories }

    /// Makes attributes from columns (for tests and callers that already have them).
    public init(segments: [UInt8], conditions: [CategorySet], conditionNames: [String] = Self.conditionNames) {
        self.segments = segments
        self.conditions = conditions
        self.conditionNames = conditionNames
    }

    /// Computes every person's segment and conditions, ages taken at `referenceDate`.
    public init(of dataset: IntegratedDataset, referenceDate: Day, rules: SegmentationRules = .standard) {
        let people = dataset.personCount
        let codes = dataset.codes.strings
        let charlson = ComorbidityScorer(index: .charlsonQuan)
        let elixhauser = ComorbidityScorer(index: .elixhauserVanWalraven)
        let frailty = ComorbidityScorer(index: .hospitalFrailty)
        let icd = dataset.diagnosisSystem.map { $0 == CodeSystem.icd10.rawValue }
        let personOfRow = zip(dataset.diagnosisPerson, icd).filter(\.1).map(\.0)
        let codeOfRow = zip(dataset.diagnosisCode, icd).filter(\.1).map(\.0)
        let charlsonSets = charlson.categorySets(
            personCount: people, personOfRow: personOfRow, codeOfRow: codeOfRow, codes: codes)
        let elixhauserSets = elixhauser.categorySets(
            personCount: people, personOfRow: personOfRow, codeOfRow: codeOfRow, codes: codes)
        let frailtySets = frailty.categorySets(
            personCount: people, personOfRow: personOfRow, codeOfRow: codeOfRow, codes: codes)
        // Pregnancy and childbirth: ICD-10 chapter XV (O00–O99) and Z33–Z39, as the engine reads them.
        let maternityCode = codes.map { code in
            code.hasPrefix("O")
                || (code.hasPrefix("Z3") && code.count >= 3
                    && "3456789".contains(code[code.index(code.startIndex, offsetBy: 2)]))
        }
        var maternity = [Bool](repeating: false, count: people)
        for (person, code) in zip(personOfRow, codeOfRow) where maternityCode[Int(code)] {
            maternity[Int(person)] = true
        }
        let settings = CareSetting.allCases.count
        var eventCounts = [UInt16](repeating: 0, count: people * settings)
        for row in 0..<dataset.eventCount {
            let slot = Int(dataset.eventPerson[row]) * settings + Int(dataset.eventSetting[row])
            if eventCounts[slot] < .max { eventCounts[slot] += 1 }
        }
        func names(_ set: CategorySet, _ categories: [String]) -> Set<String> {
            guard !set.isEmpty else { return [] }
            return Set(categories.indices.filter { set.contains($0) }.map { categories[$0] })
        }
        var segments = [UInt8](repeating: 0, count: people)
        for person in 0..<people {
            var events: [CareSetting: Int] = [:]
            for setting in CareSetting.allCases where eventCounts[person * settings + Int(setting.rawValue)] > 0 {
                events[setting] = Int(eventCounts[person * settings + Int(setting.rawValue)])
            }
            let facts = PersonFacts(
                age: referenceDate.age(
                    birthYear: Int(dataset.birthYear[person]), birthMonth: Int(dataset.birthMonth[person])),
                charlson: names(charlsonSets[person], charlson.categories),
                elixhauser: names(elixhauserSets[person], elixhauser.categories),
                frailtyTenths: frailty.score(frailtySets[person]), maternity: maternity[person], events: events)
            segments[person] = rules.segment(for: facts).rawValue
        }
        self.init(segments: segments, conditions: charlsonSets, conditionNames: charlson.categories)
    }
}
