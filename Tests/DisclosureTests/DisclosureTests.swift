import Disclosure
import Testing

@Suite("Disclosure control: OpenSAFELY's rule")
struct DisclosurePolicyTests {
    let policy = DisclosurePolicy.standard

    @Test("0 is shown; 1 to 7 are suppressed; the rest rounded to the nearest 5, half up")
    func rule() {
        #expect(policy.count(0) == .shown(0))
        #expect((1...7).allSatisfy { policy.count($0) == .suppressed })
        #expect(
            [8, 9, 10, 12, 13, 17, 18, 102, 103].map { policy.count($0).value } == [
                10, 10, 10, 10, 15, 15, 20, 100, 105,
            ])
        #expect(policy.count(7).text(hidden: "suppressed") == "suppressed")
        #expect(policy.count(1234).text(grouped: { "n=\($0)" }) == "n=1235")
    }

    @Test("a published count stands for the counts that round to it, and a hidden one for 1 to 7")
    func possibleCounts() throws {
        #expect(policy.possibleCounts(of: .shown(10)) == 8...12)
        #expect(policy.possibleCounts(of: .shown(45)) == 43...47)
        #expect(policy.possibleCounts(of: .shown(0)) == 0...0)
        #expect(policy.possibleCounts(of: .suppressed) == 1...7)
        let tens = try DisclosurePolicy(threshold: 9, roundingBase: 10)
        #expect(tens.count(15) == .shown(20))
        #expect(tens.count(14) == .shown(10))
        #expect(tens.possibleCounts(of: .shown(20)) == 15...24)
        // Every count maps back into the range its published form claims.
        for count in 0...500 {
            #expect(policy.possibleCounts(of: policy.count(count)).contains(count))
            #expect(tens.possibleCounts(of: tens.count(count)).contains(count))
        }
    }

    @Test("the threshold and base are configuration, refused when unusable")
    func configuration() {
        #expect(throws: DisclosurePolicy.Problem.negativeThreshold(-1)) {
            try DisclosurePolicy(threshold: -1, roundingBase: 5)
        }
        #expect(throws: DisclosurePolicy.Problem.roundingBaseBelowOne(0)) {
            try DisclosurePolicy(threshold: 7, roundingBase: 0)
        }
    }

    @Test("rates, means and money per head come from the rounded counts and are withheld over a hidden one")
    func derived() {
        #expect(policy.percent(policy.count(13), of: policy.count(98)) == 15.0 / 100 * 100)
        #expect(policy.percent(policy.count(6), of: policy.count(98)) == nil)
        #expect(policy.percent(policy.count(20), of: policy.count(0)) == nil)
        #expect(policy.mean(30, over: policy.count(12)) == 3)
        #expect(policy.mean(30, over: policy.count(5)) == nil)
        #expect(policy.perHead(100_000, over: policy.count(48)) == 2_000)
        #expect(policy.perHead(100_000, over: policy.count(7)) == nil)
    }
}

@Suite("Disclosure control: differencing")
struct DifferencingTests {
    let policy = DisclosurePolicy.standard

    /// The published cells' ranges for `DifferencingAudit`, reading every hidden cell as 1–7.
    func ranges(_ published: [DisclosedCount]) -> [ClosedRange<Int>] {
        published.map { $0.value == nil ? 1...7 : policy.possibleCounts(of: $0) }
    }

    /// The ranges a reader who knows the gate's rule reads: a suppressed cell that shares a relation with
    /// another hidden cell may be a suppressed zero (0–7); any other hidden cell is read as 1–7.
    func ranges(_ published: [DisclosedCount], relations: [DifferencingAudit.Relation]) -> [ClosedRange<Int>] {
        var mayBeZero = Set<Int>()
        for relation in relations {
            let hidden = ([relation.total] + relation.parts).filter { published[$0].value == nil }
            if hidden.count > 1 { mayBeZero.formUnion(hidden) }
        }
        return published.indices.map { cell in
            published[cell].value == nil
                ? (mayBeZero.contains(cell) && published[cell] == .suppressed ? 0...7 : 1...7)
                : policy.possibleCounts(of: published[cell])
        }
    }

    @Test(
        "seven practices of one under a total of seven: zeros beside them are suppressed, nothing is withheld or pinned"
    )
    func countingSuppressedPartsCannotPin() {
        // A place of 7 people in a segment: one in each of seven practices, none in three others. With zeros
        // shown, each suppressed practice is at least 1, so the seven add up to the total's 7 and every one
        // is pinned at 1; the cascade then withheld the place's own people.
        let counts = [7, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]
        var release = CountRelease(policy: policy)
        for (cell, count) in counts.enumerated() { release.add("c\(cell)", count: count) }
        release.relate(total: "c0", parts: (1...10).map { "c\($0)" })
        let gated = release.protected()
        let published = counts.indices.map { gated["c\($0)"] }
        #expect(published.allSatisfy { $0 == .suppressed })
        let relation = DifferencingAudit.Relation(total: 0, parts: Array(1...10))
        let zerosShown = counts.map(policy.count)
        #expect(DifferencingAudit(relations: [relation]).bounds(from: ranges(zerosShown))?[1] == 1...1)
        let bounds = DifferencingAudit(relations: [relation]).bounds(
            from: ranges(published, relations: [relation]))
        #expect(bounds.map { $0.allSatisfy { $0.count > 1 } } ?? false)
    }

    @Test("a zero related to no small count is still shown as 0")
    func zerosAwayFromSmallCountsShown() {
        var release = CountRelease(policy: policy)
        for (key, count) in [("all", 40), ("a", 40), ("b", 0), ("empty", 0), ("empty.a", 0)] {
            release.add(key, count: count)
        }
        release.relate(total: "all", parts: ["a", "b"])
        release.relate(total: "empty", parts: ["empty.a"])
        let gated = release.protected()
        #expect(gated["b"] == .shown(0))
        #expect(gated["empty"] == .shown(0))
        #expect(gated["all"] == .shown(40))
    }

    @Test("rounding alone lets parent minus children pin a suppressed 7; the gate withholds more")
    func roundingAloneIsNotEnough() {
        // A PCN of 43 people with emergency admissions: one practice of 7 and three of 12.
        let counts = [43, 7, 12, 12, 12]
        let relation = DifferencingAudit.Relation(total: 0, parts: [1, 2, 3, 4])
        let audit = DifferencingAudit(relations: [relation])
        let naive = counts.map(policy.count)
        #expect(naive.map(\.value) == [45, nil, 10, 10, 10])
        #expect(audit.bounds(from: ranges(naive))?[1] == 7...7)

        var release = CountRelease(policy: policy)
        for (cell, count) in counts.enumerated() { release.add("c\(cell)", count: count) }
        release.relate(total: "c0", parts: ["c1", "c2", "c3", "c4"])
        let gated = release.protected()
        let published = (0..<5).map { gated["c\($0)"] }
        #expect(published[1] == .suppressed)
        #expect(published.contains(.withheld))
        let bounds = audit.bounds(from: ranges(published))
        #expect(bounds.map { $0[1].count > 1 } ?? true)
    }

    @Test("over random hierarchies and partitions, no hidden cell can be pinned and no shown count is 1–7")
    func randomReleases() {
        var generator = SplitMix(seed: 14)
        for _ in 0..<300 {
            // A root, 2–5 middle areas, 1–9 leaves each; one measure plus a two-way split of every area.
            var release = CountRelease(policy: policy)
            var relations: [(String, [String])] = []
            var leaves: [String: Int] = [:]
            var middles: [String: [String]] = [:]
            for middle in 0..<Int(generator.next() % 4 + 2) {
                let children = (0..<Int(generator.next() % 9 + 1)).map { "m\(middle)l\($0)" }
                middles["m\(middle)"] = children
                for child in children { leaves[child] = Int(generator.next() % 30) }
            }
            func total(_ area: String) -> Int {
                if let count = leaves[area] { return count }
                if let children = middles[area] { return children.map(total).reduce(0, +) }
                return middles.keys.map(total).reduce(0, +)
            }
            let areas = ["root"] + middles.keys.sorted() + leaves.keys.sorted()
            var splits: [String: Int] = [:]
            for area in leaves.keys { splits[area] = Int(generator.next() % UInt64(leaves[area]! + 1)) }
            func split(_ area: String) -> Int {
                if let count = splits[area] { return count }
                if let children = middles[area] { return children.map(split).reduce(0, +) }
                return middles.keys.map(split).reduce(0, +)
            }
            for area in areas {
                release.add("n@\(area)", count: total(area))
                release.add("a@\(area)", count: split(area))
                release.add("b@\(area)", count: total(area) - split(area))
                relations.append(("n@\(area)", ["a@\(area)", "b@\(area)"]))
            }
            for measure in ["n", "a", "b"] {
                relations.append(("\(measure)@root", middles.keys.sorted().map { "\(measure)@\($0)" }))
                for (middle, children) in middles {
                    relations.append(("\(measure)@\(middle)", children.map { "\(measure)@\($0)" }))
                }
            }
            for (whole, parts) in relations { release.relate(total: whole, parts: parts) }
            let gated = release.protected()
            let keys = gated.cells.keys.sorted()
            let number = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
            let published = keys.map { gated[$0] }
            #expect(published.allSatisfy { $0.value.map { $0 % 5 == 0 && !(1...7).contains($0) } ?? true })
            let audit = DifferencingAudit(
                relations: relations.map { .init(total: number[$0.0]!, parts: $0.1.map { number[$0]! }) })
            if let bounds = audit.bounds(from: ranges(published, relations: audit.relations)) {
                for (cell, count) in published.enumerated() where count.value == nil {
                    #expect(bounds[cell].count > 1, "\(keys[cell]) pinned to \(bounds[cell])")
                }
            }
        }
    }
}

/// A small seeded generator, so the random releases are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
