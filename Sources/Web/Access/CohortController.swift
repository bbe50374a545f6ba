import ConcordatCore
import Foundation
import Hummingbird
import Logging
import Storage

/// The top-risk cohort by person, for case management: `GET /api/v1/practices/{code}/cohort`. Only an
/// analyst may read it; every read is written to the access log (who, when, which practice, how many
/// people) before the list is returned, and to the server log without any person in it.
/// `GET /api/v1/access-log` lets an administrator audit those reads.
struct CohortController<Context: RequestContext> {
    let registry: SystemRegistry
    let store: any Store

    /// The cohort as the API returns it.
    struct CohortDocument: ResponseCodable {
        struct Person: Codable {
            /// The pseudonym: only the data provider, with its key, can re-identify the person.
            var personId: String
            var riskPercent: Double
            var rank: Int
        }
        var practice: String
        var practiceName: String
        var people: [Person]
        var accessLogged: Bool
    }

    /// The routes, to mount at `/api/v1`.
    var routes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("practices/:code/cohort", use: cohort)
        routes.get("access-log", use: accessLog)
        return routes
    }

    /// `GET /api/v1/practices/{code}/cohort`: a practice's top-risk cohort, for analysts, each read logged
    /// before anything is answered.
    @Sendable func cohort(_ request: Request, context: Context) async throws -> CohortDocument {
        let code = try context.parameters.require("code")
        let user = try await Authentication(store: store).user(
            request, may: \.mayViewIdentifiableCohorts, toDo: "see identifiable cohorts (analysts only)")
        let system = try await registry.system()
        guard let practice = system.area(code), system.children(of: code).isEmpty else {
            throw Problem.notFound("no practice has the code '\(code)'")
        }
        let members = try await store.riskCohort(practice: code)
        // Logged before anything is returned: no read goes unrecorded.
        try await store.recordAccess(
            AccessLogEntry(
                at: Date(), username: user.username, action: "viewed the top-risk cohort", subject: code,
                detail: "\(members.count) people"))
        context.logger.info(
            "identifiable cohort read",
            metadata: ["user": "\(user.username)", "practice": "\(code)", "people": "\(members.count)"])
        return CohortDocument(
            practice: code, practiceName: practice.name,
            people: members.map {
                .init(personId: $0.personID, riskPercent: ($0.risk * 1000).rounded() / 10, rank: $0.rank)
            }, accessLogged: true)
    }

    /// `GET /api/v1/access-log`: the latest 500 reads of identifiable data, for those who may read it.
    @Sendable func accessLog(_ request: Request, context: Context) async throws -> ListDocument<AccessLogEntry> {
        _ = try await Authentication(store: store).user(request, may: \.mayReadAccessLog, toDo: "read the access log")
        return ListDocument(items: try await store.accessLog(limit: 500))
    }
}
