import PopulationHealth
import Testing

/// Hand-worked cases against the published tables: Quan 2005 coding; Charlson 1987, Quan 2011 and
/// van Walraven 2009 weights; Gilbert 2018 HFRS weights and bands.
@Suite("Comorbidity and frailty scores")
struct ComorbidityScorerTests {
    /// Categories and score of one person's codes.
    static func score(_ index: ComorbidityIndex, _ codes: [String]) -> (flags: Set<String>, points: Int) {
        let scorer = ComorbidityScorer(index: index)
        let sets = scorer.categorySets(
            personCount: 1, personOfRow: codes.map { _ in 0 }, codeOfRow: codes.indices.map(UInt32.init), codes: codes)
        let flags = Set(scorer.categories.indices.filter { sets[0].contains($0) }.map { scorer.categories[$0] })
        return (flags, scorer.score(sets[0]))
    }

    @Test("the code lists have the published sizes")
    func tableSizes() {
        #expect(ComorbidityCodeLists.charlsonQuan2005.count == 17)
        #expect(ComorbidityCodeLists.charlsonQuan2005.reduce(0) { $0 + $1.prefixes.count } == 289)
        #expect(ComorbidityCodeLists.elixhauserQuan2005.count == 31)
        #expect(ComorbidityCodeLists.elixhauserQuan2005.reduce(0) { $0 + $1.prefixes.count } == 399)
        #expect(ComorbidityCodeLists.hospitalFrailty.count == 109)
        #expect(
            ComorbidityScorer(index: .charlsonQuan).categories == [
                "ami", "chf", "pvd", "cevd", "dementia", "copd", "rheumd", "pud", "mld", "diab", "diabwc", "hp", "rend",
                "canc", "msld", "metacanc", "aids",
            ])
    }

    @Test("Charlson: prefixes match; diabetes gives way to diabetes with complications")
    func charlsonDiabetes() {
        let quan = Self.score(.charlsonQuan, ["I219", "I500", "E112", "E119"])
        #expect(quan.flags == ["ami", "chf", "diabwc"])
        #expect(quan.points == 0 + 2 + 1)
        #expect(Self.score(.charlson1987, ["I219", "I500", "E112", "E119"]).points == 1 + 1 + 2)
    }

    @Test("Charlson: cancer gives way to metastases, mild to severe liver disease; AIDS/HIV is 4 under Quan 2011")
    func charlsonHierarchies() {
        #expect(Self.score(.charlsonQuan, ["C509", "C780"]).flags == ["metacanc"])
        #expect(Self.score(.charlsonQuan, ["C509", "C780"]).points == 6)
        #expect(Self.score(.charlsonQuan, ["K746", "I850"]).flags == ["msld"])
        #expect(Self.score(.charlsonQuan, ["K746", "I850"]).points == 4)
        #expect(Self.score(.charlson1987, ["K746", "I850"]).points == 3)
        #expect(Self.score(.charlsonQuan, ["B20"]).points == 4)
        #expect(Self.score(.charlson1987, ["B20"]).points == 6)
        #expect(Self.score(.charlsonQuan, ["Z999", "A099"]).points == 0)
    }

    @Test("Charlson under Quan 2011 weights reaches its published maximum of 24")
    func charlsonMaximum() {
        let every = ComorbidityCodeLists.charlsonQuan2005.map { $0.prefixes[0] }
        #expect(Self.score(.charlsonQuan, every).points == 24)
    }

    @Test("the age term is a point per decade over 40, at most 4")
    func ageTerm() {
        #expect(
            [0, 39, 40, 49, 50, 59, 60, 79, 80, 104].map(ComorbidityScorer.ageTerm) == [0, 0, 0, 0, 1, 1, 2, 3, 4, 4])
    }

    @Test("Elixhauser: one code can set two categories; van Walraven totals can be negative; hierarchies apply")
    func elixhauser() {
        // I11.0, hypertensive heart disease with heart failure: congestive heart failure and complicated hypertension.
        let both = Self.score(.elixhauserVanWalraven, ["I110"])
        #expect(both.flags == ["chf", "hypc"])
        #expect(both.points == 7)
        #expect(Self.score(.elixhauserVanWalraven, ["F112"]).points == -7)
        #expect(Self.score(.elixhauserVanWalraven, ["F112", "F329"]).points == -10)
        #expect(Self.score(.elixhauserVanWalraven, ["I10", "I119"]).flags == ["hypc"])
        #expect(Self.score(.elixhauserVanWalraven, ["C509", "C780"]).flags == ["metacanc"])
        #expect(Self.score(.elixhauserVanWalraven, ["C509", "C780"]).points == 12)
        #expect(Self.score(.elixhauserVanWalraven, ["E109", "E102"]).flags == ["diabc"])
    }

    @Test("HFRS: each three-character category counts once; bands are < 5, 5–15 and > 15")
    func frailty() {
        #expect(Self.score(.hospitalFrailty, ["F001", "G819"]).points == 71 + 44)
        #expect(Self.score(.hospitalFrailty, ["F001", "F009", "F00"]).points == 71)
        #expect(Self.score(.hospitalFrailty, ["I219"]).points == 0)
        #expect(ComorbidityScorer.frailtyRisk(tenths: 49) == "low")
        #expect(ComorbidityScorer.frailtyRisk(tenths: 50) == "intermediate")
        #expect(ComorbidityScorer.frailtyRisk(tenths: 150) == "intermediate")
        #expect(ComorbidityScorer.frailtyRisk(tenths: 151) == "high")
    }

    @Test("people are scored independently, and someone with no qualifying code scores 0")
    func manyPeople() {
        let scorer = ComorbidityScorer(index: .charlsonQuan)
        let sets = scorer.categorySets(
            personCount: 3, personOfRow: [0, 2, 0], codeOfRow: [0, 1, 1], codes: ["I500", "F03"])
        #expect(sets.map(scorer.score) == [4, 0, 2])
    }

    @Test("a code read from its bytes sets the same categories as from its string, for every index and shape")
    func bytesAgreeWithStrings() {
        // Every code-list prefix, each with the extensions that can change its categories, and codes no
        // list names: three-character codes of every slot, an X in third place, long and odd ones.
        var codes: Set<String> = []
        let lists =
            ComorbidityCodeLists.charlsonQuan2005.flatMap(\.prefixes)
            + ComorbidityCodeLists.elixhauserQuan2005.flatMap(\.prefixes)
            + ComorbidityCodeLists.hospitalFrailty.map(\.code)
        for prefix in lists {
            codes.insert(prefix)
            for tail in ["0", "9", "X", "00", "19", "9A1", "0000"] { codes.insert(prefix + tail) }
            codes.insert(String(prefix.prefix(3)))
        }
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" {
            for second in 0...9 {
                for third in (0...9).map(String.init) + ["X"] {
                    codes.insert("\(letter)\(second)\(third)")
                    codes.insert("\(letter)\(second)\(third)1")
                }
            }
        }
        codes.formUnion(["I2", "U07", "U071", "Z999999", "A0A", "I21X", "1234", "I2191234567"])
        for index in ComorbidityIndex.allCases {
            let scorer = ComorbidityScorer(index: index)
            var disagreements: [String] = []
            var categorised = 0
            for code in codes {
                let fromBytes = Array(code.utf8).withUnsafeBufferPointer { scorer.categories(ofCode: $0) }
                let fromString = scorer.categories(forCode: code)
                if fromBytes != fromString { disagreements.append(code) }
                if !fromString.isEmpty { categorised += 1 }
            }
            #expect(disagreements.isEmpty, "\(index): \(disagreements.sorted().prefix(10))")
            #expect(categorised > 1_000, "\(index) categorised only \(categorised) codes")
        }
    }

    @Test("a category set's 128-bit form keeps every category")
    func categoryBits() {
        var set = CategorySet.empty
        for position in [0, 1, 63, 64, 100, 127] { set.insert(position) }
        let round = CategorySet(bits: set.bits)
        #expect(round == set)
        #expect((0..<128).filter { round.contains($0) } == [0, 1, 63, 64, 100, 127])
        let expected: UInt128 = [0, 1, 63, 64, 100, 127].reduce(0) { $0 | UInt128(1) << UInt128($1) }
        #expect(set.bits == expected)
    }
}
