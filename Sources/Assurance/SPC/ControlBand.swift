/// A point's centre line and limits on any Making Data Count chart: the process limits ("3σ") and the
/// near limits ("2σ") either side of the centre. On an XmR chart they are the same for a whole segment; on
/// p and u charts they vary with each point's denominator.
public struct ControlBand: Sendable, Hashable, Codable {
    /// The centre line (the mean, or the pooled proportion or rate).
    public var centre: Double
    /// The lower process limit.
    public var lowerLimit: Double
    /// The upper process limit.
    public var upperLimit: Double
    /// The lower near limit.
    public var nearLowerLimit: Double
    /// The upper near limit.
    public var nearUpperLimit: Double

    /// A band.
    public init(centre: Double, lowerLimit: Double, upperLimit: Double, nearLowerLimit: Double, nearUpperLimit: Double)
    {
        self.centre = centre
        self.lowerLimit = lowerLimit
        self.upperLimit = upperLimit
        self.nearLowerLimit = nearLowerLimit
        self.nearUpperLimit = nearUpperLimit
    }

    /// Whether `value` lies beyond a process limit (on a limit is within).
    public func isBeyond(_ value: Double) -> Bool { value > upperLimit || value < lowerLimit }
}
