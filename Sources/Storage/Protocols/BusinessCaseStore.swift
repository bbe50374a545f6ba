import ConcordatCore
import Governance

/// A business case as stored: the case, the scenario definition (JSON) it was drafted from, the full
/// appraisal report (JSON), the proposal it is attached to and the Section 151 determinations on it.
public struct StoredBusinessCase: Sendable, Hashable {
    /// The case.
    public var businessCase: BusinessCase
    /// The scenario definition it was drafted from, as given (JSON).
    public var scenarioDefinition: String
    /// The appraisal report it was drafted with (JSON).
    public var appraisalReport: String
    /// The proposal it is attached to, if any.
    public var proposal: String?
    /// The determinations recorded on it, oldest first.
    public var determinations: [Section151Determination]

    /// Makes a stored case.
    public init(
        businessCase: BusinessCase, scenarioDefinition: String, appraisalReport: String, proposal: String? = nil,
        determinations: [Section151Determination] = []
    ) {
        self.businessCase = businessCase
        self.scenarioDefinition = scenarioDefinition
        self.appraisalReport = appraisalReport
        self.proposal = proposal
        self.determinations = determinations
    }
}

/// Where business cases are kept (migration v18): the cases, their attachment to proposals, the Section 151
/// determinations, and the accounts holding offices. Each write appends its register entry in the same
/// transaction.
public protocol BusinessCaseStore: Sendable {
    /// Every business case, oldest first.
    func businessCases() async throws -> [StoredBusinessCase]

    /// One business case, or `nil`.
    func businessCase(_ id: String) async throws -> StoredBusinessCase?

    /// Keeps a newly drafted case, recording `detail` in the register.
    /// - Throws: ``StoreError`` `conflict` when a case has its id; `FieldRefusal` for text over its limits.
    func insertBusinessCase(_ stored: StoredBusinessCase, detail: String) async throws

    /// Attaches case `id` to proposal `proposal` in one transaction: `change` gets the stored decision (or
    /// `nil`) and the case, and returns the decision as it is to be kept and the register entry's detail.
    /// - Throws: ``StoreError`` `notFound` for no such case; `conflict` when the case is attached already or
    ///   the proposal has a case; whatever `change` throws.
    func attachBusinessCase(
        _ id: String, to proposal: String,
        _ change: @Sendable (DecisionRecord?, StoredBusinessCase) throws -> (record: DecisionRecord, detail: String)
    ) async throws -> DecisionRecord

    /// Records `determination` in one transaction. When the case is attached, `change` gets its decision and
    /// the case with the determination, and returns the decision as it is to be kept; the register entry is
    /// the decision's. Otherwise the entry is the case's, with `detail`.
    /// - Throws: ``StoreError`` `notFound` for no such case; `FieldRefusal`; whatever `change` throws.
    func recordDetermination(
        _ determination: Section151Determination, detail: String,
        _ change: @Sendable (DecisionRecord, StoredBusinessCase) throws -> DecisionRecord
    ) async throws -> StoredBusinessCase

    /// The accounts holding offices.
    func officeHolders() async throws -> [OfficeHolder]

    /// Appoints an account to an office (replacing its appointment to that office, if any).
    func appoint(_ holder: OfficeHolder) async throws
}
