import ArgumentParser
import ConcordatCore
import Foundation
import Ingest
import PopulationHealth

/// `concordat score`: comorbidity and frailty scores for any extract of people and ICD-10 codes.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score people on Charlson, Elixhauser or the Hospital Frailty Risk Score from ICD-10 codes.",
        discussion: """
            Reads --diagnoses (columns person_id,code; ICD-10, dot optional) and optionally --patients \
            (person_id,age). Writes person_id,score and one 0/1 column per category, named as in the R \
            comorbidity package, with the published hierarchies applied; people with no qualifying code \
            score 0. For hfrs the columns are person_id,score,risk. Codes that are not ICD-10 shaped are \
            counted and reported on standard error, never fatal.

            Indices: charlson-quan (Quan 2005 coding, Quan 2011 weights, AIDS/HIV 4), charlson-1987 \
            (original weights), elixhauser-vw (van Walraven weights), hfrs (Gilbert 2018).
            """)

    @Option(help: ArgumentHelp("The diagnoses CSV (person_id,code).", valueName: "file"))
    var diagnoses: String

    @Option(
        help: ArgumentHelp("A patients CSV (person_id,age): people with no codes still get a row.", valueName: "file"))
    var patients: String?

    @Option(help: ArgumentHelp("charlson-quan, charlson-1987, elixhauser-vw or hfrs.", valueName: "name"))
    var index: ComorbidityIndex

    @Flag(help: "Add the Charlson age term: a point per decade over 40, at most 4 (needs --patients).")
    var ageAdjust = false

    @Option(help: ArgumentHelp("Where to write the CSV (default: standard output).", valueName: "file"))
    var out: String?

    func validate() throws {
        if ageAdjust, !index.isCharlson { throw ValidationError("--age-adjust applies to the Charlson indices only") }
        if ageAdjust, patients == nil { throw ValidationError("--age-adjust needs --patients with each person's age") }
    }

    func run() throws {
        let people = try CodedPeople.read(
            diagnoses: URL(fileURLWithPath: diagnoses), patients: patients.map { URL(fileURLWithPath: $0) })
        let scorer = ComorbidityScorer(index: index)
        let sets = scorer.categorySets(
            personCount: people.ages.count, personOfRow: people.personOfRow, codeOfRow: people.codeOfRow,
            codes: people.codes)
        let destination = out.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: "/dev/stdout")
        let header = ["person_id", "score"] + (index == .hospitalFrailty ? ["risk"] : scorer.categories)
        var writer = try CSVWriter(url: destination, header: header)
        for person in 0..<people.ages.count {
            let set = sets[person]
            var points = scorer.score(set)
            if ageAdjust, let age = people.ages[person] { points += ComorbidityScorer.ageTerm(age: age) }
            writer.text(bytes: people.personIDs.bytes(at: person))
            writer.comma()
            if index == .hospitalFrailty {
                writer.int(points / 10)
                writer.text(".")
                writer.int(points % 10)
                writer.comma()
                writer.text(ComorbidityScorer.frailtyRisk(tenths: points))
            } else {
                writer.int(points)
                for category in 0..<scorer.categories.count {
                    writer.comma()
                    writer.int(set.contains(category) ? 1 : 0)
                }
            }
            try writer.endRow()
        }
        try writer.close()
        if people.malformedRows > 0 {
            let message =
                "\(people.malformedRows) diagnosis rows had codes that are not ICD-10 and were skipped, e.g. "
                + people.malformedExamples.joined(separator: ", ") + "\n"
            FileHandle.standardError.write(Data(message.utf8))
        }
    }
}

extension ComorbidityIndex: ExpressibleByArgument {}
