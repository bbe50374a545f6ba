import ConcordatCore
import Foundation

/// An uncertain parameter of a scenario: a point, or an 80% interval (the 10th and 90th percentiles of
/// the analyst's belief) with the distribution it is drawn from.
///
/// Written in JSON as a number (a point) or `{"low": 0.05, "high": 0.15}`, optionally with
/// `"distribution": "normal" | "triangular" | "log-normal"` and, for a triangular one, `"mode"`.
/// The default, normal, is the Strategy Unit's New Hospital Programme demand model's (nhp_model, MIT
/// licence): mean at the interval's midpoint and standard deviation the width ÷ 2.563 (2 × 1.2816, the
/// 90th percentile of the standard normal), clipped to the parameter's valid range.
public struct UncertainValue: Sendable, Hashable, Codable {
    /// How an interval is drawn.
    public enum Distribution: String, Sendable, Hashable, Codable, CaseIterable {
        /// Normal, mean at the midpoint, sd = width ÷ 2.563 (nhp_model's).
        case normal
        /// Triangular between `low` and `high` (here the interval's ends are the distribution's bounds),
        /// peaking at `mode` (the midpoint if not given).
        case triangular
        /// Log-normal whose 10th and 90th percentiles are `low` and `high` (both above zero): the normal
        /// rule on the logarithm.
        case logNormal = "log-normal"
    }

    /// The interval's lower end (the value itself for a point).
    public var low: Double
    /// The interval's upper end (the value itself for a point).
    public var high: Double
    /// How it is drawn.
    public var distribution: Distribution
    /// The peak of a triangular distribution.
    public var mode: Double?

    /// The divisor that turns an 80% interval's width into a standard deviation (nhp_model's 2.563).
    public static let widthPerStandardDeviation = 2.563

    /// A point value, drawn as itself.
    public init(point: Double) {
        low = point
        high = point
        distribution = .normal
        mode = nil
    }

    /// An 80% interval.
    public init(low: Double, high: Double, distribution: Distribution = .normal, mode: Double? = nil) {
        self.low = low
        self.high = high
        self.distribution = distribution
        self.mode = mode
    }

    /// Whether it is a point.
    public var isPoint: Bool { low == high }

    /// The value the principal projection uses: the midpoint for normal, the mode (else the midpoint) for
    /// triangular, the geometric midpoint for log-normal, clipped to `valid`.
    public func central(clippedTo valid: ClosedRange<Double>) -> Double {
        let value: Double
        switch distribution {
        case _ where isPoint: value = low
        case .normal: value = (low + high) / 2
        case .triangular: value = mode ?? (low + high) / 2
        case .logNormal: value = (low * high).squareRoot()
        }
        return min(max(value, valid.lowerBound), valid.upperBound)
    }

    /// One draw, clipped to `valid`. A point takes no random number, so adding or removing a point
    /// parameter does not change the other draws' stream beyond its own slot.
    public func draw(using random: inout SeededRandom, clippedTo valid: ClosedRange<Double>) -> Double {
        guard !isPoint else { return min(max(low, valid.lowerBound), valid.upperBound) }
        let value: Double
        switch distribution {
        case .normal:
            value = (low + high) / 2 + random.normal() * (high - low) / Self.widthPerStandardDeviation
        case .triangular:
            let peak = mode ?? (low + high) / 2
            let u = random.unit()
            let split = (peak - low) / (high - low)
            value =
                u < split
                ? low + (u * (high - low) * (peak - low)).squareRoot()
                : high - ((1 - u) * (high - low) * (high - peak)).squareRoot()
        case .logNormal:
            let mean = (Foundation.log(low) + Foundation.log(high)) / 2
            let sd = (Foundation.log(high) - Foundation.log(low)) / Self.widthPerStandardDeviation
            value = Foundation.exp(mean + random.normal() * sd)
        }
        return min(max(value, valid.lowerBound), valid.upperBound)
    }

    private enum CodingKeys: String, CodingKey {
        case low, high, distribution, mode
    }

    /// Reads a number (a point) or an interval object.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let point = try? single.decode(Double.self) {
            self.init(point: point)
            return
        }
        let container: KeyedDecodingContainer<CodingKeys>
        do { container = try decoder.container(keyedBy: CodingKeys.self) } catch {
            throw DecodingError.typeMismatch(
                Double.self,
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "is neither a number nor an interval {\"low\": …, \"high\": …}"))
        }
        self.init(
            low: try container.decode(Double.self, forKey: .low),
            high: try container.decode(Double.self, forKey: .high),
            distribution: try container.decodeIfPresent(Distribution.self, forKey: .distribution) ?? .normal,
            mode: try container.decodeIfPresent(Double.self, forKey: .mode))
    }

    /// Writes a point as a number, an interval as an object.
    public func encode(to encoder: any Encoder) throws {
        if isPoint && mode == nil {
            var single = encoder.singleValueContainer()
            try single.encode(low)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(low, forKey: .low)
        try container.encode(high, forKey: .high)
        if distribution != .normal { try container.encode(distribution, forKey: .distribution) }
        try container.encodeIfPresent(mode, forKey: .mode)
    }
}
