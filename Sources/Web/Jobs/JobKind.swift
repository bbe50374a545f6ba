/// What a background job does. The raw values are the names the API takes and answers with
/// (`{"kind":"analysis"}`) and the metrics label jobs by, unchanged from when kinds were strings.
enum JobKind: String, Sendable, Codable, CaseIterable {
    /// The population health engine re-run on the loaded dataset.
    case analysis
    /// An extract on the server read, checked and loaded, all or nothing.
    case `import`
    /// A stored what-if scenario run: its Monte Carlo runs, then its results kept (started by
    /// `POST /api/v1/scenarios` or the `/scenarios/new` form, not by `POST /api/v1/jobs`).
    case scenario

    /// The kind named `name`.
    /// - Throws: a 400 ``Problem`` naming the field and the kinds there are, when `name` is none of them.
    init(named name: String) throws {
        guard let kind = JobKind(rawValue: name) else {
            throw Problem.invalidRequest(
                "no such job",
                invalidParams: [.init(name: "kind", reason: "'\(name)' is not a job: use analysis or import")])
        }
        self = kind
    }

    /// Reads a kind as its name, refusing an unknown one with the name and the kinds there are.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let kind = JobKind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "'\(name)' is not a job kind: the kinds are \(JobKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        self = kind
    }
}
