import ArgumentParser
import Foundation
import Ingest

/// `concordat pseudonymise`: replaces NHS numbers with keyed pseudonyms, at the data provider.
struct PseudonymiseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pseudonymise",
        abstract: "Replace NHS numbers with HMAC-SHA256 pseudonyms before data leaves the provider.",
        discussion: """
            Reads IN (a CSV file, or a folder of CSV files) and writes OUT with person_id replaced by \
            the pseudonym of the NHS number and nhs_number emptied. Every provider that uses the same key \
            gives the same person the same pseudonym, so records link without NHS numbers. Keep the key \
            with the provider, never beside the data. All or nothing: on any invalid NHS number nothing is \
            written and each bad row is listed.
            """)

    @Option(help: ArgumentHelp("The provider's secret key (64 hex digits, or 32+ raw bytes).", valueName: "file"))
    var keyFile: String

    @Flag(help: "Create a new random key at --key-file first (refused if the file exists).")
    var createKey = false

    @Argument(help: ArgumentHelp("The CSV file or folder to read.", valueName: "in"))
    var input: String

    @Argument(help: ArgumentHelp("The CSV file or folder to write.", valueName: "out"))
    var output: String

    func run() throws {
        let keyURL = URL(fileURLWithPath: keyFile)
        if createKey {
            guard !FileManager.default.fileExists(atPath: keyFile) else {
                throw ValidationError("\(keyFile) already exists; --create-key never overwrites a key")
            }
            try Pseudonymiser.generateKeyFile(at: keyURL)
            print("Created a new key at \(keyFile). Keep it with the data provider, never beside the data.")
        }
        let pseudonymiser = try Pseudonymiser(keyFile: keyURL)
        let outcome = try ExtractPseudonymisation.run(
            input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: output), pseudonymiser: pseudonymiser)
        guard outcome.errorCount == 0 else {
            var message = "\(outcome.errorCount) rows refused; nothing was written.\n"
            for error in outcome.errors.prefix(1000) { message += "  \(error)\n" }
            if outcome.errorCount > 1000 { message += "  … and \(outcome.errorCount - 1000) more\n" }
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode.failure
        }
        for (file, rows) in outcome.rows.sorted(by: { $0.key < $1.key }) {
            print("\(file): \(rows) rows pseudonymised")
        }
    }
}
