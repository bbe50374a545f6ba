/// The stored population health analysis cannot be read (a damaged or foreign blob): the pages and API
/// that show it answer 503 saying so, rather than empty charts, and `/health` reports it.
struct AnalysisUnreadable: Error, Sendable, Equatable, ProblemConvertible {
    /// Why it cannot be read: where the decoding failed, never the stored bytes.
    var reason: String

    /// 503: the analysis is unreadable until it is run again.
    var problem: Problem {
        Problem(
            status: .serviceUnavailable, type: "https://concordat.dev/problems/analysis-unreadable",
            title: "Analysis unreadable",
            detail:
                "the stored population health analysis cannot be read (\(reason)): run the analysis again from the Jobs page or with POST /api/v1/jobs"
        )
    }

    /// Logged as an error: the store holds something the server cannot use.
    var fault: ProblemFault? { ProblemFault(level: .error, message: "the stored analysis cannot be read") }
}
