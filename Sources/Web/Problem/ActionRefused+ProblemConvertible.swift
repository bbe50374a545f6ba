import Partnership

extension ActionRefused: ProblemConvertible {
    /// 403: signed in, but the access policy refuses the action; its reason is the detail.
    var problem: Problem { .forbidden(reason) }
}
