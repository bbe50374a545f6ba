import Foundation

/// Logistic regression fitted by iteratively reweighted least squares (Newton–Raphson on the log
/// likelihood; McCullagh & Nelder, Generalized Linear Models, 1989, §4.4) on standardised features,
/// with a tiny ridge term for numerical stability. Pure: a design matrix in, coefficients out.
public struct LogisticRegression: Sendable, Codable, Hashable {
    /// The intercept then one coefficient per feature, on the standardised scale.
    public var coefficients: [Double]
    /// Each feature's mean in the training data.
    public var means: [Double]
    /// Each feature's standard deviation in the training data (1 where it was 0).
    public var scales: [Double]

    /// Fits `outcomes` (0/1) on `features` (row-major, `featureCount` a row), using only rows where
    /// `include` is true.
    /// - Returns: `nil` when there are no rows or the outcome never (or always) occurs.
    public static func fit(
        features: [Double], featureCount k: Int, outcomes: [UInt8], include: [Bool], ridge: Double = 1e-6,
        maxIterations: Int = 30
    ) -> LogisticRegression? {
        let rows = outcomes.count
        var means = [Double](repeating: 0, count: k)
        var squares = [Double](repeating: 0, count: k)
        var used = 0
        var positives = 0
        for row in 0..<rows where include[row] {
            used += 1
            positives += Int(outcomes[row])
            for j in 0..<k {
                let x = features[row * k + j]
                means[j] += x
                squares[j] += x * x
            }
        }
        guard used > 0, positives > 0, positives < used else { return nil }
        var scales = [Double](repeating: 1, count: k)
        for j in 0..<k {
            means[j] /= Double(used)
            let variance = squares[j] / Double(used) - means[j] * means[j]
            scales[j] = variance > 1e-12 ? variance.squareRoot() : 1
        }
        let p = k + 1
        var beta = [Double](repeating: 0, count: p)
        beta[0] = log(Double(positives) / Double(used - positives))
        var x = [Double](repeating: 1, count: p)
        for _ in 0..<maxIterations {
            var hessian = [Double](repeating: 0, count: p * p)
            var gradient = [Double](repeating: 0, count: p)
            for row in 0..<rows where include[row] {
                for j in 0..<k { x[j + 1] = (features[row * k + j] - means[j]) / scales[j] }
                var eta = 0.0
                for j in 0..<p { eta += beta[j] * x[j] }
                let mu = 1 / (1 + exp(-eta))
                let weight = max(mu * (1 - mu), 1e-12)
                let residual = Double(outcomes[row]) - mu
                for a in 0..<p {
                    gradient[a] += x[a] * residual
                    let wa = weight * x[a]
                    for b in a..<p { hessian[a * p + b] += wa * x[b] }
                }
            }
            for a in 0..<p {
                hessian[a * p + a] += ridge * Double(used)
                gradient[a] -= ridge * Double(used) * beta[a]
                for b in 0..<a { hessian[a * p + b] = hessian[b * p + a] }
            }
            guard let step = solveSymmetric(hessian, gradient, size: p) else { return nil }
            var change = 0.0
            for j in 0..<p {
                beta[j] += step[j]
                change = max(change, abs(step[j]))
            }
            if change < 1e-9 { break }
        }
        return LogisticRegression(coefficients: beta, means: means, scales: scales)
    }

    /// The predicted probability for one row of (unstandardised) features.
    public func probability(_ row: ArraySlice<Double>) -> Double {
        var eta = coefficients[0]
        for (j, value) in row.enumerated() { eta += coefficients[j + 1] * (value - means[j]) / scales[j] }
        return 1 / (1 + exp(-eta))
    }

    /// The coefficients on the features' own scales (intercept first), for reading.
    public var unstandardised: [Double] {
        var result = [coefficients[0]]
        for j in 0..<means.count {
            let slope = coefficients[j + 1] / scales[j]
            result[0] -= slope * means[j]
            result.append(slope)
        }
        return result
    }

    /// Solves A x = b for symmetric positive definite A (Cholesky); `nil` when A is not.
    static func solveSymmetric(_ a: [Double], _ b: [Double], size n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}

/// Model evaluation: discrimination and calibration.
public enum ModelEvaluation {
    /// The area under the ROC curve: the probability that a random person with the outcome is ranked
    /// above a random person without it (Mann–Whitney U / (n₁n₀)), ties counted as half.
    public static func auc(scores: [Double], outcomes: [UInt8]) -> Double? {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var positives = 0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for position in start...end where outcomes[order[position]] == 1 {
                rankSum += averageRank
                positives += 1
            }
            start = end + 1
        }
        let negatives = order.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        return (rankSum - Double(positives) * Double(positives + 1) / 2) / (Double(positives) * Double(negatives))
    }

    /// One band of a calibration table: people ranked by predicted risk, cut into equal groups.
    public struct CalibrationBand: Sendable, Codable, Hashable {
        /// The band, 1 (lowest predicted risk) upwards.
        public var band: Int
        /// People in it.
        public var people: Int
        /// Mean predicted probability.
        public var predicted: Double
        /// Observed proportion with the outcome.
        public var observed: Double
    }

    /// A calibration table of `bands` equal groups by predicted risk.
    public static func calibration(scores: [Double], outcomes: [UInt8], bands: Int = 10) -> [CalibrationBand] {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        guard !order.isEmpty else { return [] }
        return (0..<bands).compactMap { band in
            let range = (order.count * band / bands)..<(order.count * (band + 1) / bands)
            guard !range.isEmpty else { return nil }
            let members = order[range]
            let predicted = members.reduce(0) { $0 + scores[$1] } / Double(members.count)
            let observed = Double(members.reduce(0) { $0 + Int(outcomes[$1]) }) / Double(members.count)
            return CalibrationBand(band: band + 1, people: members.count, predicted: predicted, observed: observed)
        }
    }
}
