import Governance

extension MemorandumOfUnderstanding.Refusal: ProblemConvertible {
    /// 422: the memorandum refuses the change.
    var problem: Problem { .refusedByMemorandum(description) }
}
