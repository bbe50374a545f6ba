import ConcordatCore
import Foundation

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`. A test checks that it
/// names exactly the routes the router serves, so it cannot drift from them.
enum OpenAPIDocument {
    /// One operation.
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var tag: String
        /// The roles that may use it, or `nil` for a public operation (no sign-in).
        var roles: [Role]? = nil
        /// Its query parameters: name and what it means.
        var query: [(name: String, description: String)] = []

        /// Whether it needs a sign-in.
        var signIn: Bool { roles != nil }

        init(
            method: String, path: String, summary: String, tag: String, may: ((Role) -> Bool)? = nil,
            query: [(name: String, description: String)] = []
        ) {
            self.query = query
            self.method = method
            self.path = path
            self.summary = summary
            self.tag = tag
            roles = may.map { Role.allCases.filter($0) }
        }
    }

    /// Every operation under `/api/v1`.
    static let operations: [Operation] = [
        .init(method: "GET", path: "/api/v1/openapi.json", summary: "This document", tag: "meta"),
        .init(
            method: "GET", path: "/api/v1/system", summary: "The system: levels, places, totals, data quality",
            tag: "system"),
        .init(method: "GET", path: "/api/v1/places", summary: "The places", tag: "system"),
        .init(
            method: "GET", path: "/api/v1/places/{code}", summary: "One place with its neighbourhoods", tag: "system"),
        .init(method: "GET", path: "/api/v1/areas/{code}", summary: "Any area, with its population", tag: "system"),
        .init(
            method: "GET", path: "/api/v1/areas/{code}/needs",
            summary: "An area's population health profile: IMD deciles, Core20 by area, SII, funnel",
            tag: "population"),
        .init(
            method: "GET", path: "/api/v1/dataset", summary: "The integrated dataset, in aggregate", tag: "population"),
        .init(
            method: "GET", path: "/api/v1/models/admission-risk", summary: "The admission-risk model's report",
            tag: "population"),
        .init(
            method: "GET", path: "/api/v1/practices/{code}/cohort",
            summary: "A practice's top-risk cohort (analysts; logged)", tag: "population",
            may: \.mayViewIdentifiableCohorts),
        .init(
            method: "GET", path: "/api/v1/access-log", summary: "The access log (administrators)", tag: "population",
            may: \.mayReadAccessLog),
        .init(
            method: "GET", path: "/api/v1/organisations", summary: "The partnership's organisations", tag: "partnership"
        ),
        .init(
            method: "POST", path: "/api/v1/organisations", summary: "Add an organisation", tag: "partnership",
            may: \.mayManagePartnership),
        .init(method: "GET", path: "/api/v1/organisations/{code}", summary: "One organisation", tag: "partnership"),
        .init(
            method: "PATCH", path: "/api/v1/organisations/{code}", summary: "Change an organisation",
            tag: "partnership", may: \.mayManagePartnership),
        .init(
            method: "GET", path: "/api/v1/allocation",
            summary: "Capitated budgets for a control total, with pace of change and any budget explained",
            tag: "money",
            query: [
                ("controlTotal", "Required. The control total in pounds: £3.1bn, £250m, 12500000.50"),
                ("basis", "published (default) or person-based"),
                ("year", "The financial year named in the explanation, e.g. 2026/27"),
                ("by", "Split budgets further: component or network"),
                ("level", "With by=component, the level whose budgets are split (default place)"),
                (
                    "componentShares",
                    "With by=component, each component's share of spend as a percentage or a fraction below 1: "
                        + "G&A=55%,CS=10%,… or G&A=0.55,CS=0.1,… (URL-encoded)"
                ),
                (
                    "explain",
                    "An area's code: the answer's explanation shows each step from the control total to its budget"
                ),
                ("pace", "Pace of change for places, floor=1%,cap=5%; needs baselines"),
                ("baselines", "Last year's place budgets, code=amount,…, e.g. north=£1.2bn,south=£900m; needs pace"),
            ]),
        .init(
            method: "GET", path: "/api/v1/ledger", summary: "Budget, actual and forecast by partner, place or pool",
            tag: "money",
            query: [
                ("controlTotal", "The control total (default: last year's spend less 2%)"),
                ("months", "Months of actuals known, 0–12 (default 8)"),
                ("by", "partner (default), place or pool; lines in no pool are the group 'none', Not pooled, last"),
                ("forecast", "run-rate (default) or seasonal"),
            ]),
        .init(
            method: "GET", path: "/api/v1/settlement", summary: "The year-end risk and gain share", tag: "money",
            query: [
                ("controlTotal", "The control total for the ledger's positions (default: last year's spend less 2%)"),
                ("months", "Months of actuals behind the forecast (default 8)"),
                ("forecast", "run-rate (default) or seasonal"),
            ]),
        .init(method: "GET", path: "/api/v1/pools", summary: "Pools with what is spent and left", tag: "money"),
        .init(method: "GET", path: "/api/v1/pools/{code}", summary: "A pool traced from source to spend", tag: "money"),
        .init(
            method: "POST", path: "/api/v1/pools/{code}/payments",
            summary: "Pay from a pool (422 naming a broken ring-fence)", tag: "money", may: \.mayPayFromPools),
        .init(
            method: "GET", path: "/api/v1/indicators", summary: "The indicator catalogue with dated targets",
            tag: "assurance"),
        .init(
            method: "GET", path: "/api/v1/indicators/{code}/areas/{area}/spc",
            summary: "An indicator's SPC chart for an area", tag: "assurance"),
        .init(
            method: "GET", path: "/api/v1/indicators/{code}/organisations/{organisation}/spc",
            summary: "An indicator's SPC chart for an organisation (a provider trust)", tag: "assurance"),
        .init(
            method: "GET", path: "/api/v1/ae/funnel",
            summary: "England's providers' A&E 4-hour performance in a month on an overdispersed funnel",
            tag: "assurance",
            query: [
                ("month", "YYYY-MM (default: the latest month of NHS England's file)"),
                ("type", "all (default) or 1 (type 1 departments)"),
            ]),
        .init(method: "GET", path: "/api/v1/returns", summary: "Assurance returns", tag: "assurance"),
        .init(
            method: "POST", path: "/api/v1/returns", summary: "Submit a place's monthly return", tag: "assurance",
            may: \.maySubmitReturns),
        .init(
            method: "POST", path: "/api/v1/returns/{id}/review", summary: "Accept a return or ask for more",
            tag: "assurance", may: \.mayReviewReturns),
        .init(
            method: "GET", path: "/api/v1/escalations", summary: "Escalations to the system commissioner",
            tag: "assurance"),
        .init(
            method: "GET", path: "/api/v1/governance/memorandum", summary: "The memorandum of understanding in force",
            tag: "governance"),
        .init(
            method: "POST", path: "/api/v1/governance/members", summary: "Record a party or adviser joining",
            tag: "governance", may: \.mayManagePartnership),
        .init(
            method: "POST", path: "/api/v1/governance/members/{organisation}/withdraw", summary: "Record a withdrawal",
            tag: "governance", may: \.mayManagePartnership),
        .init(
            method: "GET", path: "/api/v1/decisions",
            summary: "Decisions with their status, newest first (?limit=, ?offset=)", tag: "governance"),
        .init(
            method: "GET", path: "/api/v1/register", summary: "The hash-chained decision register", tag: "governance"),
        .init(
            method: "POST", path: "/api/v1/proposals", summary: "Table a proposal", tag: "governance",
            may: \.mayManagePartnership),
        .init(
            method: "POST", path: "/api/v1/proposals/{id}/vote", summary: "Record a meeting's votes", tag: "governance",
            may: \.mayManagePartnership),
        .init(
            method: "POST", path: "/api/v1/proposals/{id}/ratifications", summary: "Record a ratification",
            tag: "governance", may: \.mayManagePartnership),
        .init(method: "GET", path: "/api/v1/risks", summary: "The risk and issues register", tag: "governance"),
        .init(method: "POST", path: "/api/v1/risks", summary: "Add a risk", tag: "governance", may: \.mayKeepRegisters),
        .init(
            method: "POST", path: "/api/v1/risks/{id}/review", summary: "Review a risk's score", tag: "governance",
            may: \.mayKeepRegisters),
        .init(method: "GET", path: "/api/v1/programme", summary: "The work programme", tag: "governance"),
        .init(
            method: "POST", path: "/api/v1/programme/milestones/{id}", summary: "Update a milestone", tag: "governance",
            may: \.mayKeepRegisters),
        .init(
            method: "POST", path: "/api/v1/programme/gateways/{id}/pass",
            summary: "Pass a gateway by a ratified decision", tag: "governance", may: \.mayManagePartnership),
        .init(method: "GET", path: "/api/v1/business-cases", summary: "Business cases", tag: "governance"),
        .init(
            method: "POST", path: "/api/v1/business-cases",
            summary: "Draft a business case from a scenario definition (runs and appraises it)", tag: "governance",
            may: \.mayDraftBusinessCases),
        .init(
            method: "GET", path: "/api/v1/business-cases/{id}", summary: "A business case (?format=csv)",
            tag: "governance", query: [("format", "csv for the figures as CSV; JSON otherwise")]),
        .init(
            method: "POST", path: "/api/v1/business-cases/{id}/attach", summary: "Attach a business case to a proposal",
            tag: "governance", may: { $0.mayDraftBusinessCases || $0.mayManagePartnership }),
        .init(
            method: "POST", path: "/api/v1/business-cases/{id}/determination",
            summary: "Record the council's Section 151 officer's determination", tag: "governance",
            may: { $0 != .viewer }),
        .init(method: "GET", path: "/api/v1/jobs", summary: "Background jobs and their progress", tag: "jobs"),
        .init(method: "POST", path: "/api/v1/jobs", summary: "Start a job (analysis)", tag: "jobs", may: \.mayRunJobs),
        .init(
            method: "POST", path: "/api/v1/jobs/{id}/cancel", summary: "Cancel a running job", tag: "jobs",
            may: \.mayRunJobs),
        .init(method: "GET", path: "/api/v1/scenarios", summary: "What-if scenarios, newest first", tag: "scenarios"),
        .init(
            method: "POST", path: "/api/v1/scenarios",
            summary: "Submit a scenario definition (JSON, docs/SCENARIOS.md): 202, run as a job", tag: "scenarios",
            may: \.mayRunScenarios),
        .init(
            method: "GET", path: "/api/v1/scenarios/{id}",
            summary: "A scenario: status, progress and its results (counts through the disclosure gate)",
            tag: "scenarios"),
        .init(
            method: "POST", path: "/api/v1/scenarios/{id}/cancel",
            summary:
                "Cancel a queued or running scenario (an analyst of its organisation): 200 with it cancelled; 409 when its run has ended",
            tag: "scenarios", may: \.mayRunScenarios),
    ]

    /// The document as JSON.
    static let json: String = {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            var parameters: [[String: Any]] = operation.path.split(separator: "/").filter { $0.hasPrefix("{") }.map {
                part -> [String: Any] in
                [
                    "name": String(part.dropFirst().dropLast()), "in": "path", "required": true,
                    "schema": ["type": "string"],
                ]
            }
            for parameter in operation.query {
                let entry: [String: Any] = [
                    "name": parameter.name, "in": "query", "description": parameter.description,
                    "required": parameter.description.hasPrefix("Required."), "schema": ["type": "string"],
                ]
                parameters.append(entry)
            }
            var entry: [String: Any] = [
                "summary": operation.summary, "tags": [operation.tag],
                "responses": [
                    "200": ["description": "OK"],
                    "4XX": ["description": "A problem (RFC 9457 application/problem+json)"],
                ],
            ]
            if !parameters.isEmpty { entry["parameters"] = parameters }
            if let roles = operation.roles {
                entry["security"] = [["bearer": []], ["basic": []]]
                entry["x-roles"] = roles.map(\.rawValue)
                var responses = entry["responses"] as? [String: Any] ?? [:]
                responses["401"] = ["description": "Not signed in"]
                responses["403"] = ["description": "Signed in with a role not in x-roles"]
                responses["429"] = ["description": "Too many failed sign-ins: wait Retry-After seconds"]
                entry["responses"] = responses
            }
            if operation.method != "GET" {
                var responses = entry["responses"] as? [String: Any] ?? [:]
                responses["403"] = ["description": "Signed in with a role not in x-roles, or sent from another site"]
                responses["415"] = ["description": "The body is not sent as application/json"]
                entry["responses"] = responses
                entry["requestBody"] = ["content": ["application/json": [:] as [String: Any]]]
            }
            paths[operation.path, default: [:]][operation.method.lowercased()] = entry
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Concordat", "version": "1",
                "description": "An integrated care system's population, money, assurance and decisions.",
            ],
            "components": [
                "securitySchemes": [
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description": "An API token: concordat user token add USER --name NAME",
                    ],
                    "basic": [
                        "type": "http", "scheme": "basic",
                        "description": "For scripts only: refused with cookies or from a browser, and never challenged",
                    ],
                ]
            ],
            "paths": paths,
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }()
}
