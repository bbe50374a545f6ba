import ConcordatCore
import Ingest

/// One table of a scenario's results as a page shows it and as it downloads (`/scenarios/{id}/{name}.csv`):
/// the same rows in both, text for the page, typed cells for the CSV.
struct ScenarioTable: Sendable {
    /// One cell: as read on the page, and as written to the CSV.
    struct Cell: Sendable {
        var text: String
        var csv: CSVCell
    }

    /// One row, for the template.
    struct Row: Sendable {
        var head: String
        var cells: [String]
    }

    /// The file name without `.csv`, and the anchor on the page.
    var name: String
    var caption: String
    var header: [String]
    var rows: [[Cell]]

    /// The header after the first column, for the template.
    var columns: [String] { Array(header.dropFirst()) }

    /// The rows for the template: the first cell as the row's heading.
    var pageRows: [Row] {
        rows.map { Row(head: $0.first?.text ?? "", cells: $0.dropFirst().map(\.text)) }
    }

    /// The CSV download of this table, named for `scenario`.
    func download(scenario id: Int64) -> CSVDownload {
        CSVDownload(filename: "scenario-\(id)-\(name).csv", header: header, rows: rows.map { $0.map(\.csv) })
    }

    /// Pence as £m to one decimal, or whole pounds below £1m.
    static func pounds(_ pence: Double) -> String {
        guard pence.isFinite else { return "–" }
        let sign = pence < 0 ? "-" : ""
        let magnitude = abs(pence)
        if magnitude >= 100_000_000 { return sign + "£" + String(format: "%.1f", magnitude / 100_000_000) + "m" }
        return sign + "£" + Int64((magnitude / 100).rounded()).grouped
    }
}

extension ScenarioTable.Cell {
    /// A text cell.
    static func text(_ value: String) -> Self { ScenarioTable.Cell(text: value, csv: .text(value)) }

    /// Money in pence: £m on the page (to £0.1m, or whole pounds below £1m), whole pence in the CSV.
    static func money(_ pence: Double) -> Self {
        guard pence.isFinite, abs(pence) < 9e18 else { return hidden }
        return ScenarioTable.Cell(text: ScenarioTable.pounds(pence), csv: .number(String(Int64(pence.rounded()))))
    }

    /// Money in pence, or "–" when not given.
    static func money(_ pence: Int64?) -> Self { pence.map { money(Double($0)) } ?? hidden }

    /// A count published by the disclosure gate, or "suppressed" when hidden.
    static func count(_ value: Int?) -> Self {
        value.map { ScenarioTable.Cell(text: $0.grouped, csv: .integer($0)) }
            ?? ScenarioTable.Cell(text: "suppressed", csv: .text(""))
    }

    /// A number with `digits` decimals.
    static func number(_ value: Double?, digits: Int = 1) -> Self {
        guard let value, value.isFinite else { return hidden }
        let text = String(format: "%.\(digits)f", value)
        return ScenarioTable.Cell(text: text, csv: .number(text))
    }

    /// A probability as a percentage, one decimal.
    static func probability(_ value: Double) -> Self {
        let text = String(format: "%.1f", value * 100)
        return ScenarioTable.Cell(text: text + "%", csv: .number(String(format: "%.4f", value)))
    }

    /// Not shown.
    static let hidden = ScenarioTable.Cell(text: "–", csv: .text(""))
}
