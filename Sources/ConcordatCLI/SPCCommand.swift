import ArgumentParser
import Assurance
import Foundation
import Ingest

/// `concordat spc`: a Making Data Count XmR chart of any series, or any chart of the SPC family.
struct SPCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spc",
        abstract: "Classify a series as NHS Making Data Count does (XmR; 2.66; rules; icons).",
        discussion: """
            FILE is a CSV with columns period,value. Limits are the mean ± 2.66 × the mean moving range; a \
            point is special cause if beyond a limit, part of a trend (7 rising or falling), two of three \
            beyond the near limits on one side, or part of a shift (7 on one side of the mean), labelled in \
            that order of precedence. With fewer than 13 points the limits are computed but marked provisional. \
            --chart draws another chart of the family, printed in one shape for all (ControlChartDocument): p, \
            p-prime, u and u-prime read columns period,events,denominator (limits follow each point's denominator; \
            Laney's p′ and u′ widen them for overdispersion) and plot proportions from 0 to 1 and events per unit of \
            denominator, so give --target on that scale; c reads period,value as counts (events, if the file has \
            events and denominators); g and t read period,value as gaps between events; run draws the series \
            against its median with Anhøj's run tests (a file of events and denominators is drawn as their ratio). \
            --rebase-at and --screen-outliers apply to xmr and t charts only, --target to all but run charts. \
            --chart auto chooses from --unit and the data (METHODS.md): a run chart below 13 points, p or u with \
            denominators all above 0 (p′ or u′ from a median denominator of 1,000), c for a count without, else XmR.
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
    @Option(help: "xmr (default), p, p-prime, u, u-prime, c, g, t, run, or auto (from --unit and the data).")
    var chart: ChartChoice = .xmr
    @Option(help: "percent, per-1000, pounds or count: what the values are, for --chart auto.")
    var unit: Indicator.Unit?

    /// A chart named, or `auto`.
    enum ChartChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, xmr, p, u, c, g, t, run
        case pPrime = "p-prime"
        case uPrime = "u-prime"

        /// The chart named; `nil` for `auto`.
        var kind: ControlChartKind? { self == .auto ? nil : ControlChartKind(rawValue: rawValue) }
    }

    func validate() throws {
        if chart == .auto, unit == nil {
            throw ValidationError("--chart auto needs --unit (percent, per-1000, pounds or count)")
        }
        if unit != nil, chart != .auto { throw ValidationError("--unit applies to --chart auto only") }
        if let target, !target.isFinite { throw ValidationError("--target must be a finite number; got \(target)") }
        if let bad = rebaseAt.first(where: { $0 < 0 }) {
            throw ValidationError("--rebase-at must be a point index, 0 or more; got \(bad)")
        }
    }

    func run() throws {
        let table = try CSVTable(parsing: Data(contentsOf: URL(fileURLWithPath: file)), file: file)
        if chart != .xmr { return try runFamily(table) }
        let periodColumn = try table.column("period")
        let periods = table.records.map { $0[periodColumn] }
        let values = try numbers("value", in: table)
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

    /// Column `name` of `table` as finite numbers.
    /// - Throws: ``IngestError`` naming the file, line and field of a value that is not one.
    private func numbers(_ name: String, in table: CSVTable) throws -> [Double] {
        let column = try table.column(name)
        return try table.records.map { record in
            guard let value = Double(record[column].trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw IngestError.invalidValue(
                    file: file, line: record.line, field: name, reason: "'\(record[column])' is not a number")
            }
            return value
        }
    }

    /// The chart `--chart` names (or `auto` chooses) from `table`.
    private func runFamily(_ table: CSVTable) throws {
        let periodColumn = try table.column("period")
        let hasDenominators = table.header.contains("denominator") && table.header.contains("events")
        func numbers(_ name: String) throws -> [Double] { try self.numbers(name, in: table) }
        let periods = table.records.map { $0[periodColumn] }
        let kind: ControlChartKind
        var reason: String
        if let named = chart.kind {
            kind = named
            reason = "chosen"
        } else {
            let denominators = hasDenominators ? try numbers("denominator") : nil
            kind = ControlChartKind.recommended(for: unit!, points: periods.count, denominators: denominators)
            let usable = denominators?.allSatisfy { $0 > 0 } ?? false
            reason =
                "recommended for \(unit!.rawValue) values, \(periods.count) points, "
                + (denominators == nil
                    ? "no denominators" : usable ? "with denominators" : "denominators not all above 0, so not used")
        }
        let attribute: Set<ControlChartKind> = [.p, .pPrime, .u, .uPrime]
        if !rebaseAt.isEmpty || screenOutliers, ![.xmr, .t].contains(kind) {
            throw ValidationError("--rebase-at and --screen-outliers apply to xmr and t charts, not \(kind.rawValue)")
        }
        if target != nil, kind == .run { throw ValidationError("--target does not apply to a run chart") }
        let hasValues = table.header.contains("value")
        let values: [Double]
        if attribute.contains(kind) || (kind == .c && hasDenominators && !hasValues) {
            values = try numbers("events")
        } else if !hasValues, hasDenominators, kind == .xmr || kind == .run {
            // A file of events and denominators, drawn on a chart of values: their ratio.
            values = zip(try numbers("events"), try numbers("denominator")).map { $1 == 0 ? .nan : $0 / $1 }
            if let zero = values.firstIndex(where: \.isNaN) {
                throw IngestError.invalidValue(
                    file: file, line: table.records[zero].line, field: "denominator",
                    reason: "a denominator of 0 cannot give a ratio")
            }
            reason += "; values are events ÷ denominator"
        } else {
            values = try numbers("value")
        }
        let denominators = attribute.contains(kind) ? try numbers("denominator") : []
        let document: ControlChartDocument
        do {
            document = try ControlChartDocument(
                chart: kind, reason: reason, periods: periods, values: values, denominators: denominators,
                options: .init(
                    improvement: improvement, target: target, screenOutliers: screenOutliers, rebaseAt: rebaseAt,
                    twoInThreeCountsBeyondLimits: twoInThreeCountsBeyondLimits))
        } catch { throw ValidationError("\(file): \(error.description)") }
        if format == .json { return try printJSON(document) }
        print("\(kind.rawValue) chart (\(reason))" + (document.sigmaZ.map { String(format: ", σz %.4g", $0) } ?? ""))
        for point in document.points {
            let limits =
                point.lowerLimit.map { lower in
                    String(format: "  centre %.4g, limits %.4g to %.4g", point.centre, lower, point.upperLimit ?? lower)
                } ?? String(format: "  median %.4g", point.centre)
            print(
                point.period.padded(16) + String(format: "%12.4g", point.value) + limits
                    + (point.type.map { "  " + $0 } ?? "") + (point.rule.map { " (\($0))" } ?? ""))
        }
        if let tests = document.runTests {
            print(
                "longest run \(tests.longestRun) (more than \(tests.longestRunLimit) signals), crossings \(tests.crossings) "
                    + "(fewer than \(tests.crossingsLimit) signals): \(tests.signalsShift ? "a shift" : "no shift")")
        } else {
            print(
                "variation: \(document.variationIcon ?? "none"); assurance: \(document.assuranceIcon ?? "none (no target or direction)")"
            )
        }
    }
}

extension ImprovementDirection: ExpressibleByArgument {}

extension Indicator.Unit: ExpressibleByArgument {}
