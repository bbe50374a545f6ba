import ArgumentParser
import Foundation
import Web

/// `--host` and `--port`: where the web server listens.
struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The TCP port. Defaults to $CONCORDAT_PORT, else 8080.", valueName: "port"))
    var port: Int?

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host: String = "127.0.0.1"

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
        let port = try resolvedPort()
        guard (0...65535).contains(port) else {
            throw ValidationError("the port must be between 0 and 65535; got \(port)")
        }
    }

    var configuration: WebConfiguration {
        get throws { WebConfiguration(host: host, port: try resolvedPort()) }
    }
}
