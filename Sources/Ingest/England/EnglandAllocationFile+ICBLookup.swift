import Foundation

extension EnglandAllocationFile {
    /// The ICB named by `query`: its code (`QUY`, any case), its full name, or a part of its name that
    /// only one ICB's name contains (`Bristol`).
    /// - Throws: ``UnknownICB`` for an empty query, one with characters no code or name has, no match
    ///   (with the nearest codes) or several (listing them).
    public func icb(matching query: String) throws(UnknownICB) -> ICB {
        let all = icbs
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw UnknownICB(
                asked: "", reason: "no ICB was given: give a code such as QUY, or a name", suggestions: [])
        }
        guard trimmed.count <= 100, trimmed.unicodeScalars.allSatisfy(Self.allowedInQuery.contains) else {
            throw UnknownICB(
                asked: nil,
                reason:
                    "the ICB given has characters no ICB code or name has (codes are three letters and digits, such as QUY; names use letters, spaces, commas, hyphens and apostrophes)",
                suggestions: [])
        }
        let upper = trimmed.uppercased()
        if let exact = all.first(where: { $0.code == upper || $0.name.uppercased() == upper }) { return exact }
        let named = all.filter { $0.name.uppercased().contains(upper) }
        if named.count == 1 { return named[0] }
        if named.count > 1 {
            throw UnknownICB(
                asked: trimmed, reason: "'\(trimmed)' is part of \(named.count) ICBs' names: give the code",
                suggestions: named)
        }
        let nearest = all.sorted {
            let (left, right) = (Self.distance($0.code, upper), Self.distance($1.code, upper))
            return left != right ? left < right : $0.code < $1.code
        }
        // Every code as near as the nearest (at most six), and never fewer than three.
        let best = nearest.first.map { Self.distance($0.code, upper) } ?? 0
        let closest = nearest.prefix { Self.distance($0.code, upper) == best }.prefix(6)
        throw UnknownICB(
            asked: trimmed, reason: "'\(trimmed)' is not the code or name of an ICB in \(table.file)",
            suggestions: Array(closest.count >= 3 ? closest : nearest.prefix(3)))
    }

    private static let allowedInQuery: Set<Unicode.Scalar> = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ,'-&".unicodeScalars)

    /// Levenshtein distance, for the nearest codes.
    static func distance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
