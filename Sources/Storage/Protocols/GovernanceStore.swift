import Governance

/// Where the partnership's governance is kept: the memorandum of understanding, the decisions and the
/// hash-chained decision register with its head record.
public protocol GovernanceStore: Sendable {
    /// The memorandum of understanding in force (the latest version) and its ratification routes.
    func memorandum() async throws -> (memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes)?

    /// Adopts a version of the memorandum (its version must be the next), recording it in the register.
    /// - Throws: ``StoreError`` `conflict` when the version is not the next.
    func adoptMemorandum(_ memorandum: MemorandumOfUnderstanding, routes: RatificationRoutes, detail: String)
        async throws

    /// Every decision record, in the order tabled.
    func decisions() async throws -> [DecisionRecord]

    /// Changes a decision record inside one write transaction: `change` gets the stored record (or `nil`)
    /// and returns the new one with the kind and detail of the register entry to append; both are written
    /// or neither. The register builds the entry (``DecisionRegister/Draft/init(decision:kind:detail:)``,
    /// sealed, chained to the last entry the transaction reads).
    /// - Throws: ``StoreError`` `conflict` when the new record's identifier is not `id`.
    func updateDecision(
        _ id: String,
        _ change:
            @Sendable (DecisionRecord?) throws -> (record: DecisionRecord, kind: DecisionRegister.Kind, detail: String)
    ) async throws -> DecisionRecord

    /// One decision, or `nil` when none has the identifier.
    func decision(_ id: String) async throws -> DecisionRecord?

    /// The decision register, oldest first.
    func registerEntries() async throws -> [DecisionRegister.Entry]

    /// The register's latest entry, or `nil` when it is empty. Every change to the memorandum, a decision
    /// or the programme appends an entry, so this names the governance state: readers cache by it.
    func registerHead() async throws -> DecisionRegister.Entry?

    /// The register's head record (count and hash of the last entry), kept apart from the chain and
    /// rewritten in the same transaction as each append; `nil` when none is kept. ``RegisterAudit`` compares
    /// it with the chain to find entries removed from the end.
    func registerHeadRecord() async throws -> DecisionRegister.Head?

    /// The register's entries after `sequence`, oldest first: what has changed since a reader last looked.
    func registerEntries(after sequence: Int) async throws -> [DecisionRegister.Entry]
}

extension GovernanceStore {
    /// Audits the decision register against its head record and the decision table (``RegisterAudit``).
    public func auditRegister() async throws -> RegisterAudit {
        RegisterAudit(
            entries: try await registerEntries(), head: try await registerHeadRecord(), decisions: try await decisions()
        )
    }
}
