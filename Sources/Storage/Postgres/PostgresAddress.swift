import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL database is, read once from a `postgres://user:password@host:port/database?sslmode=…`
/// URL: for the connection pool, and for the client tools (`pg_dump`, `pg_restore`) that back it up.
struct PostgresAddress: Sendable {
    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String?
    /// `disable`, `prefer` (the default, as libpq) or `require` (`allow`, `verify-ca` and `verify-full`
    /// are read as their nearest).
    var sslMode: String

    /// Reads and checks `url`.
    /// - Throws: ``StoreError`` `unavailable` naming what is wrong (the password never appears).
    init(url: String) throws {
        guard PostgresStore.isURL(url), let components = URLComponents(string: url), let host = components.host,
            !host.isEmpty
        else {
            throw StoreError.unavailable(
                "'\(PostgresStore.redacted(url))' is not a PostgreSQL URL: "
                    + "expected postgres://user:password@host:port/database")
        }
        guard let username = components.user, !username.isEmpty else {
            throw StoreError.unavailable("the PostgreSQL URL '\(PostgresStore.redacted(url))' names no user")
        }
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(mode) else {
            throw StoreError.unavailable("sslmode '\(mode)' is not one of disable, prefer or require")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.host = host
        port = components.port ?? 5432
        self.username = username
        password = components.password.flatMap { $0.removingPercentEncoding ?? $0 }
        self.database = database.isEmpty ? nil : database
        sslMode = mode
    }

    /// The connection pool's configuration.
    var configuration: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch sslMode {
            case "disable": .disable
            case "allow", "prefer": .prefer(.makeClientConfiguration())
            default: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.maximumConnections = 16
        return configuration
    }

    /// libpq's environment variables for the same database, so a client tool's command line carries no
    /// password.
    var environment: [String: String] {
        var environment = ["PGHOST": host, "PGPORT": String(port), "PGUSER": username, "PGSSLMODE": sslMode]
        environment["PGPASSWORD"] = password
        environment["PGDATABASE"] = database
        return environment
    }
}
