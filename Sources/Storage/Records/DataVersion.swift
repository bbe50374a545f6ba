/// The version of everything a store holds: two reads of it give the same value only if no write was
/// committed between them (by this process or any other on the same database). Opaque: compare it, key
/// by it, or quote it (``token``), nothing else.
///
/// A SQLite file's version is SQLite's `PRAGMA data_version` on a connection the store keeps for the
/// purpose, with a random epoch for that connection (the pragma's value means something only on one
/// connection); an in-memory SQLite store's is its connection's count of changed rows; a PostgreSQL
/// store's is the random stamp every write transaction writes to the `data_version` row (migration v19).
public struct DataVersion: Hashable, Sendable, CustomStringConvertible {
    /// The value, as text: equal values mean the same stored state as far as this store can tell.
    public let token: String

    /// A version with `token` as its value.
    public init(token: String) { self.token = token }

    /// The token.
    public var description: String { token }
}
