import ConcordatCore
import Finance
import Testing

@Suite("US Medicare Shared Savings Program reconciliation preset")
struct SharedSavingsProgramTests {
    @Test("minimum savings rate by assigned population (42 CFR 425.604(b)): band ends and interpolation")
    func minimumSavingsRate() throws {
        #expect(SharedSavingsProgram.minimumSavingsRate(assigned: 4_999) == nil)
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
}
