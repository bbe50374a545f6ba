import ArgumentParser
import Foundation
import Ingest
import PopulationHealth

/// `concordat stats`: the public-health statistics of Fingertips for any table of counts.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Confidence intervals as Fingertips computes them: Wilson, exact/Byar, DSR (Dobson).",
        discussion: """
            --method wilson reads columns count,denominator and prints each proportion's Wilson score \
            interval. --method poisson reads a count column and prints its exact (below 10) or Byar \
            (from 10) limits. --method dsr reads group,count,population, 19 rows per group in the European \
            Standard Population 2013's band order (0–4 … 90+), and prints each group's directly standardised \
            rate per 100,000 with Dobson's interval (none below 10 events). --method proportion-funnel reads \
            count,denominator, one row per unit, and prints Fingertips' 95% and 99.8% funnel limits around the \
            pooled proportion with each unit's significance; --method ratio-funnel reads observed,expected and \
            prints each ratio's significance against 1 (Poisson: exact below 10 events, Byar from 10). \
            Output is CSV.
            """)

    /// The statistic.
    enum Method: String, ExpressibleByArgument, CaseIterable {
        case wilson, poisson, dsr
        case proportionFunnel = "proportion-funnel"
        case ratioFunnel = "ratio-funnel"
    }

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "wilson, poisson, dsr, proportion-funnel or ratio-funnel.") var method: Method
    @Option(help: "The confidence level, between 0 and 1 (0.95; 0.998 for funnels).") var confidence: Double = 0.95

    func validate() throws {
        guard confidence.isFinite, confidence > 0, confidence < 1 else {
            throw ValidationError("--confidence must be a number between 0 and 1; got \(confidence)")
        }
    }

    func run() throws {
        let table = try CSVTable(parsing: Data(contentsOf: URL(fileURLWithPath: file)), file: file)
        func number(_ record: CSVRecord, _ column: CSVColumn) throws -> Double {
            guard let value = Double(record[column]), value.isFinite else {
                throw IngestError.invalidValue(
                    file: file, line: record.line, field: column.name, reason: "'\(record[column])' is not a number")
            }
            return value
        }
        func text(_ value: Double?) -> String { value.map { String(format: "%.12g", $0) } ?? "" }
        do {
            switch method {
            case .wilson:
                let (count, denominator) = (try table.column("count"), try table.column("denominator"))
                print("count,denominator,lower,upper")
                for record in table.records {
                    let (r, n) = (try number(record, count), try number(record, denominator))
                    let interval = try WilsonInterval.of(count: r, denominator: n, confidence: confidence)
                    print("\(text(r)),\(text(n)),\(text(interval.lower)),\(text(interval.upper))")
                }
            case .poisson:
                let count = try table.column("count")
                print("count,lower,upper")
                for record in table.records {
                    let interval = try PoissonInterval.of(count: try number(record, count), confidence: confidence)
                    print("\(record[count]),\(text(interval.lower)),\(text(interval.upper))")
                }
            case .dsr:
                let (group, count, population) = (
                    try table.column("group"), try table.column("count"), try table.column("population")
                )
                var strata: [String: [DirectlyStandardisedRate.Stratum]] = [:]
                var order: [String] = []
                for record in table.records {
                    let key = record[group]
                    if strata[key] == nil { order.append(key) }
                    let band = strata[key, default: []].count
                    guard band < 19 else {
                        throw ValidationError("\(file) line \(record.line): group '\(key)' has more than 19 bands")
                    }
                    strata[key, default: []].append(
                        .init(
                            count: try number(record, count), population: try number(record, population),
                            standard: DirectlyStandardisedRate.europeanStandardPopulation2013[band]))
                }
                print("group,count,value,lower,upper")
                for key in order {
                    let rate = try DirectlyStandardisedRate(strata: strata[key]!, confidence: confidence)
                    print(
                        "\(key),\(text(rate.count)),\(text(rate.value)),\(text(rate.interval?.lower)),\(text(rate.interval?.upper))"
                    )
                }
            case .proportionFunnel:
                let (count, denominator) = (try table.column("count"), try table.column("denominator"))
                let units = try table.records.map {
                    ProportionFunnel.Unit(count: try number($0, count), denominator: try number($0, denominator))
                }
                let funnel = try ProportionFunnel(units: units)
                print("count,denominator,average,lower95,upper95,lower998,upper998,significance")
                for unit in units {
                    let limits = funnel.limits(denominator: unit.denominator)
                    let bounds = [
                        limits?.inner.lowerBound, limits?.inner.upperBound, limits?.outer.lowerBound,
                        limits?.outer.upperBound,
                    ].map(text).joined(separator: ",")
                    let significance = funnel.significance(of: unit)?.label ?? ""
                    print(
                        "\(text(unit.count)),\(text(unit.denominator)),\(text(funnel.average)),\(bounds),\(significance)"
                    )
                }
            case .ratioFunnel:
                let (observed, expected) = (try table.column("observed"), try table.column("expected"))
                print("observed,expected,significance")
                for record in table.records {
                    let unit = RatioFunnel.Unit(
                        observed: try number(record, observed), expected: try number(record, expected))
                    let significance = try RatioFunnel.ratios.significance(of: unit)
                    print("\(text(unit.observed)),\(text(unit.expected)),\(significance.label)")
                }
            }
        } catch let error as StatisticInputError {
            throw ValidationError(error.description)
        }
    }
}
