import ConcordatCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Storage
import Testing

@testable import Web

@Suite("Tables download as CSV; every level has the same tabs")
struct DownloadTests {
    @Test("CSV quoting follows RFC 4180")
    func quoting() {
        let csv = CSVDownload(
            filename: "x.csv", header: ["a", "b"], rows: [[.text("Medway & Swale"), .text("Says \"hi\", twice")]])
        #expect(csv.text == "a,b\r\nMedway & Swale,\"Says \"\"hi\"\", twice\"\r\n")
    }

    @Test("downloads neutralise formulas in text cells (OWASP) but keep negative numbers as numbers")
    func formulaInjection() {
        let csv = CSVDownload(
            filename: "x.csv", header: ["name", "variance_pence"],
            rows: [
                [.text("=HYPERLINK(\"http://evil.example\",\"click\")"), .integer(-1_250)],
                [.text("+cmd|' /C calc'!A0"), .number("-0.25")],
                [.text("@SUM(A1:A2)"), .number("=1+1")],
                [.text("-2+3"), .integer(0)],
                [.text("\tTabbed"), .text("\rReturned")],
            ])
        #expect(
            csv.text == "name,variance_pence\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",-1250\r\n"
                + "'+cmd|' /C calc'!A0,-0.25\r\n"
                + "'@SUM(A1:A2),'=1+1\r\n"
                + "'-2+3,0\r\n"
                + "'\tTabbed,\"'\rReturned\"\r\n")
    }

    @Test("areas, budgets and indicator values download as CSV; area pages carry the five tabs")
    func downloads() async throws {
        let kent = try kentMedway.get()
        let app = try await makeApp(kent)
        try await app.test(.router) { client in
            try await client.execute(uri: "/areas/east-kent/children.csv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition]?.contains("attachment") == true)
                let lines = response.text.split(separator: "\r\n")
                #expect(lines.first == "code,name,level,registered_population")
                let total = lines.dropFirst().compactMap { Int($0.split(separator: ",").last ?? "") }.reduce(0, +)
                #expect(total == kent.population(of: "east-kent").total)
            }
            try await client.execute(uri: "/money/allocation.csv?controlTotal=1000000", method: .get) { response in
                let lines = response.text.split(separator: "\r\n")
                #expect(lines.count == 1 + 225)
                #expect(lines.dropFirst().first?.hasSuffix(",100000000") == true)  // the system's whole budget
            }
            try await client.execute(uri: "/assurance/values.csv", method: .get) { response in
                #expect(response.text.hasPrefix("indicator,area,month,value,numerator,denominator"))
            }
            for code in ["QKS", "east-kent", "U34235", "G82002"] {
                try await client.execute(uri: "/areas/\(code)", method: .get) { response in
                    for tab in ["Population", "Needs", "Money", "Outcomes", "Risks"] {
                        #expect(response.text.contains(">\(tab)</a>"), "\(code) \(tab)")
                    }
                    #expect(response.text.contains("href=\"/risks?area=\(code)\""))
                }
            }
            try await client.execute(uri: "/areas/G82002", method: .get) { response in
                // A practice's outcomes are its place's.
                #expect(response.text.contains("href=\"/assurance/east-kent\""))
            }
            try await client.execute(uri: "/risks?area=nowhere", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}

@Suite("Sortable tables without JavaScript")
struct SortableTableTests {
    @Test("an area's table sorts by name or by registered population through links; a bad sort is a 400")
    func sorting() async throws {
        let kent = try kentMedway.get()
        let app = try await makeApp(kent)
        let pcns = kent.children(of: "east-kent")
        let largest = try #require(pcns.max { kent.population(of: $0.code).total < kent.population(of: $1.code).total })
        let first = try #require(pcns.min { $0.name.localizedStandardCompare($1.name) == .orderedAscending })
        try await app.test(.router) { client in
            try await client.execute(uri: "/areas/east-kent?sort=population", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("aria-sort=\"descending\""))
                let body = response.text
                let table = try #require(body.range(of: "id=\"contents\"")).upperBound
                let firstRow = try #require(body.range(of: "<tr><td><a href=\"/areas/", range: table..<body.endIndex))
                #expect(body[firstRow.upperBound...].hasPrefix(largest.code))
            }
            try await client.execute(uri: "/areas/east-kent?sort=name", method: .get) { response in
                let body = response.text
                let table = try #require(body.range(of: "id=\"contents\"")).upperBound
                let firstRow = try #require(body.range(of: "<tr><td><a href=\"/areas/", range: table..<body.endIndex))
                #expect(body[firstRow.upperBound...].hasPrefix(first.code))
                #expect(body.contains("href=\"?sort=population#contents\""))
            }
            try await client.execute(uri: "/areas/east-kent?sort=colour", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
