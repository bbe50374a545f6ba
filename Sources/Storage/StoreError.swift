/// Why a store refused a request.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    fileprivate enum Base: Hashable, Sendable { case notFound, conflict, noSystem, unavailable, corrupt, full }

    /// A kind of store error, comparable with `==`.
    public struct Code: Hashable, Sendable {
        fileprivate let base: Base
        /// Nothing has the key asked for.
        public static let notFound = Code(base: .notFound)
        /// The key is already taken.
        public static let conflict = Code(base: .conflict)
        /// No system has been loaded into the store yet.
        public static let noSystem = Code(base: .noSystem)
        /// The database cannot be reached or opened.
        public static let unavailable = Code(base: .unavailable)
        /// What is stored cannot be read back as a valid system.
        public static let corrupt = Code(base: .corrupt)
        /// A write failed because the disk (or the database's quota) is full: SQLITE_FULL, PostgreSQL 53100.
        public static let full = Code(base: .full)
    }

    /// What kind of error it is.
    public let code: Code
    /// A plain-English explanation.
    public let message: String

    private init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// No `kind` has the key `key`.
    public static func notFound(_ kind: String, _ key: String) -> StoreError {
        StoreError(.notFound, "no \(kind) has the code '\(key)'")
    }

    /// A `kind` with `key` already exists.
    public static func conflict(_ kind: String, _ key: String) -> StoreError {
        StoreError(.conflict, "a \(kind) with the code '\(key)' already exists")
    }

    /// The store holds no system.
    public static let noSystem = StoreError(
        .noSystem, "no system is loaded: run `concordat init` (or `concordat demo`) first")

    /// The database cannot be used.
    public static func unavailable(_ reason: String) -> StoreError { StoreError(.unavailable, reason) }

    /// What is stored is not a valid system.
    public static func corrupt(_ reason: String) -> StoreError { StoreError(.corrupt, reason) }

    /// A write failed for lack of space.
    public static func full(_ reason: String) -> StoreError { StoreError(.full, reason) }

    /// The plain-English message.
    public var description: String { message }
}
