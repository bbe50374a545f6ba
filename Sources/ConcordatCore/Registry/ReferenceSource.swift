/// A published file a system was built from, so every count can be traced to its origin.
public struct ReferenceSource: Hashable, Sendable, Codable {
    /// The file name within the project's data folder.
    public var file: String
    /// The publication it was cut from.
    public var publication: String
    /// How many data rows were read.
    public var rows: Int

    /// Makes a source record.
    public init(file: String, publication: String, rows: Int) {
        self.file = file
        self.publication = publication
        self.rows = rows
    }
}
