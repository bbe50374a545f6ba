import ConcordatCore
import Foundation

/// A source of uniform doubles in [0, 1): what the activity samplers draw from.
protocol UniformSource {
    /// A uniform double in [0, 1).
    mutating func unit() -> Double
}

extension SeededRandom: UniformSource {}

extension UniformSource {
    /// A Poisson-distributed count with mean `mean`, for any mean: multiplication of uniforms (Knuth)
    /// below 10, else Hörmann's transformed rejection with squeeze, PTRS (W. Hörmann, "The transformed
    /// rejection method for generating Poisson random variables", Insurance: Mathematics and Economics
    /// 12 (1993) 39–45; as NumPy implements it). Both are exact: no approximation at any mean.
    @inline(__always)
    mutating func poissonCount(mean: Double) -> Int {
        guard mean > 0, mean.isFinite else { return 0 }
        if mean < 10 {
            let limit = Foundation.exp(-mean)
            var product = unit()
            var count = 0
            while product > limit {
                count += 1
                product *= unit()
            }
            return count
        }
        let root = mean.squareRoot()
        let b = 0.931 + 2.53 * root
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = unit() - 0.5
            let v = unit()
            let us = 0.5 - Swift.abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if Foundation.log(v) + Foundation.log(inverseAlpha) - Foundation.log(a / (us * us) + b)
                <= -mean + k * Foundation.log(mean) - Foundation.lgamma(k + 1)
            {
                return Int(k)
            }
        }
    }
}
