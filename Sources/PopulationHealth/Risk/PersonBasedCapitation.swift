import ConcordatCore
import Foundation

/// A person-based capitation formula fitted on the integrated dataset: each person's cost in the
/// next period is regressed (ordinary least squares) on their age and sex, morbidity (the 17 Charlson
/// categories and the Hospital Frailty Risk Score band, from diagnoses recorded before the period) and
/// deprivation (national IMD decile). The predictions, summed per practice, are its needs-weighted
/// population, scaled so that the system's weighted population equals its registered population.
///
/// The model is *supply-sterilised* in the sense of NHS England's person-based resource allocation
/// (Dixon et al. (2011), "Developing a person-based resource allocation formula for allocations to
/// general practices in England", *PLoS ONE* 6(12): e28916): no variable describing the supply of services
/// (practice, provider, distance) enters the model, so areas are not rewarded for the services they
/// happen to have.
///
/// With one year of data the year is split in two: diagnoses recorded before the half-way point predict
/// the second half's cost, annualised. One regression per care setting gives the formula's service
/// components, which add up to the total.
public struct PersonBasedCapitation: Sendable {
    /// The reference (list) date: the end of the outcome period.
    public var referenceDate: Day
    /// The seed of the 70/30 fitting/testing split of people.
    public var seed: UInt64

    /// Makes a model specification.
    public init(referenceDate: Day, seed: UInt64 = 2027) {
        self.referenceDate = referenceDate
        self.seed = seed
    }

    /// The fitted model and what it gives: aggregates only.
    public struct Result: Sendable, Hashable, Codable {
        /// The features, in coefficient order after the intercept.
        public var features: [String]
        /// The service components (care setting codes), in the order of ``coefficients``.
        public var components: [String]
        /// For each component, the intercept then one coefficient per feature (£ a year).
        public var coefficients: [[Double]]
        /// R² of the total on the held-out 30%.
        public var rSquared: Double
        /// People fitted on and tested on.
        public var fittedPeople: Int
        /// People held out.
        public var testPeople: Int
        /// Each practice's weighted population, with its components (by setting code) on the same scale.
        public var weights: [String: WeightedPopulation]
    }

    /// The age bands of the age–sex cells (the first, 0–4, is in the intercept for each sex).
    static let ageBands: [ClosedRange<Int>] = [0...4, 5...14, 15...44, 45...64, 65...74, 75...84, 85...200]

    /// The feature names.
    public static var features: [String] {
        var names: [String] = []
        for sex in ["female", "male"] {
            for band in ageBands where !(sex == "female" && band.lowerBound == 0) {
                names.append("\(sex) \(band.lowerBound)\(band.upperBound > 150 ? "+" : "–\(band.upperBound)")")
            }
        }
        names += ComorbidityScorer(index: .charlsonQuan).categories.map { "charlson: \($0)" }
        names += ["frailty: intermediate (HFRS 5–15)", "frailty: high (HFRS > 15)"]
        names += (1...9).map { "IMD decile \($0)" }  // decile 10 (least deprived) in the intercept
        return names
    }

    /// Fits the model; `nil` if the dataset is too small to fit it.
    public func fit(on dataset: IntegratedDataset) -> Result? {
        let people = dataset.personCount
        let names = Self.features
        let k = names.count
        let p = k + 1
        let split = referenceDate.adding(days: -182).daysSinceEpoch
        let end = referenceDate.daysSinceEpoch
        let codes = dataset.codes.strings
        let early = (0..<dataset.diagnosisCount).filter {
            dataset.diagnosisRecordedOn[$0] < split && dataset.diagnosisSystem[$0] == CodeSystem.icd10.rawValue
        }
        let personOfRow = early.map { dataset.diagnosisPerson[$0] }
        let codeOfRow = early.map { dataset.diagnosisCode[$0] }
        let charlson = ComorbidityScorer(index: .charlsonQuan)
        let charlsonSets = charlson.categorySets(
            personCount: people, personOfRow: personOfRow, codeOfRow: codeOfRow, codes: codes)
        let frailty = ComorbidityScorer(index: .hospitalFrailty)
        let frailtySets = frailty.categorySets(
            personCount: people, personOfRow: personOfRow, codeOfRow: codeOfRow, codes: codes)
        // Outcome: cost in the second half, by setting, annualised to £ a year.
        let settings = CareSetting.allCases
        let annualise = 365.0 / Double(end - split) / 100
        var cost = [Double](repeating: 0, count: people * settings.count)
        for row in 0..<dataset.eventCount where dataset.eventStart[row] >= split && dataset.eventStart[row] < end {
            cost[Int(dataset.eventPerson[row]) * settings.count + Int(dataset.eventSetting[row])] +=
                Double(dataset.eventCostPence[row]) * annualise
        }
        var x = [Double](repeating: 0, count: people * p)
        var fitted = [Bool](repeating: false, count: people)
        var tested = [Bool](repeating: false, count: people)
        var random = SeededRandom(seed: seed)
        let charlsonCount = charlson.categories.count
        for person in 0..<people {
            let base = person * p
            x[base] = 1
            let age = referenceDate.age(
                birthYear: Int(dataset.birthYear[person]), birthMonth: Int(dataset.birthMonth[person]))
            let band = Self.ageBands.firstIndex { $0.contains(age) } ?? 0
            let male = dataset.sex[person] == 1
            // Female 5–14 … 85+ are columns 1…6; male 0–4 … 85+ are columns 7…13.
            if male { x[base + 7 + band] = 1 } else if band > 0 { x[base + band] = 1 }
            let set = charlsonSets[person]
            for category in 0..<charlsonCount where set.contains(category) { x[base + 14 + category] = 1 }
            let hfrs = frailty.score(frailtySets[person])
            if hfrs > 150 { x[base + 15 + charlsonCount] = 1 } else if hfrs >= 50 { x[base + 14 + charlsonCount] = 1 }
            let decile = Int(dataset.imdDecile[person])
            if (1...9).contains(decile) { x[base + 15 + charlsonCount + decile] = 1 }
            let died = dataset.diedOn[person] != IntegratedDataset.noDate && dataset.diedOn[person] < split
            if !died {
                if random.unit() < 0.7 { fitted[person] = true } else { tested[person] = true }
            }
        }
        // Normal equations, shared by every component: (XᵀX) b = Xᵀy.
        var gram = [Double](repeating: 0, count: p * p)
        var moments = [Double](repeating: 0, count: p * settings.count)
        var used = 0
        for person in 0..<people where fitted[person] {
            used += 1
            let base = person * p
            for a in 0..<p where x[base + a] != 0 {
                let xa = x[base + a]
                for b in a..<p where x[base + b] != 0 { gram[a * p + b] += xa * x[base + b] }
                for s in 0..<settings.count { moments[s * p + a] += xa * cost[person * settings.count + s] }
            }
        }
        guard used > p * 10 else { return nil }
        for a in 0..<p {
            gram[a * p + a] += 1e-6 * Double(used)  // a whisker of ridge: empty cells stay solvable
            for b in 0..<a { gram[a * p + b] = gram[b * p + a] }
        }
        var coefficients: [[Double]] = []
        for s in 0..<settings.count {
            guard let beta = LogisticRegression.solveSymmetric(gram, Array(moments[(s * p)..<(s * p + p)]), size: p)
            else { return nil }
            coefficients.append(beta)
        }
        func predict(_ person: Int, _ s: Int) -> Double {
            var sum = 0.0
            let base = person * p
            for a in 0..<p where x[base + a] != 0 { sum += coefficients[s][a] * x[base + a] }
            return sum
        }
        // R² of the total on the held-out people.
        var observed: [Double] = []
        var predicted: [Double] = []
        for person in 0..<people where tested[person] {
            observed.append((0..<settings.count).reduce(0) { $0 + cost[person * settings.count + $1] })
            predicted.append((0..<settings.count).reduce(0) { $0 + predict(person, $1) })
        }
        let mean = observed.reduce(0, +) / Double(max(1, observed.count))
        let total = observed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let residual = zip(observed, predicted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        // Everyone registered counts towards their practice's need, fitted or not.
        let practices = dataset.practiceCodes.count
        var byPractice = [Double](repeating: 0, count: practices * settings.count)
        var population = [Double](repeating: 0, count: practices)
        for person in 0..<people {
            let practice = Int(dataset.practice[person])
            population[practice] += 1
            for s in 0..<settings.count { byPractice[practice * settings.count + s] += predict(person, s) }
        }
        let predictedTotal = byPractice.reduce(0, +)
        guard predictedTotal > 0 else { return nil }
        let scale = Double(people) / predictedTotal
        var weights: [String: WeightedPopulation] = [:]
        for practice in 0..<practices where population[practice] > 0 {
            var components: [String: Double] = [:]
            for (s, setting) in settings.enumerated() {
                components[setting.code] = max(0, byPractice[practice * settings.count + s] * scale)
            }
            let code = dataset.practiceCodes[practice]
            weights[code] = WeightedPopulation(
                // Summed in setting order, not the dictionary's (which varies between runs): the same data
                // give the same bits.
                practice: code, population: population[practice],
                weighted: settings.reduce(0) { $0 + (components[$1.code] ?? 0) },
                components: components, primaryMedicalCare: components[CareSetting.gp.code] ?? 0)
        }
        return Result(
            features: names, components: settings.map(\.code), coefficients: coefficients,
            rSquared: total > 0 ? 1 - residual / total : 0, fittedPeople: used, testPeople: observed.count,
            weights: weights)
    }
}
