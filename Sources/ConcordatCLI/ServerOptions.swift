import ArgumentParser
import Disclosure
import Foundation
import Logging
import Web

/// `--host` and `--port`: where the web server listens, and how it sees clients behind a proxy.
struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The TCP port. Defaults to $CONCORDAT_PORT, else 8080.", valueName: "port"))
    var port: Int?

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(
        help: ArgumentHelp(
            "Behind a proxy that writes X-Forwarded-For: take a client's address (for the sign-in throttle) "
                + "from its last entry, not from the connection. Also $CONCORDAT_TRUST_FORWARDED_FOR=1."))
    var trustForwardedFor = false

    @Option(
        help: ArgumentHelp(
            "Suppress published counts from 1 up to this (default 7, OpenSAFELY's; $CONCORDAT_SUPPRESS_AT_MOST). "
                + "A lower, less protective value is refused.", valueName: "count"))
    var suppressAtMost: Int?

    @Option(
        help: ArgumentHelp(
            "Round every other published count to the nearest multiple of this (default 5, OpenSAFELY's; "
                + "$CONCORDAT_ROUND_TO). A smaller, less protective base is refused.", valueName: "base"))
    var roundTo: Int?

    @Option(
        help: ArgumentHelp(
            "Logs as plain text, or as one JSON object per line (with every request logged by route, status and "
                + "duration). Defaults to $CONCORDAT_LOG_FORMAT, else text.", valueName: "text|json"))
    var logFormat: LogFormat?

    @Option(
        help: ArgumentHelp(
            "The least severe level logged (trace, debug, info, notice, warning, error, critical). "
                + "Defaults to $CONCORDAT_LOG_LEVEL, else info.", valueName: "level"))
    var logLevel: String?

    /// How logs are written.
    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// The format in force: the option, else the environment, else text.
    var resolvedLogFormat: LogFormat {
        logFormat ?? ProcessInfo.processInfo.environment["CONCORDAT_LOG_FORMAT"].flatMap(LogFormat.init) ?? .text
    }

    /// The level in force.
    var resolvedLogLevel: Logger.Level {
        (logLevel ?? ProcessInfo.processInfo.environment["CONCORDAT_LOG_LEVEL"]).flatMap { Logger.Level(rawValue: $0) }
            ?? .info
    }

    /// Sets up logging for the process (once, before anything logs).
    func bootstrapLogging() {
        let (format, level) = (resolvedLogFormat, resolvedLogLevel)
        LoggingSystem.bootstrap { label in
            switch format {
            case .json: return JSONLogHandler(label: label, level: level)
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }

    /// The port in force: the option, else the environment, else 8080.
    func resolvedPort() throws -> Int {
        if let port { return port }
        guard let text = ProcessInfo.processInfo.environment["CONCORDAT_PORT"], !text.isEmpty else { return 8080 }
        guard let value = Int(text) else {
            throw ValidationError("CONCORDAT_PORT is '\(text)', which is not a port number (0–65535)")
        }
        return value
    }

    func validate() throws {
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError(
                "--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let text = ProcessInfo.processInfo.environment["CONCORDAT_LOG_FORMAT"], !text.isEmpty,
            LogFormat(rawValue: text) == nil
        {
            throw ValidationError("CONCORDAT_LOG_FORMAT is '\(text)': use text or json")
        }
        _ = try resolvedDisclosure()
        let port = try resolvedPort()
        guard (0...65535).contains(port) else {
            throw ValidationError("the port must be between 0 and 65535; got \(port)")
        }
    }

    var configuration: WebConfiguration {
        get throws {
            let environment = ProcessInfo.processInfo.environment["CONCORDAT_TRUST_FORWARDED_FOR"]
            return WebConfiguration(
                host: host, port: try resolvedPort(),
                trustsForwardedFor: trustForwardedFor
                    || ["1", "true", "yes"].contains(environment?.lowercased() ?? ""),
                disclosure: try resolvedDisclosure())
        }
    }

    /// The disclosure rule in force: the options, else the environment, else OpenSAFELY's; never weaker.
    func resolvedDisclosure() throws -> DisclosurePolicy {
        func value(_ option: Int?, _ name: String, _ variable: String, default fallback: Int) throws -> Int {
            if let option { return option }
            guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else { return fallback }
            guard let number = Int(text) else { throw ValidationError("\(variable) is '\(text)', not a whole number") }
            return number
        }
        let standard = DisclosurePolicy.standard
        let threshold = try value(
            suppressAtMost, "--suppress-at-most", "CONCORDAT_SUPPRESS_AT_MOST", default: standard.threshold)
        let base = try value(roundTo, "--round-to", "CONCORDAT_ROUND_TO", default: standard.roundingBase)
        guard (standard.threshold...1_000).contains(threshold) else {
            throw ValidationError(
                "--suppress-at-most must be from \(standard.threshold) (OpenSAFELY's rule) to 1,000; got \(threshold)")
        }
        guard (standard.roundingBase...1_000).contains(base) else {
            throw ValidationError(
                "--round-to must be from \(standard.roundingBase) (OpenSAFELY's rule) to 1,000; got \(base)")
        }
        do { return try DisclosurePolicy(threshold: threshold, roundingBase: base) } catch {
            throw ValidationError(error.description)
        }
    }
}
