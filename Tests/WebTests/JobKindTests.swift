import Foundation
import Testing

@testable import Web

@Suite("Job kinds are an enum with the names the API has always used")
struct JobKindTests {
    @Test("the raw values are today's names, so the API and metrics read as before")
    func rawValues() throws {
        #expect(JobKind.allCases.map(\.rawValue) == ["analysis", "import", "scenario"])
        #expect(try JobKind(named: "import") == .import)
    }

    @Test("an unknown kind is a 400 naming the field and the kinds, not a crash")
    func unknownByName() {
        do {
            _ = try JobKind(named: "magic")
            Issue.record("an unknown kind was accepted")
        } catch let problem as Problem {
            #expect(problem.statusCode == 400)
            #expect(
                problem.invalidParams == [.init(name: "kind", reason: "'magic' is not a job: use analysis or import")])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a job read back with an unknown kind is a decoding error that names it, not a crash")
    func unknownDecoded() throws {
        let job = JobRunner.Job(
            id: 1, kind: .analysis, startedBy: "NHS Kent and Medway", startedAt: Date(timeIntervalSince1970: 0),
            progress: 1, stage: "done", status: .done, result: "ok")
        let json = String(decoding: try JSONEncoder().encode(job), as: UTF8.self)
        #expect(json.contains(#""kind":"analysis""#))
        #expect(try JSONDecoder().decode(JobRunner.Job.self, from: Data(json.utf8)).kind == .analysis)
        let spoiled = json.replacingOccurrences(of: #""kind":"analysis""#, with: #""kind":"magic""#)
        do {
            _ = try JSONDecoder().decode(JobRunner.Job.self, from: Data(spoiled.utf8))
            Issue.record("an unknown stored kind was read")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("'magic' is not a job kind: the kinds are analysis, import"))
            #expect(context.codingPath.map(\.stringValue) == ["kind"])
        }
    }
}
