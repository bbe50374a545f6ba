/// The `/scenarios` page: every scenario with its author (publicly named), status and key result.
struct ScenarioListPage {
    struct Row {
        var id: String
        var name: String
        var author: String
        var status: String
        var percent: Int
        var key: String
        /// Whether its progress is shown (it is running).
        var showsProgress: Bool
    }

    var canSubmit: Bool
    var scenarios: [Row]
    var hasScenarios: Bool
    var running: Bool
    /// The two newest, offered to compare.
    var compareA: String
    var compareB: String
}
