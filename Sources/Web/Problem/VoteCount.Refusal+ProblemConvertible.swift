import Governance

extension VoteCount.Refusal: ProblemConvertible {
    /// 422: the memorandum refuses the vote.
    var problem: Problem { .refusedByMemorandum(description) }
}
