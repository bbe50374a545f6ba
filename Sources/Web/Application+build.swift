import Disclosure
import Foundation
import Hummingbird
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle
import Storage

/// Where and how the web server listens.
public struct WebConfiguration: Sendable {
    /// The address to bind (loopback by default).
    public var host: String
    /// The TCP port (0 picks a free one).
    public var port: Int
    /// Whether a client's address is the last entry of `X-Forwarded-For` rather than the connection's peer:
    /// only behind a proxy that writes that header, or anyone could choose the address they are throttled by.
    public var trustsForwardedFor: Bool
    /// The disclosure-control rule every published count passes (OpenSAFELY's by default).
    public var disclosure: DisclosurePolicy

    /// Makes a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, trustsForwardedFor: Bool = false,
        disclosure: DisclosurePolicy = .standard
    ) {
        self.host = host
        self.port = port
        self.trustsForwardedFor = trustsForwardedFor
        self.disclosure = disclosure
    }
}

/// The request context every Concordat route uses: Hummingbird's, with the peer's address (for the
/// sign-in throttle).
public struct ConcordatRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The connection's peer: the client, or the proxy in front.
    public let remoteAddress: SocketAddress?

    /// Makes the context of a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// How the router guards its door: the client address it trusts, the throttles, the password check and
/// the clock (the last three injected by tests).
struct WebSecurity: Sendable {
    var trustsForwardedFor = false
    var accounts = Throttle.Policy.account
    var addresses = Throttle.Policy.address
    var verifier: any PasswordVerifier = BcryptVerifier()
    var now: @Sendable () -> Date = { Date() }
}

/// Builds the router: the JSON API under `/api/v1`, the HTML pages, and problem+json errors.
/// A free function so tests can drive it without a socket (`app.test(.router)`). With `requestLogger`,
/// every request is logged by route template, status and duration (``RequestMetrics``). Every count
/// derived from person-level data is published under `disclosure` (OpenSAFELY's rule by default).
/// `trustsForwardedFor`: see ``WebConfiguration/trustsForwardedFor``. `health` is what `/health` reports:
/// give the one the server checked the store with at start.
/// `warmsSnapshot` reads the system's snapshot (the stored analysis, decoded) in the background at once,
/// so the first request does not wait for it: for a server starting, not for tests.
public func buildRouter(
    store: any Store, requestLogger: Logger? = nil, trustsForwardedFor: Bool = false,
    disclosure: DisclosurePolicy = .standard, health: StoreHealth = StoreHealth(), warmsSnapshot: Bool = false
) throws -> Router<ConcordatRequestContext> {
    try buildRouter(
        store: store, requestLogger: requestLogger, security: WebSecurity(trustsForwardedFor: trustsForwardedFor),
        disclosure: disclosure, health: health, warmsSnapshot: warmsSnapshot)
}

/// The router with `security` (tests inject throttles, a counting password check and a clock).
///
/// The middleware, outermost first: metrics and the request log; the security headers (on every answer,
/// errors too); problems as problem+json or error pages; 405 for a known path asked with the wrong
/// method; the cross-site guard on every change; who is asking (address, session); the page cache
/// (``PageCacheMiddleware``), which `pages` holds.
func buildRouter(
    store: any Store, requestLogger: Logger? = nil, security: WebSecurity, disclosure: DisclosurePolicy = .standard,
    health: StoreHealth = StoreHealth(), pages: PageCache = PageCache(), warmsSnapshot: Bool = false
) throws -> Router<ConcordatRequestContext> {
    let registry = SystemRegistry(store: store, policy: disclosure)
    if warmsSnapshot { Task.detached { [registry] in _ = try? await registry.snapshot() } }
    let renderer = try PageRenderer()
    let router = Router(context: ConcordatRequestContext.self, options: .autoGenerateHeadEndpoints)
    let metrics = PrometheusCollectorRegistry()
    let table = RouteTable()
    let credentials = CredentialCheck(
        store: store, throttles: Throttles(accounts: security.accounts, addresses: security.addresses),
        verifier: security.verifier, now: security.now)
    router.add(middleware: RequestMetrics(registry: metrics, logger: requestLogger))
    router.add(middleware: SecurityHeaders())
    router.add(middleware: ProblemMiddleware(pages: renderer, health: health))
    router.add(middleware: MethodNotAllowed(table: table))
    router.add(middleware: CrossSiteGuard(routes: table))
    router.add(
        middleware: SessionMiddleware(
            store: store, credentials: credentials, trustsForwardedFor: security.trustsForwardedFor))
    router.add(
        middleware: PageCacheMiddleware(cache: pages) { [registry] in
            "\(try await store.dataVersion())/\(await registry.generation)"
        })
    router.addRoutes(SignInController<ConcordatRequestContext>(store: store, renderer: renderer).routes)
    // Ready only when the store answers and is not degraded (damaged, out of space, its analysis unreadable).
    router.get("/health") { _, _ -> Response in
        try await health.response(store) { try await registry.analysisFault()?.reason }
    }
    let runner = JobRunner()
    router.addRoutes(
        MetricsController<ConcordatRequestContext>(registry: metrics, systems: registry, runner: runner).routes)
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
    let cases = BusinessCaseController<ConcordatRequestContext>(registry: registry, store: store, renderer: renderer)
    router.addRoutes(cases.apiRoutes, atPath: "/api/v1")
    router.addRoutes(cases.pageRoutes)
    let jobs = JobController<ConcordatRequestContext>(
        registry: registry, store: store, renderer: renderer, runner: runner)
    router.addRoutes(jobs.apiRoutes, atPath: "/api/v1")
    router.addRoutes(jobs.pageRoutes)
    let scenarios = ScenarioController<ConcordatRequestContext>(
        registry: registry, store: store, renderer: renderer, runner: runner, policy: disclosure,
        live: ScenarioProgress())
    router.addRoutes(scenarios.apiRoutes, atPath: "/api/v1")
    router.addRoutes(scenarios.pageRoutes)
    router.addRoutes(
        CohortController<ConcordatRequestContext>(registry: registry, store: store).routes, atPath: "/api/v1")
    table.load(router.routes.map { ($0.path, $0.method) })
    return router
}

/// Builds the application: the router bound to the configured address, with graceful shutdown on
/// SIGINT and SIGTERM when run as a service. `logRequests` logs every request to `logger`. The store is
/// run by the caller, in the service group that runs the application (listed before it, so its
/// connections close in graceful shutdown after the server has finished its requests).
public func buildApplication(
    configuration: WebConfiguration, store: any Store, logger: Logger, logRequests: Bool = false,
    health: StoreHealth = StoreHealth()
)
    throws -> some ApplicationProtocol
{
    // Made now, beside the start rather than before it (bcrypt at cost 12 is a noticeable part of a
    // restart), so the first unknown username takes no longer than the rest: a sign-in that comes
    // sooner waits for it, as it would for a real account's check.
    Task.detached(priority: .utility) { _ = CredentialCheck.dummyHash }
    return Application(
        router: try buildRouter(
            store: store, requestLogger: logRequests ? logger : nil,
            trustsForwardedFor: configuration.trustsForwardedFor, disclosure: configuration.disclosure, health: health,
            warmsSnapshot: true),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Concordat"),
        logger: logger)
}
