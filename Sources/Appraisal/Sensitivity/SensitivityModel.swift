/// What a sensitivity test varies: the uncertain parameters, and the model that gives an option's net
/// present social value (in pence, unrounded) for a set of parameter values — usually a function that
/// builds an ``EconomicCase`` from the values and calls ``EconomicCase/exactNetPresentSocialValue(of:)``.
public struct SensitivityModel: Sendable {
    /// The parameters, each with a unique name.
    public let parameters: [UncertainParameter]
    /// The net present social value, in pence, for a set of parameter values.
    public let netPresentSocialValue: @Sendable (ParameterValues) throws -> Double

    /// Makes a model, checked: at least one parameter, names unique.
    /// - Throws: ``AppraisalError`` `empty` or `duplicateName`.
    public init(
        parameters: [UncertainParameter], netPresentSocialValue: @escaping @Sendable (ParameterValues) throws -> Double
    ) throws(AppraisalError) {
        guard !parameters.isEmpty else {
            throw AppraisalError(.empty, field: "parameters", reason: "a sensitivity test needs at least one parameter")
        }
        var seen: Set<String> = []
        for (index, parameter) in parameters.enumerated() where !seen.insert(parameter.name).inserted {
            throw AppraisalError(
                .duplicateName, field: "parameters[\(index)].name",
                reason: "another parameter is also named \"\(parameter.name)\"")
        }
        self.parameters = parameters
        self.netPresentSocialValue = netPresentSocialValue
    }

    /// The values with every parameter at its central value.
    public var centralValues: ParameterValues {
        ParameterValues(Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.central) }))
    }

    /// The NPSV with `name` set to `value` and the others central.
    /// - Throws: ``AppraisalError`` `modelFailed` (or the model's own ``AppraisalError``), `notFinite` when
    ///   the model gives NaN or an infinity.
    func evaluate(_ name: String, at value: Double) throws(AppraisalError) -> Double {
        var values = centralValues.values
        values[name] = value
        let result: Double
        do {
            result = try netPresentSocialValue(ParameterValues(values))
        } catch let error as AppraisalError {
            throw error
        } catch {
            throw AppraisalError(
                .modelFailed, field: "parameters[\(name)]", reason: "the model failed at \(value): \(error)")
        }
        guard result.isFinite else {
            throw AppraisalError(
                .notFinite, field: "parameters[\(name)]", reason: "the model gave \(result) at \(value)")
        }
        return result
    }
}
