import ConcordatCore
import Foundation
import Testing

@testable import PopulationHealth

@Suite("Admission risk: logistic regression, AUC, calibration")
struct AdmissionRiskTests {
    @Test("IRLS recovers known coefficients from data simulated from them")
    func recoversCoefficients() throws {
        var random = SeededRandom(seed: 7)
        let truth = [-1.5, 0.8, -0.5, 1.2]
        let rows = 40_000
        var features: [Double] = []
        var outcomes: [UInt8] = []
        for _ in 0..<rows {
            let x = [random.unit() * 4 - 2, random.unit() < 0.5 ? 1.0 : 0.0, random.unit() * 3]
            features += x
            let eta = truth[0] + zip(truth.dropFirst(), x).reduce(0) { $0 + $1.0 * $1.1 }
            outcomes.append(random.unit() < 1 / (1 + exp(-eta)) ? 1 : 0)
        }
        let model = try #require(
            LogisticRegression.fit(
                features: features, featureCount: 3, outcomes: outcomes, include: Array(repeating: true, count: rows)))
        for (fitted, expected) in zip(model.unstandardised, truth) {
            #expect(abs(fitted - expected) < 0.08, "\(model.unstandardised) vs \(truth)")
        }
    }

    @Test("AUC is the Mann–Whitney probability, ties counted as half")
    func auc() {
        // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ranked right.
        #expect(ModelEvaluation.auc(scores: [0.1, 0.4, 0.35, 0.8], outcomes: [0, 0, 1, 1]) == 0.75)
        #expect(ModelEvaluation.auc(scores: [0.5, 0.5], outcomes: [0, 1]) == 0.5)
        #expect(ModelEvaluation.auc(scores: [0.2, 0.9], outcomes: [0, 1]) == 1)
        #expect(ModelEvaluation.auc(scores: [0.2, 0.9], outcomes: [1, 1]) == nil)
    }

    @Test("calibration bands split people equally by predicted risk")
    func calibration() {
        let scores = (0..<100).map { Double($0) / 100 }
        let outcomes = (0..<100).map { UInt8($0 >= 80 ? 1 : 0) }
        let bands = ModelEvaluation.calibration(scores: scores, outcomes: outcomes, bands: 10)
        #expect(bands.count == 10)
        #expect(bands.allSatisfy { $0.people == 10 })
        #expect(bands.last?.observed == 1)
        #expect(bands.first?.observed == 0)
        #expect(abs((bands.first?.predicted ?? 0) - 0.045) < 1e-9)
    }

    @Test("Cholesky solves a small symmetric system")
    func solve() throws {
        let x = try #require(LogisticRegression.solveSymmetric([4, 2, 2, 3], [6, 5], size: 2))
        #expect(abs(x[0] - 1) < 1e-12 && abs(x[1] - 1) < 1e-12)  // 4a + 2b = 6, 2a + 3b = 5
        #expect(LogisticRegression.solveSymmetric([1, 2, 2, 1], [1, 1], size: 2) == nil)
    }
}
