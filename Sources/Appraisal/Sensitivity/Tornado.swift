/// A one-way sensitivity analysis shown as a tornado diagram: for each uncertain parameter, the NPSV at the
/// low and high ends of its interval with the others at their central values, the bars sorted by swing,
/// widest first (HM Treasury, *The Green Book*, 2022, chapter 5, "Sensitivity analysis").
public struct Tornado: Sendable, Hashable, Encodable {
    /// The NPSV (pence, unrounded) with every parameter at its central value: the spine of the diagram.
    public var central: Double
    /// The bars, widest swing first; ties in the order the parameters were given.
    public var bars: [TornadoBar]

    /// Runs the test over `model`.
    /// - Throws: ``AppraisalError`` from the model, naming the parameter being varied.
    public init(_ model: SensitivityModel) throws(AppraisalError) {
        let centralValue: Double
        do {
            centralValue = try model.netPresentSocialValue(model.centralValues)
        } catch let error as AppraisalError {
            throw error
        } catch {
            throw AppraisalError(
                .modelFailed, field: "parameters", reason: "the model failed at the central values: \(error)")
        }
        var bars: [(Int, TornadoBar)] = []
        for (index, parameter) in model.parameters.enumerated() {
            let atLow = try model.evaluate(parameter.name, at: parameter.low)
            let atHigh = try model.evaluate(parameter.name, at: parameter.high)
            bars.append(
                (
                    index,
                    TornadoBar(
                        parameter: parameter.name, low: parameter.low, high: parameter.high, atLow: atLow,
                        atHigh: atHigh)
                ))
        }
        self.central = centralValue
        self.bars = bars.sorted { $0.1.swing != $1.1.swing ? $0.1.swing > $1.1.swing : $0.0 < $1.0 }.map(\.1)
    }
}
