/// The one authorisation policy: whether an actor may do an action to a resource. A pure function of
/// (actor, action), called by the API and the browser's forms alike, so that both refuse the same things
/// for the same reasons. An action carries what the decision needs to know of its resource (the
/// organisations accountable for a place, a risk's owning organisation), so the policy never reads a store.
///
/// Two tests stand in turn: the **role** (what kind of work the account does: ``Role``'s predicates), then
/// the **scope** (whom it acts for: ``Actor/Scope``). The secretariat may act on any organisation's
/// records; an organisation's account only on its own.
public enum AccessPolicy {
    /// A write, with what the policy must know about the resource it changes.
    public enum Action: Sendable, Hashable {
        /// Submit a place's monthly assurance return; `accountable` are the organisations accountable for it.
        case submitReturn(place: String, accountable: [String])
        /// Accept a return, or ask for more, for the system commissioner.
        case reviewReturn
        /// Add a risk owned by `organisation` (nil: owned by the secretariat).
        case addRisk(owner: String?)
        /// Re-score a risk owned by `organisation` (nil: owned by the secretariat).
        case reviewRisk(owner: String?)
        /// Change a milestone owned by `organisation` (nil: owned by the secretariat).
        case updateMilestone(owner: String?)
        /// Record the partnership's business: organisations, members, proposals, a meeting's votes,
        /// ratifications, closing a vote, passing a gateway.
        case managePartnership
        /// Cast a ballot for `seat` (an organisation code).
        case castBallot(seat: String)
        /// Record a meeting's votes, cast for `seats` (organisation codes): the secretariat records any
        /// meeting; an organisation's account only its own seat's vote.
        case recordVotes(seats: [String])
        /// Record `party`'s ratification (or refusal) by its own governance.
        case recordRatification(party: String)
        /// Pay out of a pool hosted by `host`.
        case payFromPool(host: String)
        /// Start or cancel a background job (the population health engine).
        case runJobs
        /// Start an import of a dataset.
        case importDataset
        /// Read a practice's identifiable top-risk cohort.
        case viewCohort
        /// Read the access log.
        case readAccessLog
        /// Submit and run a what-if scenario over the integrated dataset (issue 17).
        case runScenario
        /// Cancel a queued or running scenario submitted by `author` (a username) for `organisation`: an
        /// analyst of that organisation, or its author.
        case cancelScenario(author: String, organisation: String?)
        /// Draft a business case for the actor's organisation (or the secretariat).
        case draftBusinessCase
        /// Attach a business case drafted for `author` (an organisation, or `nil` for the secretariat) to a
        /// proposal sponsored by `proposalAuthor` (`nil`: tabled by the secretariat alone).
        case attachBusinessCase(author: String?, proposalAuthor: String?)
        /// Record the Section 151 determination on a case for `council`; `holdsOffice` says whether the
        /// actor holds the Section 151 office for the organisation it acts for.
        case recordSection151Determination(council: String, holdsOffice: Bool)
        /// Appoint an account to an office.
        case appointOffice

        /// What the action is, in words, for refusals ("submit assurance returns").
        public var words: String {
            switch self {
            case .submitReturn(let place, _): "submit \(place)'s assurance return"
            case .reviewReturn: "review returns for the system commissioner"
            case .addRisk: "add risks"
            case .reviewRisk: "review risks"
            case .updateMilestone: "update milestones"
            case .managePartnership: "record the partnership's business"
            case .castBallot(let seat): "vote for \(seat)"
            case .recordVotes: "record other organisations' votes"
            case .recordRatification(let party): "record \(party)'s ratification"
            case .payFromPool: "pay out of pools"
            case .runJobs: "run or cancel jobs"
            case .importDataset: "import datasets"
            case .viewCohort: "see identifiable cohorts"
            case .readAccessLog: "read the access log"
            case .runScenario: "run scenarios"
            case .cancelScenario: "cancel this scenario"
            case .draftBusinessCase: "draft business cases"
            case .attachBusinessCase: "attach a business case to a proposal"
            case .recordSection151Determination(let council, _): "record \(council)'s Section 151 determination"
            case .appointOffice: "appoint accounts to offices"
            }
        }

        /// Whether the role may attempt the action at all, before anything is known of the resource: the
        /// door check, made before a request's body is read. ``decide(_:_:)`` makes it again.
        public func roleAllows(_ role: Role) -> Bool {
            switch self {
            case .submitReturn: role.maySubmitReturns
            case .reviewReturn: role.mayReviewReturns
            case .addRisk, .reviewRisk, .updateMilestone: role.mayKeepRegisters
            case .managePartnership, .recordVotes, .recordRatification: role.mayManagePartnership
            case .castBallot: role == .partnerRepresentative
            case .payFromPool: role.mayPayFromPools
            case .runJobs: role.mayRunJobs
            case .importDataset: role == .administrator
            case .viewCohort: role.mayViewIdentifiableCohorts
            case .readAccessLog: role.mayReadAccessLog
            case .runScenario, .cancelScenario: role.mayRunScenarios
            case .draftBusinessCase: role.mayDraftBusinessCases
            case .attachBusinessCase: role.mayDraftBusinessCases || role.mayManagePartnership
            case .recordSection151Determination: role != .viewer
            case .appointOffice: role == .administrator
            }
        }
    }

    /// What the policy decided.
    public enum Decision: Sendable, Hashable {
        /// The actor may.
        case allowed
        /// The actor may not, with the reason in words.
        case refused(String)

        /// Whether it is allowed.
        public var isAllowed: Bool { self == .allowed }
    }

    /// Whether `actor` may do `action`.
    public static func decide(_ actor: Actor, _ action: Action) -> Decision {
        guard action.roleAllows(actor.role) else {
            return .refused("\(actor.username) is signed in as \(actor.role.rawValue), which may not \(action.words)")
        }
        let scoped: Bool
        let whose: String
        switch action {
        case .submitReturn(let place, let accountable):
            scoped = actor.isSecretariat || actor.organisation.map(accountable.contains) == true
            whose = "only the organisations accountable for \(place), or the secretariat"
        case .addRisk(let owner), .reviewRisk(let owner), .updateMilestone(let owner):
            scoped = actor.isSecretariat || (owner != nil && actor.actsFor(owner))
            whose = "only \(owner.map { "its owner, \($0)" } ?? "the secretariat, its owner"), or the secretariat"
        case .castBallot(let seat):
            scoped = actor.organisation == seat
            whose = "only \(seat)'s own representatives"
        case .recordVotes(let seats):
            scoped = actor.isSecretariat || (actor.organisation != nil && seats.allSatisfy { $0 == actor.organisation })
            whose = "only the secretariat (or an organisation for its own seat)"
        case .recordRatification(let party):
            scoped = actor.actsFor(party)
            whose = "only \(party) itself, or the secretariat,"
        case .payFromPool(let host):
            scoped = actor.actsFor(host)
            whose = "only the pool's host, \(host), or the secretariat"
        case .attachBusinessCase(let author, let proposalAuthor):
            scoped =
                actor.isSecretariat
                || (actor.organisation != nil && actor.organisation == author && proposalAuthor == author)
            whose = "only the board secretary, or the organisation that authored both the case and the proposal,"
        case .recordSection151Determination(let council, let holdsOffice):
            // Never the secretariat: the determination is the council's own statutory officer's.
            scoped = actor.organisation == council && holdsOffice
            whose = "only \(council)'s Section 151 officer, acting in that office,"
        case .cancelScenario(let author, let organisation):
            scoped = actor.username == author || (organisation != nil && actor.organisation == organisation)
            whose = "only an analyst of \(organisation ?? "the organisation that submitted it") (or its author)"
        case .managePartnership, .reviewReturn, .runJobs, .importDataset, .viewCohort, .readAccessLog,
            .draftBusinessCase, .appointOffice, .runScenario:
            // The secretariat's own business, and system-wide work: the role alone decides (the roles that may
            // are the secretariat's, and every cohort read is logged).
            scoped = true
            whose = ""
        }
        return scoped
            ? .allowed
            : .refused("\(actor.username) acts for \(actor.onBehalfOf); \(whose) may \(action.words)")
    }
}
