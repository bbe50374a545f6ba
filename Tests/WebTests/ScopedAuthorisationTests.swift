import ConcordatCore
import Finance
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

/// Every write that belongs to an organisation, tried with an account of the right organisation and of
/// another one: the other is refused, nothing changes, and what the right one does is recorded as theirs.
@Suite("Authorisation by organisation: no partner acts for another", .serialized)
struct ScopedAuthorisationTests {
    /// Kent & Medway with the East Kent partnership, its programme, and accounts of several organisations.
    static func app() async throws -> (SQLiteStore, some ApplicationProtocol) {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        let kentProgramme = try #require(kentPack.programme)
        _ = try await store.updateWorkProgramme { _ in (kentProgramme, nil) }
        let accounts: [(String, Role, String?)] = [
            ("kcc-rep", .partnerRepresentative, "kcc"),  // a signatory of the East Kent ACP
            ("lmc-rep", .partnerRepresentative, "kent-lmc"),  // an adviser: accountable for no place
            ("kcc-analyst", .analyst, "kcc"),
            ("ekhuft-analyst", .analyst, "ekhuft"),
            ("loose-analyst", .analyst, nil),
            ("secretary", .boardSecretary, nil),
        ]
        for (name, role, organisation) in accounts {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, organisation: organisation,
                    passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        }
        return (store, Application(router: try buildRouter(store: store)))
    }

    static let eastKentReturn =
        #"{"place":"east-kent","month":"2026-07","values":[{"indicator":"ae-4-hour","value":40}],"narrative":"Handovers collapsed.","actions":"Discharge lounge."}"#

    @Test("a place's return is refused from an organisation not accountable for the place, and nothing is stored")
    func returns() async throws {
        let (store, app) = try await Self.app()
        try await app.test(.router) { client in
            for user in ["lmc-rep", "loose-analyst"] {
                try await client.execute(
                    uri: "/api/v1/returns", method: .post, headers: signedIn(user),
                    body: ByteBuffer(string: Self.eastKentReturn)
                ) { response in
                    #expect(response.status == .forbidden, "\(user)")
                    #expect(response.text.contains("accountable for east-kent"), "\(response.text)")
                }
            }
            #expect(try await store.assuranceReturns().isEmpty)
            #expect(try await store.escalations().isEmpty)
            #expect(try await store.indicatorValues().isEmpty)
            for user in ["kcc-rep", "secretary"] {
                try await client.execute(
                    uri: "/api/v1/returns", method: .post, headers: signedIn(user),
                    body: ByteBuffer(string: Self.eastKentReturn)
                ) { response in
                    #expect(response.status == .created, "\(user): \(response.text)")
                }
            }
            #expect(try await store.assuranceReturns().map(\.submittedBy).sorted() == ["kcc-rep", "secretary"])
        }
    }

    @Test(
        "a risk is re-scored only by its owner's organisation or the secretariat, and every review is in the register")
    func risks() async throws {
        let (store, app) = try await Self.app()
        let risk =
            #"{"id":"R-KCC","title":"Home care capacity","owner":"Director of adult social care","area":"east-kent","inherent":{"likelihood":4,"consequence":4},"current":{"likelihood":4,"consequence":4},"target":{"likelihood":2,"consequence":2}}"#
        try await app.test(.router) { client in
            // An organisation's account adds risks for itself only.
            let forOthers = risk.replacingOccurrences(of: #""owner":"#, with: #""ownerOrganisation":"ekhuft","owner":"#)
            try await client.execute(
                uri: "/api/v1/risks", method: .post, headers: signedIn("kcc-analyst"),
                body: ByteBuffer(string: forOthers)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/risks", method: .post, headers: signedIn("loose-analyst"), body: ByteBuffer(string: risk)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/risks", method: .post, headers: signedIn("kcc-analyst"), body: ByteBuffer(string: risk)
            ) { #expect($0.status == .created) }
            let review = ByteBuffer(string: #"{"likelihood":1,"consequence":1}"#)
            for user in ["ekhuft-analyst", "lmc-rep", "loose-analyst"] {
                try await client.execute(
                    uri: "/api/v1/risks/R-KCC/review", method: .post, headers: signedIn(user), body: review
                ) { response in
                    #expect(response.status == .forbidden, "\(user)")
                }
            }
            let unchanged = try #require(try await store.risks().first)
            #expect(unchanged.current.score == 16 && unchanged.history.count == 1)
            #expect(unchanged.ownerOrganisation == "kcc" && unchanged.history.first?.by == "kcc-analyst")
            try await client.execute(
                uri: "/api/v1/risks/R-KCC/review", method: .post, headers: signedIn("kcc-rep"),
                body: ByteBuffer(string: #"{"likelihood":3,"consequence":3}"#)
            ) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/v1/risks/R-KCC/review", method: .post, headers: signedIn("secretary"), body: review
            ) { #expect($0.status == .ok) }
            let reviewed = try #require(try await store.risks().first)
            #expect(reviewed.history.map(\.by) == ["kcc-analyst", "kcc-rep", "secretary"])
            #expect(reviewed.history.map(\.onBehalfOf) == ["kcc", "kcc", "the secretariat"])
            let entries = try await store.registerEntries().filter { $0.subject == "R-KCC" }
            #expect(entries.map(\.kind.rawValue) == ["risk", "risk-review", "risk-review"])
            #expect(entries.last?.detail.contains("secretary") == true)
            #expect(entries[1].detail.contains("16 to 9") && entries[1].detail.contains("kcc-rep"))
            #expect(try await store.registerEntries().isEmpty == false)
        }
    }

    @Test("a milestone is changed only by its owner or the secretariat, and the change is in the register")
    func milestones() async throws {
        let (store, app) = try await Self.app()
        try await app.test(.router) { client in
            let done = ByteBuffer(string: #"{"status":"done"}"#)
            // The East Kent programme's milestones belong to the programme office: the secretariat.
            for user in ["kcc-rep", "kcc-analyst"] {
                try await client.execute(
                    uri: "/api/v1/programme/milestones/M1", method: .post, headers: signedIn(user), body: done
                ) { response in
                    #expect(response.status == .forbidden, "\(user)")
                }
            }
            #expect(try await store.workProgramme()?.milestones.first?.status == .notStarted)
            #expect(try await store.registerEntries().isEmpty)
            try await client.execute(
                uri: "/api/v1/programme/milestones/M1", method: .post, headers: signedIn("secretary"), body: done
            ) { #expect($0.status == .ok) }
            let milestone = try #require(try await store.workProgramme()?.milestones.first)
            #expect(milestone.status == .done && milestone.updatedBy == "secretary")
            let entry = try #require(try await store.registerEntries().last)
            #expect(entry.kind == .milestone && entry.subject == "M1" && entry.detail.contains("secretary"))
            // Un-completing is a change like any other: refused to a partner, recorded for the secretariat.
            let undo = ByteBuffer(string: #"{"status":"in-progress"}"#)
            try await client.execute(
                uri: "/api/v1/programme/milestones/M1", method: .post, headers: signedIn("kcc-rep"), body: undo
            ) { #expect($0.status == .forbidden) }
            #expect(try await store.workProgramme()?.milestones.first?.status == .done)
            // A milestone given to an organisation may be changed by it.
            _ = try await store.updateWorkProgramme { existing in
                var programme = try #require(existing)
                programme.milestones[1].ownerOrganisation = "kcc"
                return (programme, nil)
            }
            try await client.execute(
                uri: "/api/v1/programme/milestones/M2", method: .post, headers: signedIn("kcc-rep"), body: undo
            ) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/v1/programme/milestones/M2", method: .post, headers: signedIn("ekhuft-analyst"), body: done
            ) { #expect($0.status == .forbidden) }
            #expect(try await store.registerEntries().filter { $0.kind == .milestone }.count == 2)
        }
    }

    @Test("a pool pays out only for its host or the secretariat")
    func pools() async throws {
        let (store, app) = try await Self.app()
        try await store.savePool(
            Pool(
                code: "kcc-social-care", name: "KCC adult social care", kind: .ringFenced, host: "kcc",
                contributions: [.init(partner: "kcc", amount: Money(pence: 1_000_000))]))
        try await store.insertUser(
            UserAccount(
                username: "kcc-fin", role: .finance, organisation: "kcc",
                passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        try await store.insertUser(
            UserAccount(
                username: "ekhuft-fin", role: .finance, organisation: "ekhuft",
                passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        let payment = ByteBuffer(
            string:
                #"{"partner":"kcc","setting":"adult_social_care","area":"east-kent","month":"2026-11","amountPence":100,"description":"x"}"#
        )
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/pools/kcc-social-care/payments", method: .post, headers: signedIn("ekhuft-fin"),
                body: payment
            ) { #expect($0.status == .forbidden) }
            #expect(try await store.poolAccount(code: "kcc-social-care").payments.isEmpty)
            try await client.execute(
                uri: "/api/v1/pools/kcc-social-care/payments", method: .post, headers: signedIn("kcc-fin"),
                body: payment
            ) { #expect($0.status == .created) }
        }
    }

    @Test("a board secretary of one organisation cannot record another's vote or ratification; the secretariat can")
    func meetings() async throws {
        let (store, app) = try await Self.app()
        try await adoptEastKentMemorandum(store)
        let proposal = Proposal(
            id: "M-1", title: "Meeting test", type: .engagement, tabled: Day(year: 2018, month: 6, day: 14)!,
            hasGreenBookBusinessCase: true, hasExitArrangements: true)
        _ = try await store.updateDecision("M-1") { _ in (DecisionRecord(proposal: proposal), .proposal, "") }
        try await store.insertUser(
            UserAccount(
                username: "kcc-secretary", role: .boardSecretary, organisation: "kcc",
                passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        let votes = ByteBuffer(
            string: #"{"present":["kcc","ekhuft"],"votes":[{"organisation":"ekhuft","choice":"no"}],"overrides":[]}"#)
        let ratification = ByteBuffer(
            string: #"{"party":"ekhuft","body":"Board","date":"2018-07-01","ratified":true,"minuteReference":"M/1"}"#)
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/proposals/M-1/vote", method: .post, headers: signedIn("kcc-secretary"), body: votes
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("kcc"))
            }
            try await client.execute(
                uri: "/api/v1/proposals/M-1/ratifications", method: .post, headers: signedIn("kcc-secretary"),
                body: ratification
            ) { #expect($0.status == .forbidden) }
            #expect(try await store.decision("M-1")?.outcome == nil)
            #expect(try await store.registerEntries().filter { $0.subject == "M-1" }.count == 1)
            try await client.execute(
                uri: "/api/v1/proposals/M-1/vote", method: .post, headers: signedIn("secretary"), body: votes
            ) { #expect($0.status == .ok) }
        }
    }
}
