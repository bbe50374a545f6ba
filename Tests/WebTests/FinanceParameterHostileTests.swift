import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Web

/// The finance parameters added with the application layer (`pace=`, `baselines=`, `explain=`, `year=`),
/// sent hostile values on every route that reads them: each is a clear 4xx problem (or, where the route
/// does not read the parameter, the ordinary answer), never a 500 or a crash.
@Suite("Hostile finance parameters: pace, baselines, explain, year", .serialized)
struct FinanceParameterHostileTests {
    static let parameters = ["pace", "baselines", "explain", "year"]

    /// Values no parameter should take, percent-encoded for a query.
    static let values: [String] = [
        "", " ", "NaN", "nan", "-nan", "inf", "-inf", "Infinity", "-1", "-0", "0", "1e308", "-1e308", "1e-320",
        "99999999999999999999999999", "-9223372036854775808", "2147483648", "1/0", "0x10", "1,2,3", ",,,", "=",
        "%", "%00", "\u{0}", "\u{202E}evil", "２０２５", "٢٠٢٥", "2025-26-27", "2025/26", "1925-26", "9999-00",
        "💷", "e\u{301}", "<script>alert(1)</script>", "'; DROP TABLE area; --", "../../etc/passwd",
        "east-kent:NaN", "east-kent:-1", "east-kent:1e400", "east-kent:£-5", "east-kent:£1e9999", "nowhere:£1",
        "east-kent:£1,east-kent:£2", String(repeating: "east-kent:£1,", count: 5_000), "no-such-place",
        String(repeating: "9", count: 400), "floor=NaN,cap=5%", "floor=-100%,cap=1e308%", "floor=5%,cap=1%",
        "floor=1%,cap=5%,cap=6%", "floor=1%", "floor=%,cap=%", "floor=-0%,cap=-0%", "floor=100%,cap=100%",
        "east-kent=£-5", "east-kent=NaN", "nowhere=£1", "east-kent=£1e9999", "east-kent=£999999999999999999",
        "east-kent=£1,east-kent=£2", "2026/27", "2026/28", "-001/00", "0000/01", "9999/00",
    ]

    static let routes = ["/api/v1/allocation", "/api/v1/ledger", "/money"]

    static func encoded(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+%#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Checks one answer: never a 5xx; a refusal is a 4xx, as problem+json under `/api/`.
    static func check(_ response: TestResponse, _ what: String) {
        #expect(response.status.code < 500, "\(what) answered \(response.status.code)")
        if response.status.code >= 400, what.hasPrefix("/api/") {
            #expect(response.headers[.contentType] == "application/problem+json", "\(what)")
            #expect((try? response.json(Problem.self))?.detail.isEmpty == false, "\(what)")
        }
    }

    @Test("every hostile value of every new parameter on every finance route is a 4xx or an answer, never a 500")
    func sweep() async throws {
        let app = Application(router: try buildRouter(store: try await makeDatasetStore(people: 1_500, seed: 11)))
        try await app.test(.router) { client in
            for route in Self.routes {
                for parameter in Self.parameters {
                    for value in Self.values {
                        let uri = "\(route)?controlTotal=5000000&\(parameter)=\(Self.encoded(value))"
                        try await client.execute(uri: uri, method: .get) { response in
                            Self.check(response, "\(route) \(parameter)=\(value.prefix(40))")
                        }
                    }
                    // The same parameter twice, and with no value at all.
                    for query in ["\(parameter)=2025-26&\(parameter)=NaN", parameter] {
                        try await client.execute(uri: "\(route)?controlTotal=5000000&\(query)", method: .get) {
                            response in Self.check(response, "\(route) \(query)")
                        }
                    }
                }
            }
        }
    }

    @Test("named refusals: a bad pace, baselines or year on the allocation is a 400 naming the parameter")
    func namedRefusals() async throws {
        let app = Application(router: try buildRouter(store: try await makeDatasetStore(people: 1_500, seed: 11)))
        try await app.test(.router) { client in
            for (parameter, value) in [
                ("pace", "NaN"), ("pace", "-1"), ("baselines", "east-kent:NaN"), ("baselines", "nowhere:£1"),
                ("year", "2025-27"), ("year", "９９"),
            ] {
                let uri = "/api/v1/allocation?controlTotal=5000000&\(parameter)=\(Self.encoded(value))"
                try await client.execute(uri: uri, method: .get) { response in
                    #expect((400..<500).contains(response.status.code), "\(parameter)=\(value)")
                    let problem = try response.json(Problem.self)
                    #expect(
                        problem.invalidParams?.contains { $0.name == parameter } == true
                            || problem.detail.contains(parameter), "\(parameter)=\(value): \(problem.detail)")
                }
            }
        }
    }

    @Test("a 10 MB value of each parameter is refused or ignored, never a 500")
    func tenMegabytes() async throws {
        let app = Application(router: try buildRouter(store: try await makeDatasetStore(people: 1_500, seed: 11)))
        let huge = String(repeating: "9", count: 10 * 1024 * 1024)
        try await app.test(.router) { client in
            for parameter in Self.parameters {
                let uri = "/api/v1/allocation?controlTotal=5000000&\(parameter)=\(huge)"
                try await client.execute(uri: uri, method: .get) { response in
                    Self.check(response, "/api/v1/allocation \(parameter)=<10 MB>")
                    #expect(response.body.readableBytes < 1_000_000, "the refusal does not echo 10 MB back")
                }
            }
        }
    }
}
