import ConcordatCore

extension FieldRefusal: ProblemConvertible {
    /// 400: one field of the request was refused, named in `invalidParams`.
    var problem: Problem {
        .invalidRequest("\(field) was refused: \(reason)", invalidParams: [.init(name: field, reason: reason)])
    }
}
