/// What a signed-in person may do. Every role may read the system's aggregates; some may do more.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Runs the installation: adds users, reads the access log.
    case administrator
    /// Analyses the population; the only role that may see identifiable (pseudonymised) cohorts for case
    /// management, and every such access is logged.
    case analyst
    /// Runs the ledger, allocations and settlements.
    case finance
    /// Keeps the partnership's papers and decision register.
    case boardSecretary = "board-secretary"
    /// Votes for their own organisation only.
    case partnerRepresentative = "partner-representative"
    /// Reads, and nothing more.
    case viewer

    /// Whether the role may see the people in a top-risk cohort (by pseudonym), for case management.
    public var mayViewIdentifiableCohorts: Bool { self == .analyst }

    /// Whether the role may submit a place's assurance return.
    public var maySubmitReturns: Bool { self != .viewer }

    /// Whether the role may review returns for the system commissioner (accept, or ask for more).
    public var mayReviewReturns: Bool { self == .administrator || self == .boardSecretary }

    /// Whether the role may read the access log.
    public var mayReadAccessLog: Bool { self == .administrator }

    /// Whether the role may change the partnership and record its business: organisations, members,
    /// proposals, the votes of a meeting, ratifications and gateways.
    public var mayManagePartnership: Bool { self == .administrator || self == .boardSecretary }

    /// Whether the role may keep the risk register and the programme's milestones.
    public var mayKeepRegisters: Bool { self != .viewer }

    /// Whether the role may pay out of a pooled budget.
    public var mayPayFromPools: Bool { self == .finance || self == .administrator }

    /// Whether the role may run and cancel background jobs (the population health engine; imports are for
    /// administrators only).
    public var mayRunJobs: Bool { self == .administrator || self == .analyst }

    /// Whether the role may submit and run what-if scenarios (issue 17): analysts only, since a scenario
    /// reads the whole person-level dataset.
    public var mayRunScenarios: Bool { self == .analyst }
    /// Whether the role may draft a business case from a scenario (analysts, finance, the secretariat).
    public var mayDraftBusinessCases: Bool {
        self == .analyst || self == .finance || self == .boardSecretary || self == .administrator
    }
}
