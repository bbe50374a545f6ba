import ConcordatCore
import Foundation

extension Day {
    /// Today's date (UTC), from the system clock: for the shells (CLI and web), never the analytic core.
    public static var today: Day {
        Day(daysSinceEpoch: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
