import Governance

extension WorkProgramme.Refusal: ProblemConvertible {
    /// 422: the work programme refuses the change.
    var problem: Problem {
        Problem(
            status: .unprocessableContent, type: "https://concordat.dev/problems/refused-by-programme",
            title: "Refused by the work programme", detail: description)
    }
}
