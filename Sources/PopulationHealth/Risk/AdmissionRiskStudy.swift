import ConcordatCore
import Foundation

/// What the admission-risk model is and how well it works: aggregates only (no person).
public struct AdmissionRiskReport: Sendable, Codable, Hashable {
    /// The features, in coefficient order after the intercept.
    public var features: [String]
    /// Intercept and coefficients on the features' own scales (log odds).
    public var coefficients: [Double]
    /// People the model was fitted on and tested on.
    public var trainingPeople: Int
    /// People held out for testing.
    public var testPeople: Int
    /// The proportion of people with an emergency admission in the outcome period.
    public var outcomeRate: Double
    /// The area under the ROC curve on the held-out people.
    public var auc: Double
    /// Calibration by tenths of predicted risk on the held-out people.
    public var calibration: [ModelEvaluation.CalibrationBand]
    /// The share of people put in the top-risk cohort (0.02: the highest 2%).
    public var cohortShare: Double
    /// People in the top-risk cohort, by practice code (counts only).
    public var cohortByPractice: [String: Int]
    /// The prior and outcome periods.
    public var priorPeriod: String
    /// The outcome period.
    public var outcomePeriod: String
    /// People in the test set with an emergency admission in the outcome period (`nil` in reports made
    /// before it was kept).
    public var testOutcomes: Int?
    /// The AUC's 95% confidence interval (DeLong et al. 1988, by Sun & Xu's 2014 algorithm); `nil` in
    /// reports made before it was kept or when the test set has fewer than two outcomes.
    public var aucInterval: ConfidenceInterval?
}

/// Predicts each person's risk of an emergency (non-elective) admission: the year before the
/// reference date is split in two; age, sex, deprivation, Charlson, Elixhauser and frailty scores
/// (from diagnoses recorded before the split) and activity in the first half predict an emergency
/// admission in the second half. People who died before the split are left out. With an analysis period
/// (the usual case) the windows are the period's halves, people registered only after the split are left
/// out too, and a window outside the data refuses to report (``evaluate(on:)``). A seeded 70/30 split of
/// people trains and tests the model; AUC with its DeLong 95% interval and a calibration table are
/// reported on the test 30%.
public struct AdmissionRiskStudy: Sendable {
    /// The reference (list) date: the end of the outcome period.
    public var referenceDate: Day
    /// The seed of the train/test split.
    public var seed: UInt64
    /// The share of people in the top-risk cohort.
    public var cohortShare: Double

    /// The analysis period the windows are taken from, when there is one: the prior window is its first
    /// half (whole months, the shorter half when the count is odd), the outcome window the rest.
    public var period: AnalysisPeriod?
    /// The latest date in the data: an outcome window ending after it refuses to report.
    public var latestDate: Day?
    /// The earliest event in the data: a prior window starting more than a month before it refuses.
    public var earliestEvent: Day?

    /// Makes a study.
    public init(referenceDate: Day, seed: UInt64 = 2026, cohortShare: Double = 0.02) {
        self.referenceDate = referenceDate
        self.seed = seed
        self.cohortShare = cohortShare
    }

    /// Makes a study whose windows lie in `period`, checked against the dates of `dataset`.
    public init(period: AnalysisPeriod, dataset: IntegratedDataset, seed: UInt64 = 2026, cohortShare: Double = 0.02) {
        self.init(referenceDate: period.endExclusive, seed: seed, cohortShare: cohortShare)
        self.period = period
        latestDate = dataset.latestDate
        earliestEvent = dataset.earliestEventStart
    }

    /// The model's windows: prior activity from `start` to the day before `split`, outcomes from `split` to
    /// the day before `end`.
    public var windows: (start: Day, split: Day, end: Day) {
        if let period {
            return (period.firstDay, period.firstDay(ofMonth: period.months / 2), period.endExclusive)
        }
        return (referenceDate.adding(days: -365), referenceDate.adding(days: -182), referenceDate)
    }

    /// What the study found: a report with its cohort, or why it cannot report.
    public enum Evaluation: Sendable {
        /// The model was fitted and tested.
        case reported(AdmissionRiskReport, cohort: [RiskCohortMember])
        /// The model was not reported, for this reason (shown on the page in its place).
        case refused(String)
    }

    /// Why the windows cannot be used, or `nil` when they can.
    public var windowProblem: String? {
        let (start, split, end) = windows
        if let period, period.months < 2 {
            return "the analysis period \(period) is one month: the model needs a prior window and an outcome window"
        }
        if let latestDate, end.adding(days: -1) > latestDate {
            return "the outcome window \(split) to \(end.adding(days: -1)) runs past the data, whose latest date is "
                + "\(latestDate): outcomes after it are not yet recorded, so the model is not reported"
        }
        if let earliestEvent, earliestEvent > start.adding(days: 31) {
            return "the prior window starts on \(start) but the data's first event is on \(earliestEvent): prior "
                + "activity would be undercounted, so the model is not reported"
        }
        return nil
    }

    /// Fits and evaluates the model, or says why not.
    public func evaluate(on dataset: IntegratedDataset) -> Evaluation {
        if let problem = windowProblem { return .refused(problem) }
        guard let (report, cohort) = study(on: dataset) else {
            return .refused(
                "the outcome window \(windows.split) to \(windows.end.adding(days: -1)) has too few people or emergency "
                    + "admissions (with and without) to fit and test the model")
        }
        return .reported(report, cohort: cohort)
    }

    /// The feature names.
    public static let features = [
        "age/10", "(age/10)^2", "male", "deprivation (decile 1 = 1.0)", "charlson", "elixhauser/10", "hfrs/10",
        "prior emergency admissions", "prior A&E attendances", "prior outpatient appointments",
        "log(1 + prior GP appointments)",
        "log(1 + prior cost in £)",
    ]

    /// Fits and evaluates the model; `nil` when the dataset is too small or has no outcomes.
    public func run(on dataset: IntegratedDataset) -> AdmissionRiskReport? { study(on: dataset)?.report }

    /// Fits and evaluates the model, and lists the top-risk cohort by person: the report (aggregates
    /// only) and the cohort (pseudonyms, for an authorised role only) are kept apart.
    public func study(on dataset: IntegratedDataset) -> (report: AdmissionRiskReport, cohort: [RiskCohortMember])? {
        let people = dataset.personCount
        let k = Self.features.count
        let start = windows.start.daysSinceEpoch
        let split = windows.split.daysSinceEpoch
        let end = windows.end.daysSinceEpoch
        // Scores from diagnoses recorded before the split.
        let codes = dataset.codes.strings
        let early = (0..<dataset.diagnosisCount).filter {
            dataset.diagnosisRecordedOn[$0] < split && dataset.diagnosisSystem[$0] == CodeSystem.icd10.rawValue
        }
        let personOfRow = early.map { dataset.diagnosisPerson[$0] }
        let codeOfRow = early.map { dataset.diagnosisCode[$0] }
        func scores(_ index: ComorbidityIndex) -> [Int] {
            let scorer = ComorbidityScorer(index: index)
            return scorer.categorySets(
                personCount: people, personOfRow: personOfRow, codeOfRow: codeOfRow, codes: codes
            ).map(scorer.score)
        }
        let charlson = scores(.charlsonQuan)
        let elixhauser = scores(.elixhauserVanWalraven)
        let frailty = scores(.hospitalFrailty)
        var prior = [Double](repeating: 0, count: people * 5)  // NEL, A&E, outpatient, GP, cost £
        var outcome = [UInt8](repeating: 0, count: people)
        for row in 0..<dataset.eventCount {
            let person = Int(dataset.eventPerson[row])
            let day = dataset.eventStart[row]
            let setting = CareSetting(rawValue: dataset.eventSetting[row])
            if day >= start, day < split {
                switch setting {
                case .inpatientNonElective: prior[person * 5] += 1
                case .ae: prior[person * 5 + 1] += 1
                case .outpatient: prior[person * 5 + 2] += 1
                case .gp: prior[person * 5 + 3] += 1
                default: break
                }
                prior[person * 5 + 4] += Double(dataset.eventCostPence[row]) / 100
            } else if day >= split, day < end, setting == .inpatientNonElective {
                outcome[person] = 1
            }
        }
        var features = [Double](repeating: 0, count: people * k)
        var eligible = [Bool](repeating: true, count: people)
        var train = [Bool](repeating: false, count: people)
        var random = SeededRandom(seed: seed)
        for person in 0..<people {
            if dataset.diedOn[person] != IntegratedDataset.noDate, dataset.diedOn[person] < split {
                eligible[person] = false
            }
            // With a period, the people predicted for are those on the list at the split.
            if period != nil, dataset.registeredFrom[person] >= split {
                eligible[person] = false
            }
            let age = Double(
                referenceDate.age(
                    birthYear: Int(dataset.birthYear[person]), birthMonth: Int(dataset.birthMonth[person])))
            let row = [
                age / 10, (age / 10) * (age / 10), Double(dataset.sex[person]),
                Double(11 - Int(dataset.imdDecile[person])) / 10,
                Double(charlson[person]), Double(elixhauser[person]) / 10, Double(frailty[person]) / 100,
                prior[person * 5], prior[person * 5 + 1], prior[person * 5 + 2], log1p(prior[person * 5 + 3]),
                log1p(prior[person * 5 + 4]),
            ]
            for j in 0..<k { features[person * k + j] = row[j] }
            train[person] = eligible[person] && random.unit() < 0.7
        }
        let test = (0..<people).map { eligible[$0] && !train[$0] }
        guard let model = LogisticRegression.fit(features: features, featureCount: k, outcomes: outcome, include: train)
        else {
            return nil
        }
        var predicted = [Double](repeating: 0, count: people)
        for person in 0..<people { predicted[person] = model.probability(features[(person * k)..<(person * k + k)]) }
        let testPeople = (0..<people).filter { test[$0] }
        guard
            let auc = ModelEvaluation.auc(
                scores: testPeople.map { predicted[$0] }, outcomes: testPeople.map { outcome[$0] })
        else {
            return nil
        }
        // The cohort: the highest predicted risks among eligible people.
        let ranked = (0..<people).filter { eligible[$0] }.sorted { predicted[$0] > predicted[$1] }
        var cohort: [String: Int] = [:]
        var members: [RiskCohortMember] = []
        for person in ranked.prefix(Int((Double(ranked.count) * cohortShare).rounded())) {
            let practice = dataset.practiceCodes[Int(dataset.practice[person])]
            cohort[practice, default: 0] += 1
            members.append(
                RiskCohortMember(
                    personID: dataset.personIDs[person], practice: practice, risk: predicted[person],
                    rank: cohort[practice]!))
        }
        let eligibleCount = eligible.filter { $0 }.count
        let testScores = testPeople.map { predicted[$0] }
        let testOutcomes = testPeople.map { outcome[$0] }
        var report = AdmissionRiskReport(
            features: Self.features, coefficients: model.unstandardised, trainingPeople: train.filter { $0 }.count,
            testPeople: testPeople.count,
            outcomeRate: Double((0..<people).filter { eligible[$0] && outcome[$0] == 1 }.count)
                / Double(max(1, eligibleCount)),
            auc: auc,
            calibration: ModelEvaluation.calibration(
                scores: testPeople.map { predicted[$0] }, outcomes: testPeople.map { outcome[$0] }),
            cohortShare: cohortShare, cohortByPractice: cohort,
            priorPeriod: "\(Day(daysSinceEpoch: start)) to \(Day(daysSinceEpoch: split - 1))",
            outcomePeriod: "\(Day(daysSinceEpoch: split)) to \(Day(daysSinceEpoch: end - 1))")
        report.testOutcomes = testOutcomes.filter { $0 == 1 }.count
        report.aucInterval = DeLongInterval(scores: testScores, outcomes: testOutcomes)?.interval
        return (report, members)
    }
}
