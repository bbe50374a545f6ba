import Foundation

extension DecisionRegister {
    /// An entry as drafted: what it records, before the register numbers, dates and chains it
    /// (``DecisionRegister/entry(after:_:at:)``).
    public struct Draft: Sendable, Hashable {
        /// What kind of record.
        public var kind: Kind
        /// What it concerns (a proposal, memorandum version, risk, milestone or gateway reference).
        public var subject: String
        /// What was recorded, in words.
        public var detail: String

        /// Drafts an entry.
        public init(kind: Kind, subject: String, detail: String) {
            self.kind = kind
            self.subject = subject
            self.detail = detail
        }

        /// The entry for a change to `decision`: its subject is the decision's identifier and its detail
        /// ends with the decision's seal (``RegisterAudit/sealed(_:_:)``), so the audit can tell when the
        /// stored decision no longer matches what the register recorded.
        public init(decision: DecisionRecord, kind: Kind, detail: String) {
            self.init(kind: kind, subject: decision.id, detail: RegisterAudit.sealed(detail, decision))
        }

        /// The entry for adopting `memorandum`'s version.
        public init(adopting memorandum: MemorandumOfUnderstanding, detail: String) {
            self.init(kind: .memorandum, subject: "version \(memorandum.version)", detail: detail)
        }
    }
}
