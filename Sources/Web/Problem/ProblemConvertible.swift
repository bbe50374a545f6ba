import HTTPTypes
import Logging

/// An error that knows how it is answered: its problem (status, type, title, detail), any headers the
/// answer carries besides, and whether it is a fault of the server's own that must be logged.
///
/// ``ProblemMiddleware`` asks a thrown error for its problem rather than knowing every error's type: each
/// domain error the routes may throw conforms in a file of its own here (`Type+ProblemConvertible.swift`).
/// An error that does not conform is unexpected, and answers a 500 that says nothing of its insides.
protocol ProblemConvertible: Error {
    /// The problem the error is answered with.
    var problem: Problem { get }
    /// Headers the answer carries besides the problem's own (`Retry-After`, `Allow`).
    var responseHeaders: HTTPFields { get }
    /// How the server logs the error (a fault of its own: a damaged or full store), or `nil` when the
    /// error is the client's and is answered without a log entry.
    var fault: ProblemFault? { get }
}

extension ProblemConvertible {
    /// No headers besides the problem's own.
    var responseHeaders: HTTPFields { [:] }
    /// Not logged: the client's error.
    var fault: ProblemFault? { nil }
}

/// How a server fault behind a problem is logged: at which level, in what words.
struct ProblemFault: Sendable, Equatable {
    /// The log level.
    var level: Logger.Level
    /// The log message (the error itself goes in the entry's metadata).
    var message: String
}
