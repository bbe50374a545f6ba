import ConcordatCore
import Finance
import Ingest

extension Ledger {
    /// The ledger with its actuals replaced by imported ones: a CSV with columns month,partner,place,actual
    /// (amounts in pounds); its months replace the dataset's.
    /// - Throws: ``IngestError`` naming the file, line and field of a month outside the year, a partner
    ///   holding no budget in the place, or an amount that is not one.
    public func replacingActuals(with table: CSVTable, file: String) throws -> Ledger {
        let columns = (
            month: try table.column("month"), partner: try table.column("partner"), place: try table.column("place"),
            actual: try table.column("actual")
        )
        var amounts: [String: [Int: Int64]] = [:]
        var latest = -1
        for record in table.records {
            guard let month = months.firstIndex(of: record[columns.month]) else {
                throw IngestError.invalidValue(
                    file: file, line: record.line, field: "month",
                    reason:
                        "'\(record[columns.month])' is not a month of the ledger's year (\(months.first!)–\(months.last!))"
                )
            }
            let amount = try table.money(record, columns.actual)
            let key = record[columns.partner] + "\u{1F}" + record[columns.place]
            guard lines.contains(where: { $0.partner + "\u{1F}" + $0.place == key }) else {
                throw IngestError.invalidValue(
                    file: file, line: record.line, field: "partner",
                    reason: "\(record[columns.partner]) holds no budget in \(record[columns.place])")
            }
            amounts[key, default: [:]][month, default: 0] += amount.pence
            latest = max(latest, month)
        }
        let replaced = lines.map { line in
            var line = line
            let months = amounts[line.partner + "\u{1F}" + line.place] ?? [:]
            line.actualPence = latest >= 0 ? (0...latest).map { months[$0, default: 0] } : []
            return line
        }
        return try Ledger(months: months, controlTotal: controlTotal, lines: replaced, profile: profile)
    }
}
