/// Why a system pack was refused, and exactly where: the file, then a line (CSV) or a JSON path, and
/// the reason, e.g. `memorandum.json: $.seats[3].organisation: "kcx" is not one of the pack's
/// organisations`.
public struct PackError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file inside the pack (`memorandum.json`), or the pack folder itself.
    public var file: String
    /// Where in the file: a JSON path (`$.seats[3].organisation`), `line 4, column place_code`, or empty.
    public var location: String
    /// What is wrong, in words.
    public var reason: String

    /// Makes an error.
    public init(file: String, location: String = "", reason: String) {
        self.file = file
        self.location = location
        self.reason = reason
    }

    /// `file: location: reason`.
    public var description: String {
        location.isEmpty ? "\(file): \(reason)" : "\(file): \(location): \(reason)"
    }
}
