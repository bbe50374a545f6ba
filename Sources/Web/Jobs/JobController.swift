import ConcordatCore
import Foundation
import Hummingbird
import Ingest
import Partnership
import PopulationHealth
import Storage

/// Background jobs on the web: `GET|POST /api/v1/jobs`, `POST /api/v1/jobs/{id}/cancel`, and the `/jobs`
/// page, which shows progress (refreshing itself while work runs, no JavaScript) with start and cancel
/// forms. Kinds: `analysis` (the population health engine re-run on the loaded dataset) and `import` (an
/// extract on the server read, checked and loaded, all or nothing).
struct JobController<Context: RequestContext> {
    let registry: SystemRegistry
    let store: any Store
    let renderer: PageRenderer
    let runner: JobRunner

    /// The body of `POST /api/v1/jobs`.
    struct StartBody: Decodable {
        /// The job's kind by name (``JobKind``); read as text so an unknown one is refused by name.
        var kind: String
        /// For an import: the extract's folder on the server.
        var directory: String?
        /// For an import: the data provider's key file, to pseudonymise NHS numbers.
        var keyFile: String?
        /// For an import: the extract date, YYYY-MM-DD (default the day after the data's latest date).
        var extractDate: String?
        /// For an import: the analysis period, YYYY-MM..YYYY-MM (default the twelve months ending at the
        /// data's last complete month).
        var period: String?
    }

    /// Starts an import of the extract in `directory` (administrators only).
    func startImport(_ body: StartBody, by user: UserAccount) async throws -> JobRunner.Job {
        guard user.role == .administrator else {
            throw Problem.forbidden("only administrators import extracts")
        }
        guard let directory = body.directory, FileManager.default.fileExists(atPath: directory) else {
            throw Problem.invalidRequest(
                "the import was not started",
                invalidParams: [.init(name: "directory", reason: "is not a folder on the server")])
        }
        var extractDate: Day?
        if let text = body.extractDate {
            guard let day = Day(iso: text) else {
                throw Problem.invalidRequest(
                    "the import was not started",
                    invalidParams: [.init(name: "extractDate", reason: "must be YYYY-MM-DD")])
            }
            extractDate = day
        }
        var period: AnalysisPeriod?
        if let text = body.period {
            do {
                period = try AnalysisPeriod(parsing: text)
            } catch {
                throw Problem.invalidRequest(
                    "the import was not started", invalidParams: [.init(name: "period", reason: "\(error)")])
            }
        }
        let (givenExtractDate, givenPeriod) = (extractDate, period)
        let pseudonymiser = try body.keyFile.map { try Pseudonymiser(keyFile: URL(fileURLWithPath: $0)) }
        let system = try await registry.system()
        let (store, registry) = (self.store, self.registry)
        return await runner.start(kind: .import, by: await PublicNames(store: store).name(of: user)) { handle in
            try await handle.report(0, "reading the extract")
            let loading = DatasetLoading(
                store: store, system: system,
                progress: { read, total in
                    handle.note(0.6 * Double(read) / Double(max(total, 1)), "reading the extract")
                }, isCancelled: { Task.isCancelled })
            let result: DatasetLoading.Result
            do {
                result = try await loading.load(
                    directory: URL(fileURLWithPath: directory), pseudonymiser: pseudonymiser,
                    extractDate: givenExtractDate, period: givenPeriod,
                    source: "extract \(URL(fileURLWithPath: directory).lastPathComponent)", today: .today)
            } catch let error as AnalysisPeriodError {
                throw JobRunner.Refusal(reason: "refused, nothing loaded: \(error)")
            }
            await registry.refresh()
            switch result {
            case .loaded(_, let report):
                await handle.counted(loaded: report.goodRows.values.reduce(0, +), refused: 0)
                return "\(try await registry.publishedPeople()) people loaded"
            case .unchanged(_, let report):
                await handle.counted(loaded: 0, refused: report.errorCount)
                return "the same extract was already loaded: nothing changed"
            case .refused(let report):
                // Nothing was loaded; the report names file, line, field and the check failed, never a value.
                await handle.counted(loaded: 0, refused: report.errorCount)
                throw JobRunner.Refusal(reason: "refused, nothing loaded: \(report.rendered(maxLines: 3))")
            }
        }
    }

    /// Starts the analysis job for `user`, whose role the route has already checked (`mayRunJobs`).
    func startAnalysis(by user: UserAccount) async throws -> JobRunner.Job {
        guard try await store.datasetSummary() != nil else {
            throw Problem.conflict("no dataset is loaded: import one first")
        }
        let store = self.store
        let registry = self.registry
        return await runner.start(kind: .analysis, by: await PublicNames(store: store).name(of: user)) { handle in
            // The application layer re-runs the engine with the dataset's stored period and extract date,
            // exactly as the import ran it.
            let done = try await DatasetAnalysis(store: store).reanalyse { progress, name in
                try Task.checkCancellation()
                handle.note(progress, name)
            }
            await registry.refresh()
            return "\(try await registry.publishedPeople()) people analysed for \(done.period)"
                + (done.note.map { " (\($0))" } ?? "")
        }
    }

    /// The API routes, to mount at `/api/v1`.
    var apiRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("jobs") { _, _ in ListDocument(items: await runner.all) }
        routes.post("jobs", use: start)
        routes.post("jobs/:id/cancel", use: cancel)
        return routes
    }

    /// The page routes.
    var pageRoutes: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/jobs", use: page)
        routes.post("/jobs", use: startFromPage)
        routes.post("/jobs/:id/cancel", use: cancelFromPage)
        return routes
    }

    /// `POST /api/v1/jobs`: starts a job of the body's kind, answering 202 with the job.
    @Sendable func start(_ request: Request, context: Context) async throws -> EditedResponse<JobRunner.Job> {
        let user = try await Authentication(store: store).user(request, may: \.mayRunJobs, toDo: "start jobs")
        let body = try await request.decode(as: StartBody.self, context: context)
        let job: JobRunner.Job
        switch try JobKind(named: body.kind) {
        case .analysis: job = try await startAnalysis(by: user)
        case .import: job = try await startImport(body, by: user)
        case .scenario:
            throw Problem.invalidRequest(
                "a scenario is not started here",
                invalidParams: [.init(name: "kind", reason: "submit the scenario with POST /api/v1/scenarios")])
        }
        return EditedResponse(status: .accepted, headers: [.location: "/api/v1/jobs"], response: job)
    }

    /// `POST /api/v1/jobs/{id}/cancel`: asks a running job to stop.
    @Sendable func cancel(_ request: Request, context: Context) async throws -> JobRunner.Job {
        _ = try await Authentication(store: store).user(request, may: \.mayRunJobs, toDo: "cancel jobs")
        guard let id = Int(try context.parameters.require("id")), let job = await runner.cancel(id) else {
            throw Problem.notFound("no such job")
        }
        return job
    }

    /// `GET /jobs`: the jobs and their progress, with start and cancel forms for those who may.
    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        let system = try await registry.system()
        let jobs = await runner.all
        let session = SignedIn.current
        let may = session?.user.role.mayRunJobs ?? false
        let model = JobsPage(
            running: jobs.contains { $0.status == .running }, canStart: may, csrf: session?.csrf ?? "",
            jobs: jobs.map { job in
                JobsPage.Row(
                    id: String(job.id), kind: job.kind.rawValue, startedBy: job.startedBy,
                    percent: Int((job.progress * 100).rounded()),
                    stage: job.stage, status: job.status.rawValue, result: job.result ?? "",
                    cancellable: may && job.status == .running)
            }, hasJobs: !jobs.isEmpty)
        return renderer.page(
            .jobs, title: "Jobs", systemName: system.name,
            breadcrumb: [Crumb(name: system.root.name, href: "/"), Crumb(name: "Jobs")], model: model)
    }

    /// `POST /jobs`: the page's form starts the analysis.
    @Sendable func startFromPage(_ request: Request, context: Context) async throws -> Response {
        let session = try await FormPost.session(
            from: request, may: \.mayRunJobs, toDo: "run the population health engine")
        _ = try await startAnalysis(by: session.user)
        return FormPost.redirect(to: "/jobs")
    }

    /// `POST /jobs/{id}/cancel`: the page's form cancels a job.
    @Sendable func cancelFromPage(_ request: Request, context: Context) async throws -> Response {
        _ = try await FormPost.session(from: request, may: \.mayRunJobs, toDo: "cancel jobs")
        guard let id = Int(try context.parameters.require("id")), await runner.cancel(id) != nil else {
            throw Problem.notFound("no such job")
        }
        return FormPost.redirect(to: "/jobs")
    }
}

extension JobRunner.Job: ResponseCodable {}

/// The `/jobs` page.
struct JobsPage {
    struct Row {
        var id: String
        var kind: String
        var startedBy: String
        var percent: Int
        var stage: String
        var status: String
        var result: String
        var cancellable: Bool
    }

    var running: Bool
    var canStart: Bool
    var csrf: String
    var jobs: [Row]
    var hasJobs: Bool
}
