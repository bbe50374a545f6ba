import ConcordatCore
import Finance
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import SystemPack
import Testing

@testable import Web

@Suite("Governance on the web: proposals, votes, ratification, the public register", .serialized)
struct GovernanceWebTests {
    @Test("a proposal is tabled, voted on by the rule, ratified through the right bodies; refusals say why")
    func decisions() async throws {
        let store = try SQLiteStore()
        let kent = try kentMedway.get()
        try await store.replaceSystem(kent)
        let memorandum = try kentPack.memorandum!.memorandum()
        let routes = kentPack.memorandum!.routes
        try await store.adoptMemorandum(memorandum, routes: routes, detail: "adopted")
        for (name, role) in [("bea", Role.boardSecretary), ("vic", .viewer)] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, passwordHash: PasswordHashing.hash("correct horse battery", cost: 4)))
        }
        let parties = memorandum.seats.filter { $0.kind == .party }.map(\.organisation)
        #expect(parties.count == 14)
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let proposal =
                #"{"id":"EK-9","title":"Pool community budgets","type":"transfer-of-decision-making","tabled":"2018-06-14","hasGreenBookBusinessCase":true,"createsJointArrangement":true,"hasExitArrangements":true,"ringFenceBreaches":[]}"#
            try await client.execute(
                uri: "/api/v1/proposals", method: .post, headers: signedIn("vic"),
                body: ByteBuffer(string: proposal)
            ) {
                response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(
                uri: "/api/v1/proposals", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(string: proposal)
            ) {
                response in
                #expect(response.status == .created)
            }
            try await client.execute(
                uri: "/api/v1/proposals", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(string: proposal)
            ) {
                response in
                #expect(response.status == .conflict)
            }
            func vote(_ votes: [(String, String)]) -> ByteBuffer {
                let list = votes.map { #"{"organisation":"\#($0.0)","choice":"\#($0.1)"}"# }.joined(separator: ",")
                let present = parties.map { "\"\($0)\"" }.joined(separator: ",")
                return ByteBuffer(string: #"{"present":[\#(present)],"votes":[\#(list)]}"#)
            }
            try await client.execute(
                uri: "/api/v1/proposals/EK-9/vote", method: .post, headers: signedIn("bea"),
                body: vote([("kent-lmc", "yes")])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try response.json(Problem.self)
                #expect(problem.detail.contains("advisers attend but do not vote"))
            }
            try await client.execute(
                uri: "/api/v1/proposals/EK-9/vote", method: .post, headers: signedIn("bea"),
                body: vote(parties.enumerated().map { ($1, $0 < 10 ? "yes" : "no") })
            ) { response in
                #expect(response.status == .ok)
                let view = try response.json(GovernanceController<BasicRequestContext>.DecisionView.self)
                #expect(view.status == .agreedInPrinciple)
                #expect(view.outstanding.count == 14)
                #expect(
                    view.outstanding.contains { $0.party == "kcc" && $0.body == "Full Council (reserved decision)" })
            }
            try await client.execute(
                uri: "/api/v1/proposals/EK-9/ratifications", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(
                    string:
                        #"{"party":"kcc","body":"Cabinet","date":"2018-07-01","minuteReference":"C/1","ratified":true}"#
                )
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try response.json(Problem.self)
                #expect(problem.detail.contains("Full Council (reserved decision)"))
            }
            for party in parties {
                let body = routes.body(for: party, type: .transferOfDecisionMaking)
                try await client.execute(
                    uri: "/api/v1/proposals/EK-9/ratifications", method: .post, headers: signedIn("bea"),
                    body: ByteBuffer(
                        string:
                            #"{"party":"\#(party)","body":"\#(body)","date":"2018-07-01","minuteReference":"M/\#(party)","ratified":true}"#
                    )
                ) { response in
                    #expect(response.status == .ok)
                }
            }
            try await client.execute(uri: "/api/v1/decisions", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("\"status\":\"ratified\""))
            }
            try await client.execute(uri: "/decisions", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("ratified by every party"))
                #expect(response.text.contains("10 of 14"))
            }
            try await client.execute(uri: "/api/v1/register", method: .get) { response in
                let register = try response.json(GovernanceController<BasicRequestContext>.RegisterView.self)
                #expect(register.verified)
                // adopted, tabled, voted, 14 ratifications.
                #expect(register.entries.count == 1 + 1 + 1 + 14)
            }
            try await client.execute(uri: "/decisions/register", method: .get) { response in
                #expect(response.text.contains("All 17 entries verify"))
            }
            // A decision tabled by another process (straight into the store) shows at once: the pages'
            // cache is keyed by the register's head.
            let elsewhere = Proposal(
                id: "EK-10", title: "Tabled elsewhere", type: .engagement, tabled: Day(year: 2018, month: 7, day: 1)!)
            _ = try await store.updateDecision("EK-10") { _ in
                (DecisionRecord(proposal: elsewhere), .proposal, "tabled")
            }
            try await client.execute(uri: "/api/v1/decisions", method: .get) { response in
                #expect(response.text.contains("Tabled elsewhere"))
            }
            try await client.execute(uri: "/decisions", method: .get) { response in
                #expect(response.text.contains("Tabled elsewhere"))
            }
            // Membership: closed for a year after the window; any party may withdraw, and it is recorded.
            try await client.execute(
                uri: "/api/v1/governance/members", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(string: #"{"organisation":"new-trust","kind":"party","joined":"2018-09-01"}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try response.json(Problem.self)
                #expect(problem.detail.contains("closed for one year"))
            }
            try await client.execute(
                uri: "/api/v1/governance/members/thanet-health/withdraw", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(
                    string: #"{"effective":"2019-04-01","exitArrangements":"Services transfer back over six months"}"#)
            ) { response in
                #expect(response.status == .ok)
                let view = try response.json(GovernanceController<BasicRequestContext>.MemorandumView.self)
                #expect(view.memorandum.version == 2)
                #expect(view.memorandum.votingSeats(on: Day(year: 2019, month: 5, day: 1)!).count == 13)
            }
            try await client.execute(uri: "/api/v1/register", method: .get) { response in
                let register = try response.json(GovernanceController<BasicRequestContext>.RegisterView.self)
                #expect(register.verified && register.entries.last?.detail.contains("thanet-health withdrew") == true)
            }
        }
    }

    @Test(
        "planned spend of the council's social care money in Medway trips its red line when tabled; the vote is refused"
    )
    func redLineFromPools() async throws {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        try await adoptEastKentMemorandum(store)
        try await store.savePool(
            Pool(
                code: "kcc-social-care", name: "KCC adult social care", kind: .ringFenced, host: "kcc",
                contributions: [.init(partner: "kcc", amount: Money(pence: 100_000_000))],
                ringFences: [
                    RingFence(name: "only within the KCC area", districts: kentPack.pools[0].ringFences[1].districts!)
                ]))
        try await store.insertUser(
            UserAccount(
                username: "bea", role: .boardSecretary,
                passwordHash: PasswordHashing.hash("correct horse battery", cost: 4)))
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let body =
                #"{"id":"EK-M","title":"Fund Medway reablement","type":"service-redesign","tabled":"2018-06-14","hasGreenBookBusinessCase":true,"createsJointArrangement":false,"hasExitArrangements":true,"ringFenceBreaches":[],"plannedSpends":[{"pool":"kcc-social-care","partner":"887","setting":"adult_social_care","area":"medway-swale","month":"2018-07","amountPence":5000000,"description":"reablement"}]}"#
            try await client.execute(
                uri: "/api/v1/proposals", method: .post, headers: signedIn("bea"), body: ByteBuffer(string: body)
            ) {
                response in
                #expect(response.status == .created)
                let view = try response.json(GovernanceController<BasicRequestContext>.DecisionView.self)
                #expect(
                    view.blockingRedLines.contains {
                        $0.contains("social care money only on social care") && $0.contains("Medway")
                    })
            }
            try await client.execute(
                uri: "/api/v1/proposals/EK-M/vote", method: .post, headers: signedIn("bea"),
                body: ByteBuffer(string: #"{"present":["kcc"],"votes":[{"organisation":"kcc","choice":"yes"}]}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try response.json(Problem.self)
                #expect(problem.detail.contains("red line"))
            }
        }
        // The refused payment was only a check: nothing was spent from the pool.
        #expect(try await store.poolAccount(code: "kcc-social-care").payments.isEmpty)
    }
}

@Suite("Long lists of decisions come a page at a time")
struct DecisionPagingTests {
    @Test("the API pages by limit and offset, newest first; the page shows 20 with links; bad values are 400s")
    func paging() async throws {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        try await adoptEastKentMemorandum(store)
        for index in 1...45 {
            let proposal = Proposal(
                id: "P\(index)", title: "Proposal number \(index)", type: .engagement,
                tabled: Day(year: 2026, month: 1, day: 1)!.adding(days: index))
            _ = try await store.updateDecision(proposal.id) { _ in (DecisionRecord(proposal: proposal), .proposal, "")
            }
        }
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/decisions?limit=20&offset=40", method: .get) { response in
                let page = try response.json(PagedDocument<DecisionView>.self)
                #expect(page.total == 45 && page.limit == 20 && page.offset == 40)
                #expect(page.items.map(\.record.id) == ["P5", "P4", "P3", "P2", "P1"])
            }
            try await client.execute(uri: "/api/v1/decisions", method: .get) { response in
                let page = try response.json(PagedDocument<DecisionView>.self)
                #expect(page.items.count == 45 && page.items.first?.record.id == "P45")
            }
            for bad in ["limit=0", "limit=501", "offset=-1", "limit=ten"] {
                try await client.execute(uri: "/api/v1/decisions?\(bad)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                    let problem = try response.json(Problem.self)
                    #expect(problem.invalidParams?.isEmpty == false)
                }
            }
            try await client.execute(uri: "/decisions", method: .get) { response in
                let text = response.text
                #expect(text.contains("Proposal number 45") && text.contains("Proposal number 26"))
                #expect(!text.contains("Proposal number 25<"))
                #expect(text.contains("1–20 of 45") && text.contains(#"href="/decisions?page=2""#))
            }
            try await client.execute(uri: "/decisions?page=3", method: .get) { response in
                #expect(response.text.contains("Proposal number 1<") && response.text.contains("41–45 of 45"))
                #expect(response.text.contains(#"href="/decisions?page=2""#) && !response.text.contains("page=4"))
            }
            try await client.execute(uri: "/decisions?page=0", method: .get) { #expect($0.status == .badRequest) }
        }
    }
}
