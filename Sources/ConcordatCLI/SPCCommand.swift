import ArgumentParser
import Assurance
import Foundation
import Ingest

/// `concordat spc`: a Making Data Count XmR chart of any series.
struct SPCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spc",
        abstract: "Classify a series as NHS Making Data Count does (XmR; 2.66; rules; icons).",
        discussion: """
            FILE is a CSV with columns period,value. Limits are the mean ± 2.66 × the mean moving range; a \
            point is special cause if beyond a limit, part of a trend (7 rising or falling), two of three \
            beyond the near limits on one side, or part of a shift (7 on one side of the mean), labelled in \
            that order of precedence. With fewer than 13 points the limits are computed but marked provisional.
            """)

    @Argument(help: "A CSV with columns period,value.") var file: String
    @Option(help: "increase, decrease or neutral: which way is better.") var improvement: ImprovementDirection =
        .increase
    @Option(help: "The target, for the assurance icon.") var target: Double?
    @Flag(help: "Screen out moving ranges of 3.267 × their mean or more (off by default, as in the NHS tool).")
    var screenOutliers = false
    @Option(help: "Start a new segment (own mean and limits) at this 0-based point index; repeatable.")
    var rebaseAt: [Int] = []
    @Flag(help: "Count points beyond a process limit towards two-in-three.") var twoInThreeCountsBeyondLimits = false
    @Option(help: "table or json.") var format: OutputFormat = .table

    func validate() throws {
        if let target, !target.isFinite { throw ValidationError("--target must be a finite number; got \(target)") }
        if let bad = rebaseAt.first(where: { $0 < 0 }) {
            throw ValidationError("--rebase-at must be a point index, 0 or more; got \(bad)")
        }
    }

    func run() throws {
        let table = try CSVTable(parsing: Data(contentsOf: URL(fileURLWithPath: file)), file: file)
        let (periodColumn, valueColumn) = (try table.column("period"), try table.column("value"))
        var periods: [String] = []
        var values: [Double] = []
        for record in table.records {
            guard let value = Double(record[valueColumn].trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw IngestError.invalidValue(
                    file: file, line: record.line, field: "value", reason: "'\(record[valueColumn])' is not a number")
            }
            periods.append(record[periodColumn])
            values.append(value)
        }
        let chart = try XmRChart(
            values: values,
            options: .init(
                improvement: improvement, target: target, screenOutliers: screenOutliers, rebaseAt: rebaseAt,
                twoInThreeCountsBeyondLimits: twoInThreeCountsBeyondLimits))
        let document = chart.document(periods: periods)
        if format == .json { return try printJSON(document) }
        print(
            String(
                format: "mean %.4g, limits %.4g to %.4g (near %.4g to %.4g)%@", document.mean, document.lowerLimit,
                document.upperLimit, document.nearLowerLimit, document.nearUpperLimit,
                document.provisional ? " — provisional: fewer than 13 points" : ""))
        for point in document.points {
            print(
                point.period.padded(16) + String(format: "%12.4g", point.value) + "  " + point.type
                    + (point.rule.map { " (\($0))" } ?? ""))
        }
        print(
            "variation: \(document.variationIcon); assurance: \(document.assuranceIcon ?? "none (no target or direction)")"
        )
    }
}

extension ImprovementDirection: ExpressibleByArgument {}
