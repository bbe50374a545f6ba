import ArgumentParser
import ConcordatCore
import Foundation
import Ingest
import Partnership

/// `concordat synth`: writes a synthetic integrated-dataset extract for the system's registered population.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write a synthetic extract (patients.csv, diagnoses.csv, events.csv) for the system's population.",
        discussion: """
            With no --people, generates one person for every registered patient in the published list \
            sizes (2,039,483 for Kent & Medway), practice by practice, age band by age band and sex by sex. \
            A system built with --icb has list sizes without age or sex bands: its people are given the \
            age/sex mix of its pack's age-sex.csv where it has one (docs/PACKS.md), else Kent & Medway's \
            registered mix shipped with Concordat, and the command says which. \
            Each person lives in a real 2021 LSOA of their practice's district, chosen uniformly from the \
            district's LSOAs, with its IMD 2025 decile (MHCLG); districts without a shipped LSOA file get \
            synthetic LSOAs. Hospital, community, mental health, hospice and social care activity is given the \
            providers the pack's synthetic.json names, or placeholders (SYNACUTE and so on) when it has none. The same seed always writes the same files. NHS numbers come from 990 000 0000 – 999 999 9999, \
            a range not issued in England and Wales, and pass the Modulus 11 check; pseudonymise before sharing.
            """)

    @Option(help: ArgumentHelp("How many people (default: the published list sizes, exactly).", valueName: "count"))
    var people: Int?

    @Option(help: ArgumentHelp("The random seed.", valueName: "number"))
    var seed: UInt64 = 2026

    @Option(help: ArgumentHelp("The folder to write (replaced whole when done).", valueName: "folder"))
    var out: String

    @OptionGroup var source: SystemOptions

    func validate() throws {
        if let people, !(1...SyntheticPopulationSpec.maximumPeople).contains(people) {
            throw ValidationError(
                "--people must be from 1 to \(SyntheticPopulationSpec.maximumPeople.grouped); got \(people)")
        }
    }

    func run() throws {
        let (system, pack) = try source.load()
        guard system.population(of: system.root.code).total > 0 else {
            throw ValidationError("\(system.name) has no registered population to draw people from")
        }
        let extract = try SyntheticExtract(system: system, pack: pack, seed: seed, people: people)
        for note in extract.notes { print(note) }
        let spec = extract.spec
        let started = Date()
        let summary = try SyntheticPopulation.write(system: system, spec: spec, to: URL(fileURLWithPath: out))
        let seconds = Date().timeIntervalSince(started)
        print(
            "Wrote \(summary.people) people, \(summary.diagnoses) diagnoses and \(summary.events) events "
                + "(£\(summary.costPence / 100) of activity) to \(out) in \(String(format: "%.1f", seconds)) s")
    }
}
