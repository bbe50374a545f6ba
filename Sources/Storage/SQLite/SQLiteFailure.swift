import GRDB

extension StoreError {
    /// The store error an error from the database engine means, when it is one the caller must tell
    /// apart from a fault: no space left (SQLITE_FULL, or a database past its page limit) or damaged
    /// storage (SQLITE_CORRUPT, SQLITE_NOTADB). Errors that are already ``StoreError``s pass through;
    /// anything else is `nil`.
    public init?(databaseFailure error: any Error) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_FULL:
            self = .full("SQLite could not write: the disk or the database is full (\(error.message ?? "SQLITE_FULL"))")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self = .corrupt("SQLite found the database damaged (\(error.message ?? "SQLITE_CORRUPT"))")
        case .SQLITE_IOERR:
            // A write that fails for lack of space can surface as an I/O error while the journal grows.
            self = .unavailable("SQLite could not read or write the database file (\(error.message ?? "SQLITE_IOERR"))")
        default:
            return nil
        }
    }
}
