/// The `/scenarios/{id}` page: status while it runs (refreshing itself), then the charts and every table,
/// each with its CSV.
struct ScenarioResultsPage {
    /// A table for the template.
    struct Table {
        var name: String
        var caption: String
        var columns: [String]
        var firstColumn: String
        var rows: [ScenarioTable.Row]
        var csv: String

        init(_ table: ScenarioTable, id: Int64) {
            name = table.name
            caption = table.caption
            columns = table.columns
            firstColumn = table.header.first ?? ""
            rows = table.pageRows
            csv = "/scenarios/\(id)/\(table.name).csv"
        }
    }

    var id: String
    var name: String
    var author: String
    var created: String
    var status: String
    var percent: Int
    var failure: String?
    /// Whether it was cancelled before its run finished.
    var cancelled: Bool
    /// Whether the signed-in account may cancel it now (an analyst of its organisation, while it runs).
    var mayCancel: Bool
    /// The session's form token, for the cancel form.
    var csrf: String
    var running: Bool
    var hasResults: Bool
    var runs: Int
    var seed: String
    var baselinePeriod: String
    var threshold: Int
    var fanChart: String
    var waterfallChart: String
    var tornadoChart: String
    var hasTornado: Bool
    var tables: [Table]
    /// Why there is no risk-share table, or what it leaves out.
    var riskShareNote: String?
    /// Where the other helper's business case is drafted from this scenario.
    var businessCase: String
}
