import ConcordatCore
import Foundation
import Governance
import Partnership
import Storage
import SystemPack
import Testing

@Suite("Business cases: drafted from a scenario, attached, determined by the S151 officer, enacted on ratification")
struct CaseOfficeTests {
    static let secretary = PoolPaymentTests.actor("secretary", .boardSecretary, for: nil)
    static let analyst = PoolPaymentTests.actor("kcc-analyst", .analyst, for: "kcc")
    static let tabled = Day(year: 2026, month: 12, day: 2)!

    /// The synthetic Kent & Medway store with the pack's memorandum (KCC's computed red lines) and
    /// programme, and KCC's Section 151 officer appointed; the memorandum's parties.
    static func store() async throws -> (any Store, [String]) {
        let store = try await ScenarioStudyTests.store()
        let pack = try PackLoader.bundled("kent-medway")
        let adopted = try #require(pack.memorandum)
        let memorandum = try adopted.memorandum()
        try await store.adoptMemorandum(memorandum, routes: adopted.routes, detail: "adopted")
        let programme = try #require(pack.programme)
        _ = try await store.updateWorkProgramme { _ in (programme, nil) }
        try await store.insertOrganisation(
            Organisation(code: "medway", name: "Medway Council", role: .localAuthority, isSignatory: false))
        for (username, role, organisation) in [
            ("kcc-s151", Role.finance, "kcc"), ("kcc-clerk", .finance, "kcc"), ("medway-s151", .finance, "medway"),
            ("nhs-cfo", .finance, "RYY"),
        ] {
            try await store.insertUser(
                UserAccount(username: username, role: role, organisation: organisation, passwordHash: "x"))
        }
        _ = try await CaseOffice(store: store).appoint("kcc-s151", to: .section151Officer, by: .commandLine)
        // Medway's own Section 151 officer: a council's, but not the council whose red line it is.
        _ = try await CaseOffice(store: store).appoint("medway-s151", to: .section151Officer, by: .commandLine)
        return (store, memorandum.seats.filter { $0.kind == .party }.map(\.organisation))
    }

    /// The East Kent frailty example with KCC's (886) envelope set: a large one (no run breaches it) or
    /// none at all (every run does).
    static func scenario(kccEnvelope pence: Int64) throws -> Data {
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: ScenarioStudyTests.example)) as? [String: Any])
        object["envelopes"] = [["partner": "886", "pencePerYear": pence]]
        object["runs"] = 20
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func draft(_ id: String) -> BusinessCaseDraft {
        BusinessCaseDraft(
            id: id, title: "East Kent frailty: home first", strategic: "Shift care out of hospital.",
            commercial: "KCHFT provides the home-first teams.",
            management: .init(
                text: "Reported to the programme board monthly.",
                milestones: [
                    .init(
                        id: "\(id)-M1", title: "Home-first teams in post", workstream: "Frailty",
                        owner: "Director of operations, KCHFT", due: Day(year: 2027, month: 6, day: 30)!)
                ],
                risks: [
                    .init(
                        id: "\(id)-R1", title: "Teams cannot be recruited", owner: "Director of operations, KCHFT",
                        area: "east-kent", likelihood: 3, consequence: 4)
                ]))
    }

    static func proposal(_ id: String, sponsor: String? = "kcc") -> Proposal {
        var proposal = Proposal(
            id: id, title: "Commission home-first frailty care", type: .serviceRedesign, tabled: tabled,
            hasGreenBookBusinessCase: true, hasExitArrangements: true)
        proposal.sponsor = sponsor
        return proposal
    }

    static func actor(_ username: String, in store: any Store) async throws -> Actor {
        Actor(try #require(try await store.user(username)))
    }

    @Test("from a scenario definition to a ratified proposal whose Green Book and Section 151 red lines pass")
    func wholePath() async throws {
        let (store, parties) = try await Self.store()
        let office = CaseOffice(store: store)
        let secretariat = Secretariat(store: store)
        let kent = try #require(try await store.loadSystem())
        let stored = try await office.draft(
            Self.draft("BC-1"), scenario: try Self.scenario(kccEnvelope: 1_000_000_000_000), by: Self.analyst)
        let economic = stored.businessCase.economic
        #expect(economic.missingForGreenBook.isEmpty)
        #expect(economic.optimismBias?.operating == 0.41)
        #expect(!economic.tornado.isEmpty)
        #expect(abs(economic.discountFactors[1] - 1 / 1.035) < 1e-12)
        let kcc = try #require(stored.businessCase.financial.breach(of: "886"))
        #expect(kcc.probability == 0 && kcc.runs == 20)
        #expect(stored.businessCase.organisation == "kcc" && stored.businessCase.author == "kcc-analyst")
        // The financial case says who bears what under the pack's risk-share agreement, partner by year.
        let financial = stored.businessCase.financial
        #expect(financial.riskShareAgreement?.hasPrefix("Tiered corridors") == true)
        #expect(financial.riskShareUnavailable == nil)
        let borne = try #require(financial.riskShare)
        #expect(Set(borne.map(\.year)) == [2027, 2028, 2029, 2030, 2031])
        #expect(borne.allSatisfy { $0.p10Pence <= $0.p50Pence && $0.p50Pence <= $0.p90Pence })

        _ = try await secretariat.table(Self.proposal("EK-BC1"), plannedSpends: [], in: kent, by: Self.secretary)
        // Without a case the vote is blocked by the Green Book line, the tick notwithstanding.
        await #expect {
            _ = try await secretariat.recordVotes(
                parties.map { Vote(organisation: $0, choice: .yes) }, present: parties, overrides: [], on: "EK-BC1",
                by: Self.secretary)
        } throws: { "\($0)".contains("no business case is attached") }

        // KCC drafted the case and sponsors the proposal: its analyst may attach it.
        let attached = try await office.attach("BC-1", to: "EK-BC1", by: Self.analyst)
        #expect(attached.proposal.businessCase?.id == "BC-1")
        let memorandum = try #require(try await store.memorandum()).memorandum
        let blocking = VoteCount.blockingRedLines(attached.proposal, memorandum: memorandum, overrides: [])
        #expect(blocking.map(\.reason) == ["kcc's Section 151 officer has recorded no determination"])

        let officer = try await Self.actor("kcc-s151", in: store)
        let determined = try await office.determine(
            "BC-1", outcome: .affordable, reason: "Within the medium-term financial plan.", by: officer)
        #expect(determined.determinations.map(\.council) == ["kcc"])
        let decision = try #require(try await store.decision("EK-BC1"))
        #expect(VoteCount.blockingRedLines(decision.proposal, memorandum: memorandum, overrides: []).isEmpty)
        for line in memorandum.redLines where line.applies(to: decision.proposal) {
            #expect(!line.judgement(of: decision.proposal).breached)
        }

        let voted = try await secretariat.recordVotes(
            parties.map { Vote(organisation: $0, choice: .yes) }, present: parties, overrides: [], on: "EK-BC1",
            by: Self.secretary)
        #expect(voted.decision.outcome?.agreedInPrinciple == true)
        for party in parties {
            _ = try await secretariat.ratify(
                Ratification(
                    party: party, body: voted.routes.body(for: party, type: .serviceRedesign),
                    date: Day(year: 2026, month: 12, day: 20)!, minuteReference: "M/\(party)", ratified: true),
                of: "EK-BC1", by: Self.secretary)
        }
        // Ratified: the case's milestone and risk are in the programme and register, as KCC's.
        let programme = try #require(try await store.workProgramme())
        let milestone = try #require(programme.milestones.first { $0.id == "BC-1-M1" })
        #expect(milestone.ownerOrganisation == "kcc")
        let risk = try #require(try await store.risks().first { $0.id == "BC-1-R1" })
        #expect(risk.ownerOrganisation == "kcc" && risk.current.score == 12)
        let kinds = try await store.registerEntries().map(\.kind)
        for kind in [DecisionRegister.Kind.businessCase, .businessCaseAttached, .section151Determination, .risk] {
            #expect(kinds.contains(kind))
        }
        #expect(try await store.auditRegister().verifies)
    }

    @Test(
        "the determination is the council's S151 officer's alone: NHS, council clerk, other council, secretariat refused"
    )
    func determinationRefused() async throws {
        let (store, _) = try await Self.store()
        let office = CaseOffice(store: store)
        _ = try await office.draft(
            Self.draft("BC-2"), scenario: try Self.scenario(kccEnvelope: 1_000_000_000_000), by: Self.analyst)
        for username in ["nhs-cfo", "kcc-clerk", "medway-s151"] {
            let actor = try await Self.actor(username, in: store)
            await #expect(throws: ActionRefused.self, "\(username)") {
                _ = try await office.determine("BC-2", outcome: .affordable, reason: "fine", by: actor)
            }
        }
        await #expect(throws: ActionRefused.self) {
            _ = try await office.determine("BC-2", outcome: .affordable, reason: "fine", by: Self.secretary)
        }
        // An NHS account cannot hold the office; only an administrator appoints.
        await #expect(throws: FieldsRefused.self) {
            _ = try await office.appoint("nhs-cfo", to: .section151Officer, by: .commandLine)
        }
        await #expect(throws: ActionRefused.self) {
            _ = try await office.appoint("kcc-clerk", to: .section151Officer, by: Self.analyst)
        }
        #expect(try await store.businessCase("BC-2")?.determinations.isEmpty == true)
        // A blank reason or control characters are refused by field.
        let officer = try await Self.actor("kcc-s151", in: store)
        await #expect(throws: FieldsRefused.self) {
            _ = try await office.determine("BC-2", outcome: .affordable, reason: "  ", by: officer)
        }
        await #expect(throws: FieldsRefused.self) {
            _ = try await office.determine("BC-2", outcome: .affordable, reason: "ok\u{7}", by: officer)
        }
    }

    @Test("a breach probability over the threshold breaches the Section 151 line even with a determination")
    func overThreshold() async throws {
        let (store, _) = try await Self.store()
        let office = CaseOffice(store: store)
        let kent = try #require(try await store.loadSystem())
        let stored = try await office.draft(
            Self.draft("BC-3"), scenario: try Self.scenario(kccEnvelope: 0), by: Self.analyst)
        #expect(try #require(stored.businessCase.financial.breach(of: "886")).probability == 1)
        _ = try await Secretariat(store: store).table(
            Self.proposal("EK-BC3"), plannedSpends: [], in: kent, by: Self.secretary)
        _ = try await office.attach("BC-3", to: "EK-BC3", by: Self.secretary)
        _ = try await office.determine(
            "BC-3", outcome: .affordable, reason: "Reserves cover it.", by: try await Self.actor("kcc-s151", in: store))
        let decision = try #require(try await store.decision("EK-BC3"))
        let memorandum = try #require(try await store.memorandum()).memorandum
        let reasons = VoteCount.blockingRedLines(decision.proposal, memorandum: memorandum, overrides: []).map(\.reason)
        #expect(reasons.count == 1)
        #expect(reasons.first?.contains("100%, not under the threshold of 10%") == true)
    }

    @Test(
        "attaching: another organisation's account is refused; a case or proposal is attached once; not after the vote")
    func attachRefused() async throws {
        let (store, _) = try await Self.store()
        let office = CaseOffice(store: store)
        let kent = try #require(try await store.loadSystem())
        _ = try await office.draft(
            Self.draft("BC-4"), scenario: try Self.scenario(kccEnvelope: 1_000_000_000_000), by: Self.analyst)
        let secretariat = Secretariat(store: store)
        _ = try await secretariat.table(Self.proposal("EK-BC4"), plannedSpends: [], in: kent, by: Self.secretary)
        _ = try await secretariat.table(
            Self.proposal("EK-BC5", sponsor: "medway"), plannedSpends: [], in: kent, by: Self.secretary)
        let medway = PoolPaymentTests.actor("medway-analyst", .analyst, for: "medway")
        await #expect(throws: ActionRefused.self) { _ = try await office.attach("BC-4", to: "EK-BC4", by: medway) }
        // KCC's analyst may not attach its case to Medway's proposal.
        await #expect(throws: ActionRefused.self) {
            _ = try await office.attach("BC-4", to: "EK-BC5", by: Self.analyst)
        }
        let viewer = PoolPaymentTests.actor("viewer", .viewer, for: "kcc")
        await #expect(throws: ActionRefused.self) { _ = try await office.attach("BC-4", to: "EK-BC4", by: viewer) }
        _ = try await office.attach("BC-4", to: "EK-BC4", by: Self.secretary)
        await #expect { _ = try await office.attach("BC-4", to: "EK-BC5", by: Self.secretary) } throws: {
            ($0 as? StoreError)?.code == .conflict
        }
        await #expect { _ = try await office.attach("BC-none", to: "EK-BC5", by: Self.secretary) } throws: {
            ($0 as? StoreError)?.code == .notFound
        }
        // A proposal sent with a case of its own making has it removed when tabled.
        var forged = Self.proposal("EK-BC6")
        forged.businessCase = AttachedBusinessCase(
            id: "forged", title: "x", greenBookGaps: [], breaches: [], determinations: [])
        let tabled = try await secretariat.table(forged, plannedSpends: [], in: kent, by: Self.secretary)
        #expect(tabled.decision.proposal.businessCase == nil)
    }

    @Test("hostile drafts: 1 MB of text, control characters, a bad scenario, a viewer — refused, nothing kept")
    func hostileDrafts() async throws {
        let (store, _) = try await Self.store()
        let office = CaseOffice(store: store)
        let scenario = try Self.scenario(kccEnvelope: 1_000_000_000_000)
        var huge = Self.draft("BC-5")
        huge.strategic = String(repeating: "x", count: 1_000_000)
        await #expect { _ = try await office.draft(huge, scenario: scenario, by: Self.analyst) } throws: {
            ($0 as? FieldsRefused)?.fields.first?.field == "strategic"
        }
        var control = Self.draft("BC-5")
        control.title = "East\u{1B}[31m Kent"
        await #expect { _ = try await office.draft(control, scenario: scenario, by: Self.analyst) } throws: {
            ($0 as? FieldsRefused)?.fields.first?.field == "title"
        }
        await #expect {
            _ = try await office.draft(Self.draft("BC-5"), scenario: Data("{".utf8), by: Self.analyst)
        } throws: {
            ($0 as? FieldsRefused)?.fields.first?.field == "scenario"
        }
        await #expect {
            _ = try await office.draft(
                Self.draft("BC-5"), scenario: Data(repeating: 32, count: 1_048_576), by: Self.analyst)
        } throws: { ($0 as? FieldsRefused)?.fields.first?.field == "scenario" }
        var lowBias = Self.draft("BC-5")
        lowBias.optimismBiasPercent = 5
        await #expect { _ = try await office.draft(lowBias, scenario: scenario, by: Self.analyst) } throws: {
            ($0 as? FieldsRefused)?.fields.first?.field == "optimismBiasPercent"
        }
        let viewer = PoolPaymentTests.actor("viewer", .viewer, for: "kcc")
        await #expect(throws: ActionRefused.self) {
            _ = try await office.draft(Self.draft("BC-5"), scenario: scenario, by: viewer)
        }
        #expect(try await store.businessCases().isEmpty)
    }
}
