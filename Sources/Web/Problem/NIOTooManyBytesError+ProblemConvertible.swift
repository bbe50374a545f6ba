import NIOCore

extension NIOTooManyBytesError: ProblemConvertible {
    /// 413: the request body is larger than the server reads.
    var problem: Problem {
        Problem(
            status: .contentTooLarge, type: "https://concordat.dev/problems/too-large", title: "Too large",
            detail: "the request body is larger than the server accepts")
    }
}
