import ConcordatCore
import Foundation
import Storage
import Testing
import Web

#if canImport(Glibc)
    import Glibc
#endif

/// The finance commands as a user runs them, on a database the real `concordat demo` set up.
@Suite("concordat ledger, settle, pool and allocate --by as processes", .serialized)
struct FinanceProcessTests {
    /// A folder whose concordat.sqlite holds Kent & Medway, a 4,000-person synthetic dataset and its pools.
    static func demoFolder() async throws -> URL {
        let folder = try ConcordatProcess.temporaryFolder("finance")
        let port = ConcordatProcess.freePort()
        let (process, _) = try ConcordatProcess.start(
            ["demo", "--people", "4000"], in: folder, environment: ["CONCORDAT_PORT": String(port)])
        defer { if process.isRunning { process.terminate() } }
        var answered = false
        for _ in 0..<240 where !answered {
            try await Task.sleep(for: .milliseconds(250))
            answered = await ConcordatProcess.get(URL(string: "http://127.0.0.1:\(port)/health")!) != nil
        }
        try #require(answered, "the demo did not start")
        kill(process.processIdentifier, SIGINT)
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        return folder
    }

    static func json(_ output: String) throws -> [String: Any] {
        let start = try #require(output.firstIndex(of: "{"))
        return try #require(try JSONSerialization.jsonObject(with: Data(output[start...].utf8)) as? [String: Any])
    }

    @Test("ledger, settlement, pools and budget matrices reconcile to the penny; breaches are refused by name")
    func finance() async throws {
        let folder = try await Self.demoFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The ledger: partners' budgets add up to the control total; the system line is the sum of partners.
        let ledger = try ConcordatProcess.run(["ledger", "--format", "json", "--control-total", "£7m"], in: folder)
        #expect(ledger.status == 0, "\(ledger.output)")
        let document = try Self.json(ledger.output)
        let groups = try #require(document["groups"] as? [[String: Any]])
        let system = try #require(document["system"] as? [String: Any])
        #expect(groups.reduce(0) { $0 + ($1["annualBudgetPence"] as! Int) } == 700_000_000)
        #expect(system["annualBudgetPence"] as? Int == 700_000_000)
        #expect(groups.reduce(0) { $0 + ($1["actualToDatePence"] as! Int) } == system["actualToDatePence"] as? Int)
        #expect((system["actualByMonthPence"] as? [Int])?.count == 8)
        #expect(groups.contains { $0["code"] as? String == "886" })

        // Settlement of the ledger's forecast: the parts borne are exactly the system variance.
        let settle = try ConcordatProcess.run(["settle", "--format", "json", "--control-total", "£7m"], in: folder)
        #expect(settle.status == 0, "\(settle.output)")
        let lines = try #require(try Self.json(settle.output)["lines"] as? [[String: Any]])
        let variance = lines.reduce(0) { $0 + ($1["actualPence"] as! Int) - ($1["budgetPence"] as! Int) }
        #expect(lines.reduce(0) { $0 + ($1["bornePence"] as! Int) } == variance)
        #expect(variance == (system["forecastOutturnPence"] as! Int) - 700_000_000)

        // Positions from a file: the worked corridor example.
        try "partner,budget,actual\ntrust,£100m,£105m\ncouncil,£50m,£50m\nicb,£50m,£50m\n".write(
            to: folder.appendingPathComponent("positions.csv"), atomically: true, encoding: .utf8)
        let worked = try ConcordatProcess.run(["settle", "--positions", "positions.csv"], in: folder)
        #expect(worked.output.contains("£4,100,000.00"), "\(worked.output)")
        #expect(worked.output.contains("-£900,000.00"))
        try "partner,budget,actual\ntrust,lots,£1\n".write(
            to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try ConcordatProcess.run(["settle", "--positions", "bad.csv"], in: folder)
        #expect(bad.status != 0 && bad.output.contains("bad.csv:2") && bad.output.contains("budget"), "\(bad.output)")

        // Pools: the county council's money is refused in Medway, by the rule's name, and nothing is recorded.
        let list = try ConcordatProcess.run(["pool", "list"], in: folder)
        #expect(list.output.contains("kcc-social-care") && list.output.contains("medway-social-care"))
        let refused = try ConcordatProcess.run(
            [
                "pool", "pay", "--pool", "kcc-social-care", "--partner", "886", "--setting", "adult_social_care",
                "--area", "medway-swale", "--month", "2026-04", "--amount", "£1,000",
            ], in: folder)
        #expect(refused.status != 0)
        #expect(refused.output.contains("only within the KCC area") && refused.output.contains("Medway"))
        let acute = try ConcordatProcess.run(
            [
                "pool", "pay", "--pool", "kcc-social-care", "--partner", "RVV", "--setting", "inpatient_elective",
                "--area", "east-kent", "--month", "2026-04", "--amount", "£1,000",
            ], in: folder)
        #expect(acute.status != 0 && acute.output.contains("social care needs only"))
        let paid = try ConcordatProcess.run(
            [
                "pool", "pay", "--pool", "kcc-social-care", "--partner", "886", "--setting", "adult_social_care",
                "--area", "east-kent", "--month", "2026-04", "--amount", "£1,000",
            ], in: folder)
        #expect(paid.status == 0, "\(paid.output)")
        let shown = try ConcordatProcess.run(["pool", "show", "kcc-social-care"], in: folder)
        #expect(shown.output.contains("£1,000.00 spent") && shown.output.contains("1 payments"))

        // Care-network budgets: each place's row adds up to its budget, and the columns to the control total.
        let networks = try ConcordatProcess.run(
            ["allocate", "--control-total", "£7m", "--year", "2026/27", "--by", "network", "--format", "json"],
            in: folder)
        #expect(networks.status == 0, "\(networks.output)")
        let allocation = try Self.json(networks.output)
        let matrix = try #require(allocation["matrix"] as? [String: Any])
        let cells = try #require(matrix["cellsPence"] as? [[Int]])
        let rows = try #require(matrix["rows"] as? [String])
        let budgets = Dictionary(
            uniqueKeysWithValues: (allocation["allocations"] as! [[String: Any]]).map {
                ($0["code"] as! String, $0["budgetPence"] as! Int)
            })
        for (row, code) in rows.enumerated() { #expect(cells[row].reduce(0, +) == budgets[code]) }
        #expect(cells.flatMap { $0 }.reduce(0, +) == 700_000_000)
        #expect((matrix["columns"] as? [String])?.count == 6)
        // NHS England's place-based need indices on every row, as the API gives them.
        let places = (allocation["allocations"] as! [[String: Any]]).filter { $0["level"] as? String == "place" }
        #expect(places.count == 4)
        for place in places {
            let indices = try #require(place["needIndices"] as? [String: Double])
            #expect(indices.count == 9 && indices["overall"].map { (0.5...1.5).contains($0) } == true)
        }
        #expect(
            (places.first { $0["code"] as? String == "medway-swale" }?["needIndices"] as? [String: Double])?[
                "healthInequalities"] == 1.13)

        // The person-based basis allocates the same control total, to every practice.
        let personBased = try ConcordatProcess.run(
            ["allocate", "--control-total", "£7m", "--year", "2026/27", "--basis", "person-based", "--format", "json"],
            in: folder)
        #expect(personBased.status == 0, "\(personBased.output)")
        let personLines = try #require(try Self.json(personBased.output)["allocations"] as? [[String: Any]])
        #expect(personLines.first?["budgetPence"] as? Int == 700_000_000)
        #expect(personLines.filter { $0["level"] as? String == "practice" }.count == 175)

        // The demo's governance: the memorandum, a decided proposal (vote, ten ratifications), an open one.
        let audit = try ConcordatProcess.run(["audit", "verify"], in: folder)
        #expect(
            audit.status == 0 && audit.output.contains("All 14 entries of the decision register verify"),
            "\(audit.output)")

        // Imported actuals with a month outside the year are refused with file, line and field.
        try "month,partner,place,actual\n2031-01,886,east-kent,£10\n".write(
            to: folder.appendingPathComponent("actuals.csv"), atomically: true, encoding: .utf8)
        let badActuals = try ConcordatProcess.run(["ledger", "--actuals", "actuals.csv"], in: folder)
        #expect(
            badActuals.status != 0 && badActuals.output.contains("actuals.csv") && badActuals.output.contains("month"))
    }

    @Test("user add reads the password from standard input, hashes it, and refuses weak passwords and taken names")
    func userAdd() async throws {
        let folder = try ConcordatProcess.temporaryFolder("users")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConcordatProcess.run(["init"], in: folder).status == 0)
        let add = ["user", "add", "--username", "ann", "--role", "analyst", "--password-stdin", "--cost", "4"]
        let added = try ConcordatProcess.run(add, in: folder, input: "correct horse battery\n")
        #expect(added.status == 0, "\(added.output)")
        let store = try SQLiteStore(path: folder.appendingPathComponent("concordat.sqlite").path)
        let account = try #require(try await store.user("ann"))
        #expect(account.role == .analyst)
        #expect(account.passwordHash.hasPrefix("$2") && !account.passwordHash.contains("correct horse"))
        #expect(PasswordHashing.verify("correct horse battery", hash: account.passwordHash))
        let again = try ConcordatProcess.run(add, in: folder, input: "correct horse battery\n")
        #expect(again.status != 0 && again.output.contains("already exists"))
        let weak = try ConcordatProcess.run(
            ["user", "add", "--username", "bob", "--role", "viewer", "--password-stdin"], in: folder, input: "short\n")
        #expect(weak.status != 0 && weak.output.contains("at least 12"))
        #expect(try await store.user("bob") == nil)
    }

    @Test("the MSSP preset reconciles an ACO as 42 CFR 425 describes")
    func mssp() throws {
        let folder = try ConcordatProcess.temporaryFolder("mssp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ConcordatProcess.run(
            [
                "settle", "--preset", "mssp", "--track", "basic-a", "--assigned", "20000", "--benchmark", "$100m",
                "--expenditure", "$97m",
            ], in: folder)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Earned shared savings:    $1,200,000.00"))
        #expect(result.output.contains("2.50%"))
        #expect(result.output.contains("Paid to the ACO:          $1,176,000.00"))
        // The JSON keeps its fields and adds earnedAmount in cents: half-rate sharing below the MSR, less 2%.
        let reduced = try ConcordatProcess.run(
            [
                "settle", "--preset", "mssp", "--track", "basic-a", "--assigned", "20000", "--benchmark", "$100m",
                "--expenditure", "$98m", "--reduced-rate", "--format", "json",
            ], in: folder)
        #expect(reduced.status == 0, "\(reduced.output)")
        let json = try Self.json(reduced.output)
        #expect(json["earnedAmount"] as? Int == 39_200_000 && json["sharedAmount"] as? Int == 40_000_000)
        let disaster = try ConcordatProcess.run(
            [
                "settle", "--preset", "mssp", "--track", "enhanced", "--assigned", "30000", "--minimum-rate", "2%",
                "--benchmark", "$100m", "--expenditure", "$105m", "--disaster-adjustment", "$500k", "--format", "json",
            ], in: folder)
        #expect(try Self.json(disaster.output)["earnedAmount"] as? Int == -150_000_000, "\(disaster.output)")
        let guarded = try ConcordatProcess.run(
            [
                "settle", "--preset", "mssp", "--assigned", "20000", "--benchmark", "$100m", "--expenditure", "$97m",
                "--guardrail", "--format", "json",
            ], in: folder)
        #expect(try Self.json(guarded.output)["earnedAmount"] as? Int == 0)
    }
}
