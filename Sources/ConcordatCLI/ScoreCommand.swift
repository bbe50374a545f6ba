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
            (original weights), elixhauser-vw (van Walraven weights), hfrs (Gilbert 2018), and efi (Clegg \
            2016: SNOMED CT codes, deficits supplied with --efi-deficits; columns person_id,score,deficits,category).
            """)

    @Option(help: ArgumentHelp("The diagnoses CSV (person_id,code).", valueName: "file"))
    var diagnoses: String

    @Option(
        help: ArgumentHelp("A patients CSV (person_id,age): people with no codes still get a row.", valueName: "file"))
    var patients: String?

    @Option(help: ArgumentHelp("charlson-quan, charlson-1987, elixhauser-vw, hfrs or efi.", valueName: "name"))
    var index: ScoreIndex

    @Option(
        help: ArgumentHelp(
            "For --index efi: a JSON file of deficits and their SNOMED CT codes ({\"deficits\":[{\"name\":…,\"codes\":[…]}]}).",
            valueName: "file"))
    var efiDeficits: String?

    @Flag(help: "Add the Charlson age term: a point per decade over 40, at most 4 (needs --patients).")
    var ageAdjust = false

    @Option(help: ArgumentHelp("Where to write the CSV (default: standard output).", valueName: "file"))
    var out: String?

    /// The indices `score` computes: the ICD-10 comorbidity and frailty indices, and the eFI.
    enum ScoreIndex: String, CaseIterable, ExpressibleByArgument {
        case charlsonQuan = "charlson-quan"
        case charlson1987 = "charlson-1987"
        case elixhauserVanWalraven = "elixhauser-vw"
        case hospitalFrailty = "hfrs"
        case electronicFrailty = "efi"

        var comorbidity: ComorbidityIndex? { ComorbidityIndex(rawValue: rawValue) }
    }

    func validate() throws {
        if index == .electronicFrailty, efiDeficits == nil {
            throw ValidationError("--index efi needs --efi-deficits, the deficits and their SNOMED CT codes")
        }
        if efiDeficits != nil, index != .electronicFrailty {
            throw ValidationError("--efi-deficits applies to --index efi only")
        }
        if ageAdjust, !(index.comorbidity?.isCharlson ?? false) {
            throw ValidationError("--age-adjust applies to the Charlson indices only")
        }
        if ageAdjust, patients == nil { throw ValidationError("--age-adjust needs --patients with each person's age") }
    }

    func run() throws {
        guard let comorbidity = index.comorbidity else { return try runElectronicFrailtyIndex() }
        let scorer = ComorbidityScorer(index: comorbidity)
        // Each code is classified where it is read; each person keeps only their categories.
        let people = try CodedPeople.read(
            diagnoses: URL(fileURLWithPath: diagnoses), patients: patients.map { URL(fileURLWithPath: $0) },
            classify: { scorer.categories(ofCode: $0).bits })
        let sets = people.flags.map { scorer.applyingHierarchy(CategorySet(bits: $0)) }
        let destination = out.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: "/dev/stdout")
        let header = ["person_id", "score"] + (comorbidity == .hospitalFrailty ? ["risk"] : scorer.categories)
        var writer = try CSVWriter(url: destination, header: header)
        // The rows are formatted on every core, a range of people each, and written in order.
        let workers = CSVStream.defaultWorkers
        let count = people.ages.count
        var pieces = [CSVWriter](repeating: CSVWriter(continuing: writer), count: workers)
        pieces.withUnsafeMutableBufferPointer { slots in
            // Each thread writes only its own piece; the rest is read only.
            nonisolated(unsafe) let pieces = slots
            let (people, sets, scorer, ageAdjust) = (people, sets, scorer, ageAdjust)
            DispatchQueue.concurrentPerform(iterations: workers) { piece in
                for person in (count * piece / workers)..<(count * (piece + 1) / workers) {
                    let set = sets[person]
                    var points = scorer.score(set)
                    if ageAdjust, let age = people.ages[person] { points += ComorbidityScorer.ageTerm(age: age) }
                    pieces[piece].text(bytes: people.personIDs.bytes(at: person))
                    pieces[piece].comma()
                    if comorbidity == .hospitalFrailty {
                        pieces[piece].int(points / 10)
                        pieces[piece].text(".")
                        pieces[piece].int(points % 10)
                        pieces[piece].comma()
                        pieces[piece].text(ComorbidityScorer.frailtyRisk(tenths: points))
                    } else {
                        pieces[piece].int(points)
                        pieces[piece].flags(scorer.categories.count) { set.contains($0) }
                    }
                    // In memory: ending a row cannot fail.
                    try? pieces[piece].endRow()
                }
            }
        }
        for piece in pieces { try writer.append(rows: piece) }
        try writer.close()
        report(people)
    }

    /// The eFI: deficits evidenced by each person's SNOMED CT codes, as a share of those configured.
    private func runElectronicFrailtyIndex() throws {
        let configuration: ElectronicFrailtyIndex.Configuration
        do {
            configuration = try JSONDecoder().decode(
                ElectronicFrailtyIndex.Configuration.self, from: Data(contentsOf: URL(fileURLWithPath: efiDeficits!)))
        } catch {
            throw ValidationError("--efi-deficits \(efiDeficits!) is not a readable eFI configuration: \(error)")
        }
        let efi = try ElectronicFrailtyIndex(configuration: configuration)
        let people = try CodedPeople.read(
            diagnoses: URL(fileURLWithPath: diagnoses), patients: patients.map { URL(fileURLWithPath: $0) },
            codeSystem: .snomed)
        var codesOf = [[String]](repeating: [], count: people.ages.count)
        for (person, code) in zip(people.personOfRow, people.codeOfRow) {
            codesOf[Int(person)].append(people.codes[Int(code)])
        }
        var writer = try CSVWriter(
            url: out.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: "/dev/stdout"),
            header: ["person_id", "score", "deficits", "category"])
        for person in 0..<people.ages.count {
            let deficits = efi.deficits(in: codesOf[person]).count
            let score = efi.score(deficitCount: deficits)
            writer.text(bytes: people.personIDs.bytes(at: person))
            writer.comma()
            writer.cell(.number(String(format: "%.4f", score)))
            writer.comma()
            writer.int(deficits)
            writer.comma()
            writer.text(ElectronicFrailtyIndex.Category(score: score).rawValue)
            try writer.endRow()
        }
        try writer.close()
        report(people)
    }

    private func report(_ people: CodedPeople) {
        if people.malformedRows > 0 {
            let message =
                "\(people.malformedRows) diagnosis rows had codes that are not \(index == .electronicFrailty ? "SNOMED CT" : "ICD-10") and were skipped, e.g. "
                + people.malformedExamples.joined(separator: ", ") + "\n"
            FileHandle.standardError.write(Data(message.utf8))
        }
    }
}
