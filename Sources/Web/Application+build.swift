import Hummingbird
import Logging
import Prometheus
import Storage

/// Where and how the web server listens.
public struct WebConfiguration: Sendable {
    /// The address to bind (loopback by default).
    public var host: String
    /// The TCP port (0 picks a free one).
    public var port: Int

    /// Makes a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The request context every Concordat route uses.
public typealias ConcordatRequestContext = BasicRequestContext

/// Builds the router: the JSON API under `/api/v1`, the HTML pages, and problem+json errors.
/// A free function so tests can drive it without a socket (`app.test(.router)`). With `requestLogger`,
/// every request is logged by route template, status and duration (``RequestMetrics``).
/// `health` is what `/health` reports: give the one the server checked the store with at start.
public func buildRouter(store: any Store, requestLogger: Logger? = nil, health: StoreHealth = StoreHealth()) throws
    -> Router<ConcordatRequestContext>
{
    let registry = SystemRegistry(store: store)
    let renderer = try PageRenderer()
    let router = Router(context: ConcordatRequestContext.self)
    let metrics = PrometheusCollectorRegistry()
    router.add(middleware: RequestMetrics(registry: metrics, logger: requestLogger))
    router.add(middleware: ProblemMiddleware(pages: renderer, health: health))
    router.add(middleware: SessionMiddleware(store: store))
    router.addRoutes(SignInController<ConcordatRequestContext>(store: store, renderer: renderer).routes)
    // Ready only when the store answers and is not degraded (damaged, or out of space).
    router.get("/health") { _, _ -> Response in try await health.response(store) }
    let runner = JobRunner()
    router.addRoutes(MetricsController<ConcordatRequestContext>(registry: metrics, store: store, runner: runner).routes)
    router.get("/api/v1/openapi.json") { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
    }
    router.addRoutes(SystemController(registry: registry).routes, atPath: "/api/v1")
    router.addRoutes(OrganisationController(store: store).routes, atPath: "/api/v1/organisations")
    router.addRoutes(PageController(registry: registry, store: store, renderer: renderer).routes)
    let finance = FinanceController<ConcordatRequestContext>(registry: registry, store: store, renderer: renderer)
    router.addRoutes(finance.apiRoutes, atPath: "/api/v1")
    router.addRoutes(finance.pageRoutes)
    let assurance = AssuranceController<ConcordatRequestContext>(registry: registry, store: store, renderer: renderer)
    router.addRoutes(assurance.apiRoutes, atPath: "/api/v1")
    router.addRoutes(assurance.pageRoutes)
    let governance = GovernanceController<ConcordatRequestContext>(
        registry: registry, store: store, renderer: renderer, book: DecisionBook(store: store))
    router.addRoutes(governance.apiRoutes, atPath: "/api/v1")
    router.addRoutes(governance.pageRoutes)
    let risks = RiskProgrammeController<ConcordatRequestContext>(registry: registry, store: store, renderer: renderer)
    router.addRoutes(risks.apiRoutes, atPath: "/api/v1")
    router.addRoutes(risks.pageRoutes)
    let jobs = JobController<ConcordatRequestContext>(
        registry: registry, store: store, renderer: renderer, runner: runner)
    router.addRoutes(jobs.apiRoutes, atPath: "/api/v1")
    router.addRoutes(jobs.pageRoutes)
    router.addRoutes(
        CohortController<ConcordatRequestContext>(registry: registry, store: store).routes, atPath: "/api/v1")
    return router
}

/// Builds the application: the router bound to the configured address, with graceful shutdown on
/// SIGINT and SIGTERM when run as a service. `logRequests` logs every request to `logger`.
public func buildApplication(
    configuration: WebConfiguration, store: any Store, logger: Logger, logRequests: Bool = false,
    health: StoreHealth = StoreHealth()
)
    throws -> some ApplicationProtocol
{
    Application(
        router: try buildRouter(store: store, requestLogger: logRequests ? logger : nil, health: health),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Concordat"),
        logger: logger)
}
