/// One bar of a tornado diagram: an option's net present social value with one parameter at the low and at
/// the high end of its interval, every other parameter at its central value.
public struct TornadoBar: Sendable, Hashable {
    /// The parameter varied.
    public var parameter: String
    /// The parameter's low value.
    public var low: Double
    /// The parameter's high value.
    public var high: Double
    /// NPSV (pence, unrounded) with the parameter at its low value.
    public var atLow: Double
    /// NPSV (pence, unrounded) with the parameter at its high value.
    public var atHigh: Double

    /// Makes a bar.
    public init(parameter: String, low: Double, high: Double, atLow: Double, atHigh: Double) {
        self.parameter = parameter
        self.low = low
        self.high = high
        self.atLow = atLow
        self.atHigh = atHigh
    }

    /// The width of the bar: |NPSV at high − NPSV at low|.
    public var swing: Double { abs(atHigh - atLow) }
}
