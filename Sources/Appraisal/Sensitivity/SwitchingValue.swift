/// The switching value of a parameter: the value at which the option's NPSV falls to zero (turns from
/// worth doing to not, or back) with every other parameter at its central value (HM Treasury, *The Green
/// Book*, 2022, chapter 5, "Switching values").
///
/// The search runs over `range` (the parameter's interval unless a wider one is given): the range is cut
/// into ``SwitchingValue/searchSteps`` equal steps and the NPSV evaluated at each end; of the steps over
/// which the NPSV changes sign (or touches zero), the one nearest the central value is taken. If the NPSV
/// there is a straight line in the parameter (its value at the step's midpoint is the mean of the ends to
/// within 1 part in 10^9) the crossing is found exactly by interpolation; otherwise by bisection to
/// 1 part in 10^12 of the range. When the NPSV has the same sign throughout, there is no switching value
/// in the range (``Outcome/noneInRange``): the decision does not turn on this parameter within it.
public struct SwitchingValue: Sendable, Hashable {
    /// How many equal steps the search range is cut into to find a change of sign.
    public static let searchSteps = 64

    /// Where the NPSV crosses zero, if it does.
    public enum Outcome: Sendable, Hashable {
        /// NPSV = 0 at this value of the parameter.
        case crossesAt(Double)
        /// The NPSV has the same sign over the whole range.
        case noneInRange
    }

    /// The parameter.
    public var parameter: String
    /// Its central value.
    public var central: Double
    /// The range searched.
    public var range: ClosedRange<Double>
    /// The result.
    public var outcome: Outcome

    /// The value, when the NPSV crosses zero in the range.
    public var value: Double? {
        if case .crossesAt(let value) = outcome { return value }
        return nil
    }

    /// The change from the central value needed to reach the switching value, as a fraction of the central
    /// value (−0.25: a quarter lower); nil when there is none in range or the central value is 0.
    public var changeFromCentral: Double? {
        guard let value, central != 0 else { return nil }
        return (value - central) / abs(central)
    }

    /// Finds the switching value of the parameter named `parameter` in `model`, over `range` (default: the
    /// parameter's interval).
    /// - Throws: ``AppraisalError`` `invalidInterval` for an unknown parameter or a range that is not finite,
    ///   or the model's error.
    public init(
        of parameter: String, in model: SensitivityModel, range: ClosedRange<Double>? = nil
    ) throws(AppraisalError) {
        guard let spec = model.parameters.first(where: { $0.name == parameter }) else {
            throw AppraisalError(
                .invalidInterval, field: "parameters[\(parameter)]", reason: "there is no such parameter")
        }
        let range = range ?? spec.low...spec.high
        guard range.lowerBound.isFinite, range.upperBound.isFinite, (range.upperBound - range.lowerBound).isFinite
        else {
            throw AppraisalError(.notFinite, field: "range", reason: "the search range must be finite")
        }
        self.parameter = parameter
        self.central = spec.central
        self.range = range
        self.outcome = try Self.search(parameter, model: model, range: range, central: spec.central)
    }

    private static func search(
        _ name: String, model: SensitivityModel, range: ClosedRange<Double>, central: Double
    ) throws(AppraisalError) -> Outcome {
        let a = range.lowerBound
        let b = range.upperBound
        if a == b {
            return try model.evaluate(name, at: a) == 0 ? .crossesAt(a) : .noneInRange
        }
        let points = (0...searchSteps).map { a + (b - a) * Double($0) / Double(searchSteps) }
        var values: [Double] = []
        for point in points { values.append(try model.evaluate(name, at: point)) }
        var best: (distance: Double, step: Int)?
        for step in 0..<searchSteps {
            let (f0, f1) = (values[step], values[step + 1])
            guard f0 == 0 || f1 == 0 || (f0 < 0) != (f1 < 0) else { continue }
            let distance = min(abs(points[step] - central), abs(points[step + 1] - central))
            if best == nil || distance < best!.distance { best = (distance, step) }
        }
        guard let step = best?.step else { return .noneInRange }
        var (x0, x1) = (points[step], points[step + 1])
        var (f0, f1) = (values[step], values[step + 1])
        if f0 == 0 { return .crossesAt(x0) }
        if f1 == 0 { return .crossesAt(x1) }
        let mid = (x0 + x1) / 2
        let fMid = try model.evaluate(name, at: mid)
        let scale = max(abs(f0), abs(f1), 1)
        if abs(fMid - (f0 + f1) / 2) <= 1e-9 * scale {
            return .crossesAt(x0 - f0 * (x1 - x0) / (f1 - f0))
        }
        let tolerance = 1e-12 * (b - a)
        for _ in 0..<200 where x1 - x0 > tolerance {
            let m = (x0 + x1) / 2
            let fm = try model.evaluate(name, at: m)
            if fm == 0 { return .crossesAt(m) }
            if (fm < 0) == (f0 < 0) {
                (x0, f0) = (m, fm)
            } else {
                (x1, f1) = (m, fm)
            }
        }
        return .crossesAt((x0 + x1) / 2)
    }
}
