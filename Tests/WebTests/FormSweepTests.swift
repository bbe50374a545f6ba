import Assurance
import ConcordatCore
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Web

/// Every form the pages post, with every field set to the edges of every type, by a signed-in secretary
/// and a partner representative with the session's token: refused with a 4xx or accepted, never a 500
/// and never a trap (which would stop this test process).
@Suite("Extreme input in every form", .serialized)
struct FormSweepTests {
    static let values: [String] = [
        "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e309", "-1e309", "-0", "NaN",
        "inf", "-1", "0", "%C2%A392233720368547758", "%C2%A33%2C1bn", "%00", "%0D%0A", "%E2%80%AE",
        String(repeating: "9", count: 400), String(repeating: "x", count: 60_000),
    ]

    @Test("every form field, alone and all at once, with extremes")
    func forms() async throws {
        let store = try SQLiteStore()
        try await store.replaceSystem(try kentMedway.get())
        try await adoptEastKentMemorandum(store)
        let proposal = Proposal(
            id: "F1", title: "Form sweep", type: .engagement, tabled: Day(year: 2018, month: 6, day: 14)!,
            hasGreenBookBusinessCase: true, hasExitArrangements: true)
        _ = try await store.updateDecision("F1") { _ in (DecisionRecord(proposal: proposal), .proposal, "") }
        for (name, role, organisation) in [
            ("sweep-secretary", Role.boardSecretary, String?.none), ("sweep-rep", .partnerRepresentative, "kcc"),
        ] {
            try await store.insertUser(
                UserAccount(
                    username: name, role: role, organisation: organisation,
                    passwordHash: PasswordHashing.hash(testPassword, cost: 4)))
        }
        let router = try buildRouter(store: store)
        let forms = router.routes.filter { $0.method == .post && !$0.path.description.hasPrefix("/api") }
            .map { route in route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "F1" : String($0) } }
            .map { "/" + $0.joined(separator: "/") }
        #expect(forms.count >= 6)
        let fields =
            ["place", "month", "narrative", "actions", "choice", "kind", "username", "password", "id", "status"]
            + IndicatorCatalogue.standard.map { "value-\($0.code)" }
        let app = Application(router: router)
        try await app.test(.router) { client in
            for user in ["sweep-secretary", "sweep-rep"] {
                let (cookie, csrf) = try await SignInTests.signIn(client, user)
                var headers = SignInTests.form
                headers[.cookie] = cookie
                for form in forms where form != "/sign-out" {
                    for value in Self.values {
                        var bodies = [fields.map { "\($0)=\(value)" }.joined(separator: "&")]
                        bodies += fields.map { "place=east-kent&month=2026-10&\($0)=\(value)" }
                        for body in bodies {
                            try await client.execute(
                                uri: form, method: .post, headers: headers,
                                body: ByteBuffer(string: body + "&csrf=\(csrf)")
                            ) { response in
                                #expect(
                                    response.status.code < 500,
                                    "\(user) \(form) \(body.prefix(120)): \(response.status)")
                            }
                        }
                    }
                }
            }
        }
        // Two users × every form but sign-out × every value × (all fields at once, then each alone).
        #expect(2 * (forms.count - 1) * Self.values.count * (fields.count + 1) > 1_000)
    }
}
