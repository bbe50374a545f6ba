import ConcordatCore

/// Which primary care network each practice belongs to, from a CSV in the format of NHS Digital's
/// practice mapping file (Patients Registered at a GP Practice: `PRACTICE_CODE`, `PCN_CODE`,
/// `PCN_NAME`, other columns ignored). A national file may be given: rows for other ICBs' practices
/// are simply not used.
public struct PracticePCNMap: Sendable, Hashable {
    /// One practice's network.
    public struct Membership: Sendable, Hashable {
        /// The PCN's ODS code (`U` and five digits).
        public var code: String
        /// Its name.
        public var name: String
        /// The line of the file it was read from.
        public var line: Int
    }

    /// Practice code → its network; practices the file lists as "Unallocated" (or with no PCN code)
    /// are absent.
    public var memberships: [String: Membership]
    /// Practices the file lists but places in no PCN.
    public var unallocated: Set<String>
    /// The file's name, for notes.
    public var file: String
    /// How many rows it has.
    public var rows: Int

    /// Reads the map.
    /// - Throws: ``IngestError`` naming the file, line and field of an empty practice code, a practice
    ///   listed twice, or a PCN code or name outside ``TextLimit``'s identifier and name.
    public init(table: CSVTable) throws {
        let (practice, code, name) = (
            try table.column("PRACTICE_CODE"), try table.column("PCN_CODE"), try table.column("PCN_NAME")
        )
        var memberships: [String: Membership] = [:]
        var unallocated: Set<String> = []
        var seen: Set<String> = []
        for record in table.records {
            let practiceCode = try record.uniquePracticeCode(practice, file: table.file, seen: &seen)
            let pcn = record[code]
            if pcn.isEmpty || pcn == "U" || record[name].lowercased() == "unallocated" {
                unallocated.insert(practiceCode)
            } else {
                for (column, limit) in [(code, TextLimit.identifier), (name, .name)] {
                    if let refusal = limit.refusal(of: record[column]) {
                        throw IngestError.invalidValue(
                            file: table.file, line: record.line, field: column.name, reason: "the value \(refusal)")
                    }
                }
                memberships[practiceCode] = Membership(code: pcn, name: record[name], line: record.line)
            }
        }
        self.memberships = memberships
        self.unallocated = unallocated
        file = table.file
        rows = table.records.count
    }
}
