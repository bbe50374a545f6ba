import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A progress bar on standard error for long work: how far, how fast and how long to go, redrawn in place.
/// Drawn only when standard error is a terminal, so logs and pipes stay clean.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private let enabled: Bool
    private let unit: String?

    /// A bar for `label`; `unit` names what is counted ("runs"), bytes when `nil`.
    init(_ label: String, unit: String? = nil, enabled: Bool = isatty(2) == 1) {
        self.label = label
        self.unit = unit
        self.enabled = enabled
    }

    /// The bar's text for `done` of `total` things called `unit` after `elapsed` seconds.
    static func line(label: String, done: Int, total: Int, elapsed: TimeInterval, unit: String, width: Int = 30)
        -> String
    {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        return "\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            + "] " + String(format: "%3.0f%% ", fraction * 100) + "\(done) of \(total) \(unit), "
            + String(format: "%.0f \(unit)/s", rate)
            + (fraction < 1 ? String(format: ", about %.0f s to go", remaining) : "")
    }

    /// The bar's text for `done` of `total` bytes after `elapsed` seconds.
    static func line(label: String, done: Int, total: Int, elapsed: TimeInterval, width: Int = 30) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int((fraction * Double(width)).rounded(.down))
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let megabytes = { (bytes: Double) in String(format: "%.0f MB", bytes / 1_000_000) }
        return "\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            + "] "
            + String(format: "%3.0f%% ", fraction * 100) + "\(megabytes(Double(done))) of \(megabytes(Double(total))), "
            + String(format: "%.0f MB/s", rate / 1_000_000)
            + (fraction < 1 ? String(format: ", about %.0f s to go", remaining) : "")
    }

    /// Reports progress (redrawn at most ten times a second).
    func update(done: Int, total: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 || done >= total else { return }
        lastDrawn = now
        let elapsed = now.timeIntervalSince(started)
        let text =
            unit.map { Self.line(label: label, done: done, total: total, elapsed: elapsed, unit: $0) }
            ?? Self.line(label: label, done: done, total: total, elapsed: elapsed)
        FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
    }

    /// Ends the bar's line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
