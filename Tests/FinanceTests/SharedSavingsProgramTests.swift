import ConcordatCore
import Finance
import Testing

@Suite("US Medicare Shared Savings Program reconciliation preset")
struct SharedSavingsProgramTests {
    @Test("minimum savings rate by assigned population (42 CFR 425.604(b)): band ends and interpolation")
    func minimumSavingsRate() throws {
        #expect(SharedSavingsProgram.minimumSavingsRate(assigned: 499) == nil)
        #expect(abs(try #require(SharedSavingsProgram.minimumSavingsRate(assigned: 5_000)) - 0.039) < 1e-12)
        #expect(abs(try #require(SharedSavingsProgram.minimumSavingsRate(assigned: 5_999)) - 0.036) < 1e-12)
        #expect(abs(try #require(SharedSavingsProgram.minimumSavingsRate(assigned: 10_000)) - 0.030) < 1e-12)
        #expect(abs(try #require(SharedSavingsProgram.minimumSavingsRate(assigned: 20_000)) - 0.025) < 1e-12)
        #expect(abs(try #require(SharedSavingsProgram.minimumSavingsRate(assigned: 60_000)) - 0.020) < 1e-12)
        #expect(abs(try #require(SharedSavingsProgram.minimumSavingsRate(assigned: 250_000)) - 0.020) < 1e-12)
        // Half-way through 10,000–14,999 (3.0% → 2.7%).
        let mid = try #require(SharedSavingsProgram.minimumSavingsRate(assigned: 12_499))
        #expect(abs(mid - 0.0285) < 1e-4)
    }

    @Test("Axene's published example: 0.9% savings against a 1% MSR earns nothing; at 0.5% it earns $281,250")
    func axeneExample() throws {
        // $500.00 PMPM target, $495.50 actual, 125,000 member months, 50% sharing (Axene Health Partners,
        // "Minimum savings rates in shared savings arrangements"). Amounts in cents.
        let benchmark: Int64 = 50_000 * 125_000
        let expenditure: Int64 = 49_550 * 125_000
        let atOne = try SharedSavingsProgram(track: .basicC, assignedBeneficiaries: 10_417, chosenMinimumRate: 0.01)
            .reconcile(benchmark: benchmark, expenditure: expenditure)
        #expect(atOne.grossSavings == 56_250_000)
        #expect(!atOne.metMinimumRate)
        #expect(atOne.sharedAmount == 0)
        let atHalf = try SharedSavingsProgram(track: .basicC, assignedBeneficiaries: 10_417, chosenMinimumRate: 0.005)
            .reconcile(benchmark: benchmark, expenditure: expenditure)
        #expect(atHalf.sharedAmount == 28_125_000)
    }

    @Test("one-sided BASIC A: 40% × quality, first dollar, capped at 10% of benchmark; losses not shared")
    func basicA() throws {
        let terms = SharedSavingsProgram(track: .basicA, assignedBeneficiaries: 20_000)
        // $100m benchmark, $97m spend: 3% ≥ 2.5% MSR; 40% of $3m = $1.2m.
        let result = try terms.reconcile(benchmark: 10_000_000_000, expenditure: 9_700_000_000)
        #expect(result.metMinimumRate)
        #expect(result.sharedAmount == 120_000_000)
        // 2% savings is below the 2.5% MSR.
        #expect(try terms.reconcile(benchmark: 10_000_000_000, expenditure: 9_800_000_000).sharedAmount == 0)
        // Overspend: nothing owed on a one-sided level.
        #expect(try terms.reconcile(benchmark: 10_000_000_000, expenditure: 11_000_000_000).sharedAmount == 0)
        // 30% savings: 40% of $30m = $12m, capped at 10% of $100m = $10m.
        let capped = try terms.reconcile(benchmark: 10_000_000_000, expenditure: 7_000_000_000)
        #expect(capped.sharedAmount == 1_000_000_000)
        #expect(capped.capped)
        // Quality standard not met: nothing.
        let failed = SharedSavingsProgram(track: .basicA, assignedBeneficiaries: 20_000, qualityFactor: 0)
        #expect(try failed.reconcile(benchmark: 10_000_000_000, expenditure: 9_700_000_000).sharedAmount == 0)
    }

    @Test("ENHANCED losses at 1 − sharing rate floored at 40%, capped at 15%; BASIC E at 30%, revenue limit")
    func losses() throws {
        let enhanced = SharedSavingsProgram(track: .enhanced, assignedBeneficiaries: 30_000, chosenMinimumRate: 0.02)
        let loss = try enhanced.reconcile(benchmark: 10_000_000_000, expenditure: 10_500_000_000)
        #expect(loss.sharingRate == 0.40)
        #expect(loss.sharedAmount == -200_000_000)
        let small = try enhanced.reconcile(benchmark: 10_000_000_000, expenditure: 10_150_000_000)
        #expect(small.sharedAmount == 0)  // 1.5% loss is under the 2% MLR
        let basicE = SharedSavingsProgram(
            track: .basicE, assignedBeneficiaries: 30_000, chosenMinimumRate: 0,
            participantRevenue: Money(pence: 500_000_000))
        let owed = try basicE.reconcile(benchmark: 10_000_000_000, expenditure: 11_000_000_000)
        // 30% of $10m = $3m, limited to 8% of $5m revenue = $400,000 (under 4% of benchmark).
        #expect(owed.sharedAmount == -40_000_000)
        #expect(owed.capped)
    }

    @Test(
        "below 5,000 the MSR continues by band, linear within each (42 CFR 425.604(b))",
        arguments: [
            (500, 0.122), (999, 0.087), (1_000, 0.087), (2_999, 0.050), (3_000, 0.050), (4_999, 0.039), (5_000, 0.039),
        ])
    func smallACOs(assigned: Int, rate: Double) throws {
        #expect(abs(try #require(SharedSavingsProgram.minimumSavingsRate(assigned: assigned)) - rate) < 1e-12)
    }

    @Test("a two-sided ACO under 5,000 uses the variable MSR/MLR whatever it elected")
    func smallTwoSided() throws {
        // 4,000 beneficiaries: 5.0% − 1.1% × 1,000/1,999 = 4.4497%.
        let terms = SharedSavingsProgram(track: .basicC, assignedBeneficiaries: 4_000, chosenMinimumRate: 0)
        let result = try terms.reconcile(benchmark: 10_000_000_000, expenditure: 9_600_000_000)
        #expect(abs(result.minimumRate - (0.05 - 0.011 * 1_000 / 1_999)) < 1e-12)
        #expect(!result.metMinimumRate && result.earnedAmount == 0)  // 4% savings under 4.45%
        let losing = try terms.reconcile(benchmark: 10_000_000_000, expenditure: 10_300_000_000)
        #expect(!losing.metMinimumRate && losing.earnedAmount == 0)  // a 3% loss is under the 4.45% MLR too
        #expect(throws: SharedSavingsProgram.Invalid.self) {
            try SharedSavingsProgram(track: .basicA, assignedBeneficiaries: 499).reconcile(benchmark: 1, expenditure: 0)
        }
    }

    @Test("shared savings are paid less 2% sequestration; losses are not sequestered")
    func sequestration() throws {
        // BASIC A, $100m benchmark, $97m: $1.2m shared, $24,000 withheld, $1,176,000 paid.
        let paid = try SharedSavingsProgram(track: .basicA, assignedBeneficiaries: 20_000)
            .reconcile(benchmark: 10_000_000_000, expenditure: 9_700_000_000)
        #expect(paid.sharedAmount == 120_000_000 && paid.sequestration == 2_400_000 && paid.earnedAmount == 117_600_000)
        // ENHANCED loss of $5m at 40%: $2m owed in full.
        let owed = try SharedSavingsProgram(track: .enhanced, assignedBeneficiaries: 30_000, chosenMinimumRate: 0.02)
            .reconcile(benchmark: 10_000_000_000, expenditure: 10_500_000_000)
        #expect(owed.earnedAmount == -200_000_000 && owed.sequestration == 0)
    }

    @Test("an eligible low-revenue BASIC ACO below its MSR shares at half its final sharing rate (PY2024 on)")
    func reducedRate() throws {
        // 20,000 beneficiaries (MSR 2.5%), 2% savings: half of 40% of $2m = $400,000, less 2% = $392,000.
        let terms = SharedSavingsProgram(track: .basicA, assignedBeneficiaries: 20_000, reducedRate: true)
        let result = try terms.reconcile(benchmark: 10_000_000_000, expenditure: 9_800_000_000)
        #expect(!result.metMinimumRate && result.reducedRateApplied)
        #expect(result.sharingRate == 0.2 && result.sharedAmount == 40_000_000 && result.earnedAmount == 39_200_000)
        // Savings at or above the MSR share at the full rate; no savings, nothing.
        let full = try terms.reconcile(benchmark: 10_000_000_000, expenditure: 9_700_000_000)
        #expect(full.metMinimumRate && !full.reducedRateApplied && full.sharedAmount == 120_000_000)
        #expect(try terms.reconcile(benchmark: 10_000_000_000, expenditure: 10_000_000_000).earnedAmount == 0)
        #expect(throws: SharedSavingsProgram.Invalid.self) {
            try SharedSavingsProgram(track: .enhanced, assignedBeneficiaries: 20_000, reducedRate: true)
                .reconcile(benchmark: 1, expenditure: 0)
        }
    }

    @Test("a benchmark guardrail stops savings being shared")
    func guardrail() throws {
        let result = try SharedSavingsProgram(track: .basicA, assignedBeneficiaries: 20_000, guardrail: true)
            .reconcile(benchmark: 10_000_000_000, expenditure: 9_700_000_000)
        #expect(
            result.metMinimumRate && result.guardrailApplied && result.earnedAmount == 0 && result.sharedAmount == 0)
    }

    @Test("the disaster adjustment reduces shared losses after the cap, never below nothing")
    func disasterAdjustment() throws {
        func owed(_ adjustment: Int64) throws -> SharedSavingsProgram.Result {
            try SharedSavingsProgram(
                track: .basicE, assignedBeneficiaries: 30_000, chosenMinimumRate: 0,
                participantRevenue: Money(pence: 500_000_000), disasterAdjustment: adjustment
            ).reconcile(benchmark: 10_000_000_000, expenditure: 11_000_000_000)
        }
        // Capped at $400,000 (8% of revenue); less a $150,000 adjustment: $250,000 owed.
        #expect(try owed(15_000_000).earnedAmount == -25_000_000)
        #expect(try owed(15_000_000).sharedAmount == -40_000_000)
        #expect(try owed(90_000_000).earnedAmount == 0 && (try owed(90_000_000).disasterAdjustment) == 40_000_000)
        #expect(throws: SharedSavingsProgram.Invalid.self) { try owed(-1) }
    }
}
