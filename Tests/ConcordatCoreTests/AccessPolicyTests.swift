import ConcordatCore
import Testing

@Suite("The authorisation policy: by role, then by whom the account acts for")
struct AccessPolicyTests {
    static func actor(_ role: Role, _ organisation: String? = nil) -> Actor {
        Actor(UserAccount(username: "u-\(role.rawValue)", role: role, organisation: organisation, passwordHash: ""))
    }

    @Test("accounts act for their organisation, the secretariat, or no one")
    func scopes() {
        #expect(Self.actor(.partnerRepresentative, "kcc").scope == .organisation("kcc"))
        #expect(Self.actor(.boardSecretary).scope == .secretariat)
        #expect(Self.actor(.administrator).scope == .secretariat)
        #expect(Self.actor(.administrator, "kcc").scope == .organisation("kcc"))
        #expect(Self.actor(.analyst).scope == .unaffiliated)
        #expect(Self.actor(.analyst, "").scope == .unaffiliated)
    }

    @Test("a place's return is submitted only by the organisations accountable for it, or the secretariat")
    func returns() {
        let action = AccessPolicy.Action.submitReturn(place: "east-kent", accountable: ["kcc", "ekhuft"])
        #expect(AccessPolicy.decide(Self.actor(.partnerRepresentative, "kcc"), action) == .allowed)
        #expect(AccessPolicy.decide(Self.actor(.partnerRepresentative, "medway-council"), action) != .allowed)
        #expect(AccessPolicy.decide(Self.actor(.boardSecretary), action) == .allowed)
        #expect(AccessPolicy.decide(Self.actor(.analyst), action) != .allowed)
        // The role is tested first: a viewer of an accountable organisation still may not.
        guard case .refused(let reason) = AccessPolicy.decide(Self.actor(.viewer, "kcc"), action) else {
            Issue.record("a viewer submitted a return")
            return
        }
        #expect(reason.contains("viewer"))
    }

    @Test("a risk or milestone is changed by its owner's organisation or the secretariat")
    func registers() {
        for action in [
            AccessPolicy.Action.reviewRisk(owner: "kcc"), .updateMilestone(owner: "kcc"), .addRisk(owner: "kcc"),
        ] {
            #expect(AccessPolicy.decide(Self.actor(.partnerRepresentative, "kcc"), action) == .allowed)
            #expect(AccessPolicy.decide(Self.actor(.analyst, "kcc"), action) == .allowed)
            #expect(AccessPolicy.decide(Self.actor(.partnerRepresentative, "ekhuft"), action) != .allowed)
            #expect(AccessPolicy.decide(Self.actor(.analyst), action) != .allowed)
            #expect(AccessPolicy.decide(Self.actor(.boardSecretary), action) == .allowed)
        }
        // Owned by the secretariat: only the secretariat.
        #expect(AccessPolicy.decide(Self.actor(.partnerRepresentative, "kcc"), .reviewRisk(owner: nil)) != .allowed)
        #expect(AccessPolicy.decide(Self.actor(.administrator), .updateMilestone(owner: nil)) == .allowed)
    }

    @Test("votes only for one's own seat; pools only by their host")
    func seatsAndPools() {
        #expect(AccessPolicy.decide(Self.actor(.partnerRepresentative, "kcc"), .castBallot(seat: "kcc")) == .allowed)
        #expect(AccessPolicy.decide(Self.actor(.partnerRepresentative, "kcc"), .castBallot(seat: "ekhuft")) != .allowed)
        #expect(AccessPolicy.decide(Self.actor(.boardSecretary), .castBallot(seat: "kcc")) != .allowed)
        #expect(AccessPolicy.decide(Self.actor(.finance, "886"), .payFromPool(host: "886")) == .allowed)
        #expect(AccessPolicy.decide(Self.actor(.finance, "887"), .payFromPool(host: "886")) != .allowed)
        #expect(AccessPolicy.decide(Self.actor(.finance), .payFromPool(host: "886")) != .allowed)
        #expect(AccessPolicy.decide(Self.actor(.administrator), .payFromPool(host: "886")) == .allowed)
    }

    @Test("every action's door check is the role part of the decision")
    func doorMatchesDecision() {
        let actions: [AccessPolicy.Action] = [
            .submitReturn(place: "p", accountable: ["o"]), .reviewReturn, .addRisk(owner: "o"), .reviewRisk(owner: "o"),
            .updateMilestone(owner: "o"), .managePartnership, .recordVotes(seats: ["o"]),
            .recordRatification(party: "o"), .castBallot(seat: "o"), .payFromPool(host: "o"), .runJobs,
            .importDataset, .viewCohort, .readAccessLog, .runScenario,
        ]
        for action in actions {
            for role in Role.allCases where !action.roleAllows(role) {
                #expect(AccessPolicy.decide(Self.actor(role, "o"), action) != .allowed, "\(role) \(action)")
                #expect(AccessPolicy.decide(Self.actor(role), action) != .allowed, "\(role) \(action)")
            }
        }
    }

    @Test("a meeting's votes and a party's ratification are recorded by the secretariat, or for one's own seat only")
    func meetings() {
        let kccSecretary = Self.actor(.boardSecretary, "kcc")
        #expect(AccessPolicy.decide(kccSecretary, .recordVotes(seats: ["kcc", "ekhuft"])) != .allowed)
        #expect(AccessPolicy.decide(kccSecretary, .recordVotes(seats: ["kcc"])) == .allowed)
        #expect(AccessPolicy.decide(Self.actor(.boardSecretary), .recordVotes(seats: ["kcc", "ekhuft"])) == .allowed)
        #expect(AccessPolicy.decide(kccSecretary, .recordRatification(party: "ekhuft")) != .allowed)
        #expect(AccessPolicy.decide(kccSecretary, .recordRatification(party: "kcc")) == .allowed)
        #expect(
            AccessPolicy.decide(Self.actor(.partnerRepresentative, "kcc"), .recordVotes(seats: ["kcc"])) != .allowed)
    }
}
