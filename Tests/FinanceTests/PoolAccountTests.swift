import ConcordatCore
import Finance
import Testing

@Suite("Pools and ring-fences: refused with the rule named, every pound traced")
struct PoolAccountTests {
    static let kentDistricts = [
        "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham", "Maidstone", "Sevenoaks",
        "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells",
    ]
    static let pool = Pool(
        code: "kcc-social-care", name: "KCC adult social care", kind: .ringFenced, host: "kcc",
        contributions: [
            .init(partner: "kcc", amount: Money(pence: 60_000_000)),
            .init(partner: "icb", amount: Money(pence: 40_000_000)),
        ],
        ringFences: [
            RingFence(name: "social care only", settings: ["adult_social_care"]),
            RingFence(name: "only within the KCC area", districts: kentDistricts),
        ])

    static func spend(_ pence: Int64, setting: String = "adult_social_care", area: String = "swale-pcn") -> PoolSpend {
        PoolSpend(
            pool: "kcc-social-care", partner: "kcc", setting: setting, area: area, month: "2026-05",
            amount: Money(pence: pence))
    }

    @Test("spend in Medway breaks 'only within the KCC area' and changes nothing")
    func refusesOutsideArea() throws {
        var account = PoolAccount(pool: Self.pool)
        let before = account
        #expect {
            try account.admit(Self.spend(1_000, area: "medway-swale"), districtsOfArea: ["Medway", "Swale"])
        } throws: { error in
            guard let refusal = error as? PoolAccount.Refusal else { return false }
            return refusal.rule == "only within the KCC area" && refusal.reason.contains("Medway")
                && !refusal.reason.contains("Swale,")
        }
        #expect(account == before)
    }

    @Test("spend on acute care breaks 'social care only'")
    func refusesWrongSetting() {
        var account = PoolAccount(pool: Self.pool)
        #expect {
            try account.admit(Self.spend(1_000, setting: "inpatient_elective"), districtsOfArea: ["Swale"])
        } throws: { error in
            (error as? PoolAccount.Refusal)?.rule == "social care only"
        }
        #expect(account.payments.isEmpty)
    }

    @Test("spend beyond the balance breaks 'pool balance'; unknown districts cannot be shown inside")
    func refusesOverdraw() throws {
        var account = PoolAccount(pool: Self.pool)
        try account.admit(Self.spend(99_000_000), districtsOfArea: ["Swale"])
        #expect(throws: PoolAccount.Refusal.self) {
            try account.admit(Self.spend(1_000_001), districtsOfArea: ["Swale"])
        }
        #expect {
            try account.admit(Self.spend(10), districtsOfArea: [nil])
        } throws: { ($0 as? PoolAccount.Refusal)?.rule == "only within the KCC area" }
        #expect(account.balance == Money(pence: 1_000_000))
    }

    @Test("property: random spending never breaches a fence or overdraws, and the trace adds up", arguments: 0..<20)
    func traceAddsUp(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) + 77)
        var account = PoolAccount(pool: Self.pool)
        let areas: [[String?]] = [["Swale"], ["Medway"], ["Thanet", "Dover"], [nil], ["Medway", "Swale"]]
        let settings = CareSetting.allCases.map(\.code)
        var refused = 0
        for _ in 0..<200 {
            let spend = Self.spend(
                Int64(random.below(3_000_000)) - 10,
                setting: random.unit() < 0.7 ? "adult_social_care" : settings[random.below(settings.count)])
            let districts = areas[random.below(areas.count)]
            do { try account.admit(spend, districtsOfArea: districts) } catch { refused += 1 }
        }
        #expect(refused > 0)
        for payment in account.payments { #expect(payment.setting == "adult_social_care" && payment.amountPence > 0) }
        let trace = account.trace
        for (line, contribution) in zip(trace, Self.pool.contributions) {
            #expect(line.contributedPence == contribution.amountPence)
            #expect(line.spentPence + line.remainingPence == line.contributedPence)
            #expect(line.remainingPence >= 0)
            #expect(line.spentBySetting.values.reduce(0, +) == line.spentPence)
        }
        #expect(trace.reduce(0) { $0 + $1.spentPence } == account.spent.pence)
        #expect(account.spent + account.balance == Self.pool.total)
    }
}
