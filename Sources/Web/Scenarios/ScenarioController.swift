import ConcordatCore
import Disclosure
import Foundation
import Hummingbird
import Partnership
import Storage

/// What-if scenarios on the web (issue 17): `POST /api/v1/scenarios` (analysts; the body is the definition
/// JSON) queues a run as a job (``JobKind/scenario``) and answers 202 with the scenario's URL;
/// `GET /api/v1/scenarios` and `GET /api/v1/scenarios/{id}` give status, progress and the published results
/// (``Partnership/ScenarioReport``); `POST /api/v1/scenarios/{id}/cancel` (an analyst of the organisation
/// that submitted it) cancels a queued or running one. The pages are in `ScenarioController+Pages.swift`. Reading is open, as
/// the other pages are: the results have passed the disclosure gate and authors are named publicly.
struct ScenarioController<Context: RequestContext> {
    let registry: SystemRegistry
    let store: any Store
    let renderer: PageRenderer
    let runner: JobRunner
    let policy: DisclosurePolicy
    let live: ScenarioProgress

    var desk: ScenarioDesk { ScenarioDesk(store: store, policy: policy) }

    /// A scenario as the API shows it: who by (publicly), where its run stands, and its results once done.
    struct ScenarioDocument: ResponseCodable {
        var id: Int64
        var url: String
        var name: String
        var author: String
        var createdAt: Date
        var status: String
        var progress: Double
        var failure: String?
        var job: Int?
        var results: ScenarioReport?
    }

    /// The API routes, to mount at `/api/v1`.
    var apiRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.post("scenarios", use: submit)
        routes.get("scenarios") { _, _ -> ListDocument<ScenarioDocument> in
            var stored: [StoredScenario] = []
            for scenario in try await desk.scenarios() {
                stored.append(
                    scenario.status == .queued || scenario.status == .running
                        ? try await current(scenario.id).scenario : scenario)
            }
            let names = await PublicNames(store: store).names(of: stored.map(\.author))
            return ListDocument(items: stored.map { document($0, author: names[$0.author] ?? "", report: nil) })
        }
        routes.post("scenarios/:id/cancel") { request, context -> ScenarioDocument in
            let user = try await Authentication(store: store).user(
                request, may: \.mayRunScenarios, toDo: "cancel scenarios")
            let cancelled = try await cancel(try Self.id(context), by: user)
            let names = await PublicNames(store: store).names(of: [cancelled.author])
            return document(cancelled, author: names[cancelled.author] ?? "", report: nil)
        }
        routes.get("scenarios/:id") { _, context -> ScenarioDocument in
            let (stored, report) = try await current(try Self.id(context))
            let names = await PublicNames(store: store).names(of: [stored.author])
            return document(stored, author: names[stored.author] ?? "", report: report)
        }
        return routes
    }

    /// `POST /api/v1/scenarios`: checks and keeps the definition, queues its run, answers 202.
    @Sendable func submit(_ request: Request, context: Context) async throws -> EditedResponse<ScenarioDocument> {
        let user = try await Authentication(store: store).user(
            request, may: \.mayRunScenarios, toDo: "run scenarios")
        let body = try await request.body.collect(upTo: ScenarioDesk.maximumDefinitionBytes)
        let stored = try await queue(Data(buffer: body), by: user)
        let url = "/api/v1/scenarios/\(stored.scenario.id)"
        return EditedResponse(
            status: .accepted, headers: [.location: url],
            response: document(
                stored.scenario, author: await PublicNames(store: store).name(of: user), report: nil, job: stored.job))
    }

    /// Keeps `definition` as `user`'s and starts its run as a job.
    func queue(_ definition: Data, by user: UserAccount) async throws -> (scenario: StoredScenario, job: Int) {
        let stored = try await desk.submit(definition, by: user)
        let (desk, live) = (self.desk, self.live)
        await live.note(stored.id, 0)
        let job = await runner.start(kind: .scenario, by: await PublicNames(store: store).name(of: user)) { handle in
            try await handle.report(0, "running \(stored.name)")
            let done: StoredScenario
            do {
                done = try await desk.run(stored.id) { progress in
                    handle.note(progress, "Monte Carlo runs")
                    Task { await live.note(stored.id, progress) }
                }
                await live.finish(stored.id)
            } catch {
                await live.finish(stored.id)
                throw error
            }
            guard done.status == .done else {
                throw JobRunner.Refusal(reason: done.failure ?? "the scenario could not be run")
            }
            return "scenario \(stored.id) run: /scenarios/\(stored.id)"
        }
        await live.note(stored.id, job: job.id)
        return (stored, job.id)
    }

    /// Cancels scenario `id` for `user` (``Partnership/ScenarioDesk/cancel(_:by:)``: kept cancelled in the
    /// store at once), then stops its job, whose run ends at the model's next checkpoint.
    /// - Throws: 404 for no such scenario, 403 for another organisation's, 409 when its run has ended.
    func cancel(_ id: Int64, by user: UserAccount) async throws -> StoredScenario {
        let cancelled = try await desk.cancel(id, by: user)
        if let job = await live.job(of: id) { _ = await runner.cancel(job) }
        return cancelled
    }

    /// Scenario `id` and its results, with its live progress while it runs here; one left queued or running
    /// by a server that has since stopped is marked failed, saying so.
    func current(_ id: Int64) async throws -> (scenario: StoredScenario, report: ScenarioReport?) {
        var (stored, report) = try await desk.scenario(id)
        guard stored.status == .queued || stored.status == .running else { return (stored, report) }
        guard let progress = await live.of(id) else { return (try await desk.abandon(id), report) }
        stored.progress = progress
        return (stored, report)
    }

    func document(_ stored: StoredScenario, author: String, report: ScenarioReport?, job: Int? = nil)
        -> ScenarioDocument
    {
        ScenarioDocument(
            id: stored.id, url: "/api/v1/scenarios/\(stored.id)", name: stored.name, author: author,
            createdAt: stored.createdAt, status: stored.status.rawValue, progress: stored.progress,
            failure: stored.failure, job: job, results: report)
    }

    /// The `{id}` of the path.
    /// - Throws: 404 when it is not a scenario's number.
    static func id(_ context: Context) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")), id > 0 else {
            throw Problem.notFound("no such scenario")
        }
        return id
    }
}
