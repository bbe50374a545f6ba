import Foundation

/// The Mustache templates of the HTML pages, each a resource file `Resources/templates/<name>.mustache`
/// (the raw value is the name, which is also how one template includes another: `{{> areaTable}}`).
enum PageTemplate: String, Sendable, CaseIterable {
    /// The site layout every page is rendered inside.
    case layout
    /// The system map (`/`).
    case home
    /// An area's page (`/areas/{code}`).
    case area
    /// The table of an area's contents, included by the home and area pages.
    case areaTable
    /// The partnership (`/partnership`).
    case partnership
    /// An error page, for a problem.
    case error
    /// The money overview (`/money`).
    case money
    /// The ledger (`/money/ledger`).
    case ledger
    /// Risk and gain share (`/money/settlement`).
    case settlement
    /// Pools and ring-fences (`/money/pools`).
    case pools
    /// The assurance dashboard (`/assurance`).
    case assurance
    /// An area's assurance (`/assurance/{area}`).
    case assuranceArea
    /// The trusts' published A&E statistics and England's funnel (`/assurance/ae`).
    case assuranceAE
    /// Assurance returns (`/assurance/returns`).
    case returns
    /// Decisions (`/decisions`).
    case decisions
    /// The decision register (`/decisions/register`).
    case register
    /// Risks (`/risks`).
    case risks
    /// The work programme (`/programme`).
    case programme
    /// Signing in (`/sign-in`).
    case signIn
    /// Background jobs (`/jobs`).
    case jobs
    /// What-if scenarios (`/scenarios`).
    case scenarios
    /// The scenario builder (`/scenarios/new`).
    case scenarioNew
    /// A scenario's results (`/scenarios/{id}`).
    case scenario
    /// Two scenarios side by side (`/scenarios/compare`).
    case scenarioCompare
    /// Business cases (`/business-cases`).
    case businessCases
    /// A new business case's form (`/business-cases/new`).
    case businessCaseNew
    /// A business case (`/business-cases/{id}`).
    case businessCase

    /// The folder the templates are read from: the Web module's resources.
    static var folder: URL { Bundle.module.resourceURL!.appendingPathComponent("templates") }

    /// The template's file in `folder`.
    func file(in folder: URL) -> URL { folder.appendingPathComponent("\(rawValue).mustache") }

    /// A template that could not be loaded when the server started: which, from where, and why.
    struct Unreadable: Error, CustomStringConvertible {
        /// The template.
        var template: PageTemplate
        /// The file it was read from.
        var file: URL
        /// Why it could not be used.
        var reason: String

        /// The error in words.
        var description: String { "the page template '\(template.rawValue)' (\(file.path)) \(reason)" }
    }
}
