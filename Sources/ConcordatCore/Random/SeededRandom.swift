import Foundation

/// A small, fast, seedable random number generator: xoshiro256** (Blackman & Vigna, 2018), seeded
/// through SplitMix64. The same seed always gives the same sequence, on every platform.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator for `seed`.
    public init(seed: UInt64) {
        var mix = seed
        func splitMix() -> UInt64 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3 << 45 | state.3 >> 19
        return result
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform integer in `0..<bound`.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A Poisson-distributed count with mean `mean` (Knuth's method; for means up to about 30).
    public mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        let limit = (-min(mean, 30)).exp
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }

    /// A standard normal variate (Box–Muller).
    public mutating func normal() -> Double {
        let u = max(unit(), 1e-300)
        let v = unit()
        return (-2 * u.log).squareRoot() * (2 * Double.pi * v).cos
    }
}

extension Double {
    fileprivate var exp: Double { Foundation.exp(self) }
    fileprivate var log: Double { Foundation.log(self) }
    fileprivate var cos: Double { Foundation.cos(self) }
}
