import ConcordatCore
import Foundation

/// One paragraph describing a loaded system, for the terminal.
struct SystemSummary: CustomStringConvertible {
    let system: HealthSystem

    var description: String {
        var lines = ["\(system.name) (\(system.code))"]
        for level in system.levels.dropFirst() {
            lines.append("  \(system.areas(atLevel: level.key).count) \(level.pluralInSentence)")
        }
        let total = system.population(of: system.root.code).total
        if let published = system.publishedRegisteredTotal {
            let verdict = published == total ? "reconciles with" : "DOES NOT reconcile with"
            lines.append("  \(total) registered patients: \(verdict) the published total of \(published)")
        }
        lines.append("  \(system.organisations.count) partnership organisations")
        if !system.notes.isEmpty {
            lines.append("  \(system.notes.count) data-quality notes (see the home page or GET /api/v1/system)")
        }
        return lines.joined(separator: "\n")
    }
}

extension SystemSummary {
    /// Prints the summary after a load, flushed at once so it shows before the server's own logs.
    func report(loadedInto path: String) {
        FileHandle.standardOutput.write(Data("Loaded into \(path):\n\(self)\n".utf8))
    }
}
