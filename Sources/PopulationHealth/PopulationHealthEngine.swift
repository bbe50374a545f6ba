import ConcordatCore

/// Turns the integrated dataset into the population health picture: each person's Charlson (Quan 2011
/// weights), Elixhauser and frailty scores, Bridges to Health segment and Core20 status, summed into a
/// ``PracticeProfile`` per practice. Pure: a dataset in, profiles out.
public struct PopulationHealthEngine: Sendable {
    /// The segmentation rules.
    public var rules: SegmentationRules
    /// The date ages are taken at (the list date): the analysis period's last day when there is one.
    public var referenceDate: Day
    /// The analysis period: when set, only events starting in it count, only diagnoses recorded by its
    /// last day, and the population is those registered and alive on its last day (people who died in
    /// it count in activity and cost, and apart). `nil`: every event and person counts (older callers).
    public var period: AnalysisPeriod?
    /// The primary-care electronic Frailty Index, when its SNOMED CT deficit code lists are configured.
    public var electronicFrailtyIndex: ElectronicFrailtyIndex?

    /// Makes an engine.
    public init(
        rules: SegmentationRules = .standard, referenceDate: Day, electronicFrailtyIndex: ElectronicFrailtyIndex? = nil
    ) {
        self.rules = rules
        self.referenceDate = referenceDate
        self.electronicFrailtyIndex = electronicFrailtyIndex
    }

    /// Makes an engine for `period`: ages at its last day.
    public init(
        rules: SegmentationRules = .standard, period: AnalysisPeriod,
        electronicFrailtyIndex: ElectronicFrailtyIndex? = nil
    ) {
        self.init(rules: rules, referenceDate: period.lastDay, electronicFrailtyIndex: electronicFrailtyIndex)
        self.period = period
    }

    /// Whether diagnosis row `row` counts (recorded by the period's last day).
    private func counts(diagnosis row: Int, in dataset: IntegratedDataset) -> Bool {
        guard let period else { return true }
        return dataset.diagnosisRecordedOn[row] <= period.lastDay.daysSinceEpoch
    }

    /// Whether event row `row` counts (started in the period, of someone whose activity counts).
    private func counts(event row: Int, in dataset: IntegratedDataset, standing: [PeriodStanding]?) -> Bool {
        guard let period, let standing else { return true }
        return period.contains(Day(daysSinceEpoch: dataset.eventStart[row]))
            && standing[Int(dataset.eventPerson[row])].countsActivity
    }

    /// Each person's eFI category index (fit 0 … severe 3) from their SNOMED CT codes, if configured.
    func efiCategories(of dataset: IntegratedDataset) -> [UInt8]? {
        guard let efi = electronicFrailtyIndex else { return nil }
        // Each distinct SNOMED code's deficits once, then each person's deficits as a set of indices.
        var deficitsOfCode: [Int: Set<Int>] = [:]
        var deficits = [Set<Int>](repeating: [], count: dataset.personCount)
        for row in 0..<dataset.diagnosisCount
        where dataset.diagnosisSystem[row] == CodeSystem.snomed.rawValue && counts(diagnosis: row, in: dataset) {
            let code = Int(dataset.diagnosisCode[row])
            if deficitsOfCode[code] == nil { deficitsOfCode[code] = efi.deficits(in: [dataset.codes[code]]) }
            if let found = deficitsOfCode[code], !found.isEmpty {
                deficits[Int(dataset.diagnosisPerson[row])].formUnion(found)
            }
        }
        let categories = ElectronicFrailtyIndex.Category.allCases
        return deficits.map { set in
            UInt8(categories.firstIndex(of: .init(score: efi.score(deficitCount: set.count)))!)
        }
    }

    /// Every person's facts and segment: comorbidities from their ICD-10 diagnoses (recorded by the
    /// period's last day), activity from the events that count, ages at the reference date, through the
    /// segmentation rules. The one place the engine computes them, for ``profiles(of:)`` and other callers.
    public func classify(_ dataset: IntegratedDataset) -> PersonClassification {
        let people = dataset.personCount
        let codes = dataset.codes.strings
        let charlson = ComorbidityScorer(index: .charlsonQuan)
        let elixhauser = ComorbidityScorer(index: .elixhauserVanWalraven)
        let frailty = ComorbidityScorer(index: .hospitalFrailty)
        let standing = period.map { period in (0..<people).map { dataset.standing(of: $0, in: period) } }
        let icd = (0..<dataset.diagnosisCount).map {
            dataset.diagnosisSystem[$0] == CodeSystem.icd10.rawValue && counts(diagnosis: $0, in: dataset)
        }
        let personOfRow = zip(dataset.diagnosisPerson, icd).filter(\.1).map(\.0)
        let codeOfRow = zip(dataset.diagnosisCode, icd).filter(\.1).map(\.0)
        let charlsonSets = charlson.categorySets(
            personCount: people, personOfRow: personOfRow, codeOfRow: codeOfRow, codes: codes)
        let elixhauserSets = elixhauser.categorySets(
            personCount: people, personOfRow: personOfRow, codeOfRow: codeOfRow, codes: codes)
        let frailtySets = frailty.categorySets(
            personCount: people, personOfRow: personOfRow, codeOfRow: codeOfRow, codes: codes)
        // Pregnancy and childbirth: ICD-10 chapter XV (O00–O99) and Z33–Z39.
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
        var costs = [Int64](repeating: 0, count: people)
        for row in 0..<dataset.eventCount where counts(event: row, in: dataset, standing: standing) {
            let person = Int(dataset.eventPerson[row])
            let slot = person * settings + Int(dataset.eventSetting[row])
            if eventCounts[slot] < .max { eventCounts[slot] += 1 }
            costs[person] += dataset.eventCostPence[row]
        }
        var ages = [Int](repeating: 0, count: people)
        var frailtyTenths = [Int](repeating: 0, count: people)
        var segments = [BridgesToHealthSegment](repeating: .healthy, count: people)
        for person in 0..<people {
            let age = referenceDate.age(
                birthYear: Int(dataset.birthYear[person]), birthMonth: Int(dataset.birthMonth[person]))
            var events: [CareSetting: Int] = [:]
            for setting in CareSetting.allCases where eventCounts[person * settings + Int(setting.rawValue)] > 0 {
                events[setting] = Int(eventCounts[person * settings + Int(setting.rawValue)])
            }
            let tenths = frailty.score(frailtySets[person])
            let facts = PersonFacts(
                age: age, charlson: Self.names(charlsonSets[person], charlson.categories),
                elixhauser: Self.names(elixhauserSets[person], elixhauser.categories), frailtyTenths: tenths,
                maternity: maternity[person], events: events)
            ages[person] = age
            frailtyTenths[person] = tenths
            segments[person] = rules.segment(for: facts)
        }
        return PersonClassification(
            ages: ages, charlson: charlsonSets, elixhauser: elixhauserSets, frailtyTenths: frailtyTenths,
            eventCounts: eventCounts, costs: costs, standing: standing, segments: segments)
    }

    /// Profiles by practice code.
    public func profiles(of dataset: IntegratedDataset) -> [String: PracticeProfile] {
        let people = dataset.personCount
        let charlson = ComorbidityScorer(index: .charlsonQuan)
        let elixhauser = ComorbidityScorer(index: .elixhauserVanWalraven)
        let classification = classify(dataset)
        let standing = classification.standing
        let costs = classification.costs
        let efi = efiCategories(of: dataset)
        var emptyProfile = PracticeProfile()
        if efi != nil { emptyProfile.efiCategories = [0, 0, 0, 0] }
        if period != nil {
            emptyProfile.diedInPeriod = 0
            emptyProfile.costOfDiedInPeriod = 0
        }
        var byPractice = [PracticeProfile](repeating: emptyProfile, count: dataset.practiceCodes.count)
        // Cost by setting per practice straight from the events.
        for row in 0..<dataset.eventCount where counts(event: row, in: dataset, standing: standing) {
            let practice = Int(dataset.practice[Int(dataset.eventPerson[row])])
            byPractice[practice].costBySetting[Int(dataset.eventSetting[row])] += dataset.eventCostPence[row]
        }
        for person in 0..<people {
            let age = classification.ages[person]
            let emergency = classification.events(of: person, in: .inpatientNonElective)
            let charlsonSet = classification.charlson[person]
            let elixhauserSet = classification.elixhauser[person]
            let frailtyTenths = classification.frailtyTenths[person]
            let segment = classification.segments[person]
            let practice = Int(dataset.practice[person])
            var profile = byPractice[practice]
            switch standing?[person] ?? .registered {
            case .registered: break
            case .diedInPeriod:
                // Counted in activity and cost (their segment's cost too), apart from the end population.
                profile.diedInPeriod! += 1
                profile.costOfDiedInPeriod! += costs[person]
                profile.costBySegment[Int(segment.rawValue)] += costs[person]
                if age >= 75 { profile.emergencyAdmissions75Plus += emergency }
                byPractice[practice] = profile
                continue
            case .diedBefore, .registeredAfter: continue
            }
            profile.people += 1
            if (1...2).contains(dataset.imdDecile[person]) { profile.core20 += 1 }
            if age >= 75 {
                profile.aged75Plus += 1
                profile.emergencyAdmissions75Plus += emergency
            }
            profile.segments[Int(segment.rawValue)] += 1
            profile.costBySegment[Int(segment.rawValue)] += costs[person]
            let charlsonScore = charlson.score(charlsonSet)
            profile.charlsonTotal += charlsonScore
            profile.charlsonDistribution?[min(charlsonScore, 5)] += 1
            for category in 0..<charlson.categories.count where charlsonSet.contains(category) {
                profile.charlsonCategories[category] += 1
            }
            for category in 0..<elixhauser.categories.count where elixhauserSet.contains(category) {
                profile.elixhauserCategories[category] += 1
            }
            profile.frailtyBands[frailtyTenths < 50 ? 0 : frailtyTenths <= 150 ? 1 : 2] += 1
            if let efi { profile.efiCategories![Int(efi[person])] += 1 }
            if emergency > 0 { profile.peopleWithEmergencyAdmission += 1 }
            profile.count(decile: Int(dataset.imdDecile[person]), emergencyAdmissions: emergency)
            byPractice[practice] = profile
        }
        var result: [String: PracticeProfile] = [:]
        for (index, profile) in byPractice.enumerated() { result[dataset.practiceCodes[index]] = profile }
        return result
    }

    private static func names(_ set: CategorySet, _ categories: [String]) -> Set<String> {
        guard !set.isEmpty else { return [] }
        var names: Set<String> = []
        for index in 0..<categories.count where set.contains(index) { names.insert(categories[index]) }
        return names
    }
}
