import ConcordatCore

/// The partnership's work programme: phases with dates, workstreams, milestones with owners and status,
/// and gateways between phases that only a recorded decision can pass (the East Kent ACP work programme:
/// Forming, Mobilising, Transition, Fully Operational).
public struct WorkProgramme: Sendable, Hashable, Codable {
    /// A phase.
    public struct Phase: Sendable, Hashable, Codable {
        /// Its name.
        public var name: String
        /// The first day.
        public var start: Day
        /// The last day.
        public var end: Day

        /// Makes a phase.
        public init(name: String, start: Day, end: Day) {
            self.name = name
            self.start = start
            self.end = end
        }
    }

    /// A milestone.
    public struct Milestone: Sendable, Hashable, Codable, Identifiable {
        /// How far it has got.
        public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
            case notStarted = "not-started"
            case inProgress = "in-progress"
            case done
        }

        /// A short reference.
        public var id: String
        /// What is to be done.
        public var title: String
        /// The workstream it belongs to.
        public var workstream: String
        /// Who owns it.
        public var owner: String
        /// When it is due.
        public var due: Day
        /// How far it has got.
        public var status: Status
        /// When it was done.
        public var completed: Day?
        /// The organisation that owns it, whose accounts (with the secretariat) may change it; `nil` when the
        /// secretariat (the programme office) owns it.
        public var ownerOrganisation: String?
        /// Who last changed its status (a username), and when.
        public var updatedBy: String?
        /// When its status was last changed.
        public var updatedOn: Day?

        /// Makes a milestone.
        public init(
            id: String, title: String, workstream: String, owner: String, due: Day, status: Status = .notStarted,
            completed: Day? = nil
        ) {
            self.id = id
            self.title = title
            self.workstream = workstream
            self.owner = owner
            self.due = due
            self.status = status
            self.completed = completed
        }
    }

    /// A gateway into a phase, passed only by a ratified decision of the partners.
    public struct Gateway: Sendable, Hashable, Codable, Identifiable {
        /// A short reference.
        public var id: String
        /// The phase it leads into.
        public var into: String
        /// The decision that passed it.
        public var passedBy: String?
        /// When.
        public var passedOn: Day?

        /// Makes a gateway.
        public init(id: String, into: String, passedBy: String? = nil, passedOn: Day? = nil) {
            self.id = id
            self.into = into
            self.passedBy = passedBy
            self.passedOn = passedOn
        }
    }

    /// The phases, in order.
    public var phases: [Phase]
    /// The workstreams.
    public var workstreams: [String]
    /// The milestones.
    public var milestones: [Milestone]
    /// The gateways.
    public var gateways: [Gateway]

    /// Makes a programme.
    public init(phases: [Phase], workstreams: [String], milestones: [Milestone], gateways: [Gateway]) {
        self.phases = phases
        self.workstreams = workstreams
        self.milestones = milestones
        self.gateways = gateways
    }

    /// Why a change to the programme is refused.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        /// The reason in words.
        public var description: String
    }

    /// Milestones not done and past their due date on `day`, most overdue first.
    public func late(on day: Day) -> [Milestone] {
        milestones.filter { $0.status != .done && $0.due < day }.sorted { $0.due < $1.due }
    }

    /// The phase `day` falls in.
    public func phase(on day: Day) -> Phase? { phases.first { $0.start <= day && day <= $0.end } }

    /// The programme with `gateway` passed by `decision`, which must be a gateway decision the partners
    /// have ratified.
    public func passing(
        _ gateway: String, by decision: DecisionRecord, memorandum: MemorandumOfUnderstanding,
        routes: RatificationRoutes,
        on day: Day
    ) throws(Refusal) -> WorkProgramme {
        guard let index = gateways.firstIndex(where: { $0.id == gateway }) else {
            throw Refusal(description: "there is no gateway '\(gateway)'")
        }
        guard gateways[index].passedBy == nil else {
            throw Refusal(
                description: "the gateway into \(gateways[index].into) was passed by \(gateways[index].passedBy!)")
        }
        guard decision.proposal.type == .gateway else {
            throw Refusal(description: "\(decision.id) is not a gateway decision")
        }
        let status = decision.status(memorandum: memorandum, routes: routes).status
        guard status == .ratified else {
            throw Refusal(
                description:
                    "a gateway is passed only by a ratified decision; \(decision.id) is \(status?.rawValue.replacingOccurrences(of: "-", with: " ") ?? "not yet voted on")"
            )
        }
        var next = self
        next.gateways[index].passedBy = decision.id
        next.gateways[index].passedOn = day
        return next
    }

    /// The programme with a milestone's status changed.
    public func updating(_ milestone: String, status: Milestone.Status, on day: Day, by username: String? = nil)
        throws(Refusal) -> WorkProgramme
    {
        guard let index = milestones.firstIndex(where: { $0.id == milestone }) else {
            throw Refusal(description: "there is no milestone '\(milestone)'")
        }
        var next = self
        next.milestones[index].status = status
        next.milestones[index].completed = status == .done ? day : nil
        next.milestones[index].updatedBy = username
        next.milestones[index].updatedOn = day
        return next
    }
}
