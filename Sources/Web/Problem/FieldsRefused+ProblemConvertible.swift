import Partnership

extension FieldsRefused: ProblemConvertible {
    /// 400: the request's fields were refused, each named in `invalidParams`.
    var problem: Problem {
        .invalidRequest(summary, invalidParams: fields.map { .init(name: $0.field, reason: $0.reason) })
    }
}
