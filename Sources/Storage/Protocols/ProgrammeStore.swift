import Governance

/// Where the partnership's delivery is kept: the work programme and the risk and issues register. Changes
/// that are decisions of the partnership append to the decision register in the same transaction.
public protocol ProgrammeStore: Sendable {
    /// The work programme, if one is kept.
    func workProgramme() async throws -> WorkProgramme?

    /// Changes the work programme in one write transaction, appending a register entry when `change`
    /// returns one (gateways passed are decisions of the partnership).
    func updateWorkProgramme(
        _ change:
            @Sendable (WorkProgramme?) throws -> (
                programme: WorkProgramme, entry: (kind: DecisionRegister.Kind, subject: String, detail: String)?
            )
    ) async throws -> WorkProgramme

    /// The risk and issues register.
    func risks() async throws -> [Risk]

    /// Adds or changes a risk in one write transaction: `change` gets the stored risk (or `nil`) and may
    /// return a register entry to append in the same transaction (a review, attributed to its reviewer).
    func updateRisk(
        _ id: String,
        recording change:
            @Sendable (Risk?) throws -> (
                risk: Risk, entry: (kind: DecisionRegister.Kind, subject: String, detail: String)?
            )
    ) async throws -> Risk
}

extension ProgrammeStore {
    /// Adds or changes a risk in one write transaction, recording nothing in the register.
    public func updateRisk(_ id: String, _ change: @escaping @Sendable (Risk?) throws -> Risk) async throws -> Risk {
        try await updateRisk(id, recording: { (try change($0), nil) })
    }
}
