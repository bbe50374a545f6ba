import ConcordatCore
import Foundation

/// x raised to a whole power, by repeated multiplication (as a discount table is built).
func power(_ x: Double, _ n: Int) -> Double { (0..<n).reduce(1.0) { product, _ in product * x } }

/// £1m.
let million = Money(pence: 100_000_000)
