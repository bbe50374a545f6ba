import Foundation
import Testing

@testable import PopulationHealth

@Suite("The AUC's DeLong confidence interval")
struct DeLongIntervalTests {
    /// Hanley & McNeil (1982), *Radiology* 143:29–36, Table 1: 109 CT images rated 1 (definitely normal)
    /// to 5 (definitely abnormal). Their published area is 0.893. The variance and interval expected here
    /// come from DeLong's structural components written from the definition (the m × n comparison
    /// kernel, no ranks), an independent computation in `docs/checks/delong_check.py`:
    /// AUC 0.893171061528, variance 0.000943989270, 95% CI 0.832952327658 to 0.953389795398.
    @Test("Hanley & McNeil's CT ratings: the published AUC and the independent DeLong variance")
    func hanleyMcNeil() throws {
        let normal =
            [Double](repeating: 1, count: 33) + [Double](repeating: 2, count: 6)
            + [Double](repeating: 3, count: 6) + [Double](repeating: 4, count: 11) + [Double](repeating: 5, count: 2)
        let abnormal =
            [Double](repeating: 1, count: 3) + [Double](repeating: 2, count: 2)
            + [Double](repeating: 3, count: 2) + [Double](repeating: 4, count: 11) + [Double](repeating: 5, count: 33)
        let scores = normal + abnormal
        let outcomes = [UInt8](repeating: 0, count: normal.count) + [UInt8](repeating: 1, count: abnormal.count)
        let result = try #require(DeLongInterval(scores: scores, outcomes: outcomes))
        #expect((result.auc * 1000).rounded() / 1000 == 0.893)  // the published value
        #expect(abs(result.auc - 0.893171061528) < 1e-11)
        #expect(abs(result.variance - 0.000943989270) < 1e-12)
        #expect(abs(result.interval.lower - 0.832952327658) < 1e-9)
        #expect(abs(result.interval.upper - 0.953389795398) < 1e-9)
        #expect(result.positives == 51 && result.negatives == 58)
        // The same AUC as the Mann–Whitney computation the model already reports.
        #expect(abs(try #require(ModelEvaluation.auc(scores: scores, outcomes: outcomes)) - result.auc) < 1e-12)
    }

    /// Twelve scores without ties; expected values from the same independent script: AUC 0.8, variance
    /// 0.019047619048, interval 0.529499271343 to 1.070500728657, clipped to 1.
    @Test("a small fixed set: the independent values, and the upper bound clipped to 1")
    func small() throws {
        let scores = [0.1, 0.4, 0.35, 0.8, 0.7, 0.2, 0.55, 0.9, 0.3, 0.65, 0.45, 0.6]
        let outcomes: [UInt8] = [0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0]
        let result = try #require(DeLongInterval(scores: scores, outcomes: outcomes))
        #expect(abs(result.auc - 0.8) < 1e-12)
        #expect(abs(result.variance - 0.019047619048) < 1e-12)
        #expect(abs(result.interval.lower - 0.529499271343) < 1e-9)
        #expect(result.interval.upper == 1)
        #expect(abs(result.standardError - 0.019047619048.squareRoot()) < 1e-9)
    }

    @Test("hostile input: too few of a class, NaN, infinities, mismatched lengths, a perfect split")
    func hostile() throws {
        #expect(DeLongInterval(scores: [], outcomes: []) == nil)
        #expect(DeLongInterval(scores: [0.1, 0.2, 0.3], outcomes: [0, 0, 1]) == nil)  // one positive
        #expect(DeLongInterval(scores: [0.1, .nan, 0.3, 0.4], outcomes: [0, 0, 1, 1]) == nil)
        #expect(DeLongInterval(scores: [0.1, .infinity, 0.3, 0.4], outcomes: [0, 0, 1, 1]) == nil)
        #expect(DeLongInterval(scores: [0.1, 0.2], outcomes: [0, 0, 1, 1]) == nil)
        #expect(DeLongInterval(scores: [0.1, 0.2, 0.3, 0.4], outcomes: [0, 0, 1, 1], confidence: 1) == nil)
        let perfect = try #require(DeLongInterval(scores: [0.1, 0.2, 0.8, 0.9], outcomes: [0, 0, 1, 1]))
        #expect(perfect.auc == 1 && perfect.variance == 0 && perfect.interval.lower == 1)
        let ties = try #require(DeLongInterval(scores: [0.5, 0.5, 0.5, 0.5], outcomes: [0, 1, 0, 1]))
        #expect(ties.auc == 0.5 && ties.variance == 0)
    }
}
