extension DecodingError: ProblemConvertible {
    /// 400: the request body does not decode, with the field path that failed.
    var problem: Problem { .invalidRequest("the request body is not valid: \(DecodingErrorText(self))") }
}
