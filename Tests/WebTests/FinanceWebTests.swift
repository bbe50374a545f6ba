import ConcordatCore
import Finance
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import Testing

@testable import Web

@Suite("Money on the web: ledger, settlement, pools, care networks", .serialized)
struct FinanceWebTests {
    @Test("the ledger API adds up by partner, place and pool to the system and the control total")
    func ledger() async throws {
        let app = Application(router: try buildRouter(store: try await makeDatasetStore(people: 3_000, seed: 5)))
        try await app.test(.router) { client in
            var systemActual: Int64?
            for grouping in ["partner", "place", "pool"] {
                try await client.execute(
                    uri: "/api/v1/ledger?controlTotal=5000000&months=6&by=\(grouping)", method: .get
                ) { response in
                    #expect(response.status == .ok)
                    let document = try response.json(Ledger.Document.self)
                    #expect(document.controlTotalPence == 500_000_000)
                    #expect(document.monthsElapsed == 6)
                    #expect(document.groups.reduce(0) { $0 + $1.annualBudgetPence } == 500_000_000)
                    #expect(
                        document.groups.reduce(0) { $0 + $1.actualToDatePence } == document.system.actualToDatePence)
                    #expect(document.system.budgetByMonthPence.reduce(0, +) == 500_000_000)
                    if let systemActual { #expect(document.system.actualToDatePence == systemActual) }
                    systemActual = document.system.actualToDatePence
                    if grouping == "place" { #expect(document.groups.count == 4) }
                    if grouping == "pool" { #expect(document.groups.contains { $0.code == "kcc-social-care" }) }
                }
            }
            try await client.execute(uri: "/api/v1/ledger?months=13&forecast=guess", method: .get) { response in
                #expect(response.status == .badRequest)
                let names = try response.json(Problem.self).invalidParams?.map(\.name)
                #expect(names == ["months", "forecast"])
            }
            try await client.execute(uri: "/money/ledger?by=place&forecast=seasonal", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<svg") && response.text.contains("class=\"series actual\""))
                #expect(response.text.contains("Medway &amp; Swale"))
                #expect(response.text.contains("<option value=\"seasonal\" selected>"))
            }
        }
    }

    @Test("the settlement's parts are the system variance; the page draws the waterfall")
    func settlement() async throws {
        let app = Application(router: try buildRouter(store: try await makeDatasetStore(people: 3_000, seed: 6)))
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/settlement?controlTotal=5000000", method: .get) { response in
                #expect(response.status == .ok)
                let settlement = try response.json(Settlement.self)
                #expect(settlement.borne == settlement.variance)
                #expect(settlement.lines.reduce(0) { $0 + $1.transferPence } == 0)
                #expect(settlement.lines.reduce(0) { $0 + $1.budgetPence } == 500_000_000)
            }
            try await client.execute(uri: "/money/settlement", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("class=\"chart waterfall\""))
                #expect(response.text.contains("Kent County Council"))
            }
        }
    }

    @Test("a payment that breaks a ring-fence is a 422 naming the rule, and nothing is recorded")
    func pools() async throws {
        let store = try await makeDatasetStore(people: 3_000, seed: 7)
        // The finance account acts for the pool's host (Kent County Council, local authority code 886).
        for (name, role) in [("fin", Role.finance), ("vic", .viewer)] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, organisation: role == .finance ? "886" : nil,
                    passwordHash: PasswordHashing.hash("correct horse battery", cost: 4)))
        }
        let headers = signedIn("fin")
        let viewer = signedIn("vic")
        let app = Application(router: try buildRouter(store: store))
        try await app.test(.router) { client in
            let payment = { (area: String, setting: String, pence: Int) in
                ByteBuffer(
                    string:
                        #"{"partner":"886","setting":"\#(setting)","area":"\#(area)","month":"2026-04","amountPence":\#(pence)}"#
                )
            }
            try await client.execute(
                uri: "/api/v1/pools/kcc-social-care/payments", method: .post, headers: headers,
                body: payment("medway-swale", "adult_social_care", 100)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try response.json(Problem.self)
                #expect(problem.rule == "only within the KCC area")
                #expect(problem.detail.contains("Medway"))
            }
            try await client.execute(
                uri: "/api/v1/pools/kcc-social-care/payments", method: .post, headers: headers,
                body: payment("east-kent", "mental_health", 100)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try response.json(Problem.self)
                #expect(problem.rule == "social care needs only")
            }
            try await client.execute(
                uri: "/api/v1/pools/kcc-social-care/payments", method: .post, headers: headers,
                body: payment("nowhere", "adult_social_care", -5)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try response.json(Problem.self)
                // Both faults are named at once: the unknown area and the amount below a penny.
                #expect(problem.invalidParams?.map(\.name) == ["area", "amountPence"])
            }
            try await client.execute(
                uri: "/api/v1/pools/kcc-social-care/payments", method: .post, headers: headers,
                body: payment("east-kent", "adult_social_care", 12_345)
            ) { response in
                #expect(response.status == .created)
                let document = try response.json(PoolDocument.self)
                #expect(document.spentPence == 12_345)
                #expect(document.trace.first?.spentBySetting["adult_social_care"] == 12_345)
            }
            try await client.execute(
                uri: "/api/v1/pools/nope/payments", method: .post, headers: headers,
                body: payment("east-kent", "adult_social_care", 1)
            ) { response in
                #expect(response.status == .notFound)
            }
            // Paying needs a finance (or administrator) sign-in.
            for (who, status) in [(jsonHeaders, HTTPResponse.Status.unauthorized), (viewer, .forbidden)] {
                try await client.execute(
                    uri: "/api/v1/pools/kcc-social-care/payments", method: .post, headers: who,
                    body: payment("east-kent", "adult_social_care", 1)
                ) { response in
                    #expect(response.status == status)
                }
            }
            try await client.execute(uri: "/money/pools", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("only within the KCC area"))
                #expect(response.text.contains("£123.45"))
            }
        }
        #expect(try await store.poolAccount(code: "kcc-social-care").payments.count == 1)
    }

    @Test("care-network and component budgets reconcile both ways; the person-based basis allocates the same total")
    func matrices() async throws {
        let app = Application(router: try buildRouter(store: try await makeDatasetStore(people: 3_000, seed: 8)))
        try await app.test(.router) { client in
            for uri in [
                "/api/v1/allocation?controlTotal=1000000&by=network",
                "/api/v1/allocation?controlTotal=1000000&basis=person-based&by=component",
                "/api/v1/allocation?controlTotal=1000000&by=component&componentShares=G%26A=0.5,CS=0.1,MH=0.1,Mat=0.05,Health%20Ineq=0.05,Prescr=0.2",
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let document = try response.json(CapitationAllocation.Document.self)
                    let matrix = try #require(document.matrix)
                    let budgets = Dictionary(
                        uniqueKeysWithValues: document.allocations.map { ($0.code, $0.budgetPence) })
                    for (row, code) in matrix.rows.enumerated() {
                        #expect(matrix.cellsPence[row].reduce(0, +) == budgets[code])
                    }
                    #expect(matrix.cellsPence.flatMap { $0 }.reduce(0, +) == 100_000_000)
                    #expect(matrix.cellsPence.allSatisfy { $0.allSatisfy { $0 >= 0 } })
                }
            }
            try await client.execute(uri: "/api/v1/allocation?controlTotal=1000000&by=component", method: .get) {
                response in
                #expect(response.status == .conflict)
                let problem = try response.json(Problem.self)
                #expect(problem.detail.contains("share of spend"))
            }
            try await client.execute(uri: "/money?basis=person-based&controlTotal=1000000", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("the person-based formula"))
                #expect(response.text.contains("Budgets by care network"))
                #expect(response.text.contains("Distance from target"))
            }
        }
    }

    @Test("without a dataset, the ledger is a 409 saying what to load, not a 500")
    func noDataset() async throws {
        let app = try await makeApp(try kentMedway.get())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/v1/ledger", method: .get) { response in
                #expect(response.status == .conflict)
                let problem = try response.json(Problem.self)
                #expect(problem.detail.contains("dataset"))
            }
            try await client.execute(uri: "/money/pools", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("No pools yet"))
            }
        }
    }
}
