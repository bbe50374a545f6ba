import ConcordatCore
import Disclosure

/// A row in a table of areas: a place's PCNs, a PCN's practices.
struct AreaRow {
    var code: String
    var name: String
    var levelName: String
    var population: String
    var contains: String
    var outside: Bool
    var design: String

    init(_ area: Area, in system: HealthSystem) {
        code = area.code
        name = area.name
        let level = system.level(of: area)
        levelName = level?.singular ?? area.level
        population = system.population(of: area.code).total.grouped
        contains = Self.contents(of: area.code, in: system)
        outside = system.isOutsideDesignSize(area.code) ?? false
        design = level?.designPopulation.map { "Within \($0.lowerBound.grouped)–\($0.upperBound.grouped)" } ?? "—"
    }

    /// "3 Primary Care Networks, 12 GP practices": what an area holds, level by level.
    static func contents(of code: String, in system: HealthSystem) -> String {
        let counts = system.descendantCounts(of: code)
        let parts = system.levels.compactMap { level -> String? in
            guard let count = counts[level.key] else { return nil }
            return "\(count.grouped) \(count == 1 ? level.singular : level.plural)"
        }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }
}

/// The home page: the system map.
struct HomePage {
    var systemName: String
    var summary: String
    var hasReconciliation: Bool
    var reconciliation: String
    var reconciliationClass: String
    var placeLevelPlural: String
    var designSizeText: String
    var hasDesignChart: Bool
    var designChart: String
    var places: [PlaceSection]
    var hasOutside: Bool
    var outsideSummary: String
    var outsideList: [OutsideEntry]
    var hasNotes: Bool
    var noteCount: Int
    var notes: [NoteEntry]
    var hasSources: Bool
    var sources: [SourceEntry]
    var hasModel: Bool
    var modelText: String
    var calibration: [CalibrationRow]
    /// Why the admission-risk model is not reported, shown in its place.
    var hasModelRefusal: Bool
    var modelRefusal: String
    var hasDataset: Bool
    var datasetText: String
    var datasetMatchText: String
    var datasetClass: String

    struct PlaceSection {
        var code: String
        var name: String
        var facts: String
        var hasChildren: Bool
        var children: [AreaRow]
    }

    struct OutsideEntry {
        var code: String
        var name: String
        var population: String
    }

    struct NoteEntry {
        var kind: String
        var message: String
    }

    struct CalibrationRow {
        var band: Int
        var people: String
        var predicted: String
        var observed: String
    }

    struct SourceEntry {
        var file: String
        var publication: String
        var rows: String
    }

    init(_ snapshot: SystemSnapshot) {
        let system = snapshot.system
        systemName = system.name
        let root = system.root.code
        let total = system.population(of: root).total
        let counts = system.levels.dropFirst().map { level in
            "\(system.areas(atLevel: level.key).count.grouped) \(level.plural.inSentence)"
        }
        summary =
            total > 0
            ? "\(total.grouped) people registered, in \(counts.joined(separator: ", "))."
            : "\(counts.joined(separator: ", ").capitalisedFirst). No registered population has been loaded."
        if let published = system.publishedRegisteredTotal {
            hasReconciliation = true
            if published == total {
                reconciliation =
                    "Reconciled: the areas add up to the published total of \(published.grouped) registered patients."
                reconciliationClass = "ok"
            } else {
                reconciliation =
                    "Does not reconcile: the areas add up to \(total.grouped), the published total is \(published.grouped)."
                reconciliationClass = "bad"
            }
        } else {
            hasReconciliation = false
            reconciliation = ""
            reconciliationClass = ""
        }
        placeLevelPlural = system.levels.count > 1 ? system.levels[1].plural.inSentence : "areas"
        let designed = system.levels.first { $0.designPopulation != nil }
        designSizeText =
            designed.flatMap { level in
                level.designPopulation.map {
                    "\(level.plural) are designed to serve \($0.lowerBound.grouped)–\($0.upperBound.grouped) people; those outside that range are marked."
                }
            } ?? ""
        let chart = DesignSizeChart(system: system).svg
        hasDesignChart = chart != nil
        designChart = chart ?? ""
        places = system.children(of: root).map { place in
            let children = system.children(of: place.code)
            return PlaceSection(
                code: place.code, name: place.name,
                facts:
                    "\(system.population(of: place.code).total.grouped) registered · \(AreaRow.contents(of: place.code, in: system))",
                hasChildren: !children.isEmpty, children: children.map { AreaRow($0, in: system) })
        }
        let outside = system.areas.filter { system.isOutsideDesignSize($0.code) == true }
        hasOutside = !outside.isEmpty
        outsideSummary =
            designed.map {
                "\(outside.count) of \(system.areas(atLevel: $0.key).count) \($0.plural.inSentence) fall outside the design size:"
            } ?? ""
        outsideList = outside.map {
            OutsideEntry(code: $0.code, name: $0.name, population: system.population(of: $0.code).total.grouped)
        }
        hasNotes = !system.notes.isEmpty
        noteCount = system.notes.count
        notes = system.notes.map {
            NoteEntry(kind: $0.kind.rawValue.replacingOccurrences(of: "_", with: " "), message: $0.message)
        }
        if let dataset = snapshot.dataset {
            let document = DatasetDocument(dataset, in: snapshot)
            hasDataset = true
            let size = { (count: Int?) in count.map { $0 == 0 ? "0" : "about \($0.grouped)" } ?? "a few" }
            datasetText =
                "\(size(document.people)) people, \(size(document.diagnoses)) diagnoses and \(size(document.events)) "
                + "events of care (\(dataset.source)), pseudonymised at source."
            let practices = document.practicesMatchingPublished + document.practicesDiffering
            datasetMatchText =
                document.practicesDiffering == 0
                ? "Every one of the \(practices) practices holds exactly its published list size."
                : "\(document.practicesMatchingPublished) of \(practices) practices hold exactly their published list size; "
                    + "\(document.practicesDiffering) differ."
            datasetClass = document.practicesDiffering == 0 ? "ok" : "warn"
        } else {
            hasDataset = false
            datasetText =
                "No person-level dataset is loaded. `concordat import` loads one; `concordat demo` loads a synthetic one."
            datasetMatchText = ""
            datasetClass = ""
        }
        if let report = snapshot.admissionRisk {
            let model = AdmissionRiskDocument(report, published: snapshot.published).report
            hasModel = true
            modelText = String(
                format:
                    "A logistic model predicts an emergency admission in %@ from age, sex, deprivation, scores and activity in %@. "
                    + "Trained on %@ people and tested on %@ others: AUC %.3f%@ on the outcome window %@, "
                    + "from %@ outcomes in the test set; %@ had an emergency admission. "
                    + "The highest %.0f%% of predicted risks form the cohort for case management (counted on each area's page).",
                model.outcomePeriod, model.priorPeriod, model.trainingPeople.hiddenOrGrouped,
                model.testPeople.hiddenOrGrouped,
                model.auc,
                model.aucInterval.map { String(format: " (95%% CI %.3f to %.3f, DeLong)", $0.lower, $0.upper) } ?? "",
                model.outcomePeriod, model.testOutcomes.hiddenOrGrouped,
                model.outcomeRate.map { String(format: "%.1f%%", $0 * 100) } ?? "a suppressed share",
                model.cohortShare * 100)
            calibration = model.calibration.map {
                CalibrationRow(
                    band: $0.band, people: $0.people.hiddenOrGrouped,
                    predicted: String(format: "%.1f%%", $0.predicted * 100),
                    observed: $0.observed.map { String(format: "%.1f%%", $0 * 100) } ?? "suppressed")
            }
        } else {
            hasModel = false
            modelText = ""
            calibration = []
        }
        hasModelRefusal = snapshot.admissionRisk == nil && snapshot.admissionRiskRefusal != nil
        modelRefusal = snapshot.admissionRiskRefusal.map { "Not reported: \($0)." } ?? ""
        hasSources = !system.sources.isEmpty
        sources = system.sources.map { SourceEntry(file: $0.file, publication: $0.publication, rows: $0.rows.grouped) }
    }
}

/// The page for one area: place, neighbourhood, practice, cluster or locality.
struct AreaPage {
    var code: String
    var name: String
    var levelName: String
    var hasPostcode: Bool
    var postcode: String
    var hasDistrict: Bool
    var district: String
    var hasPopulation: Bool
    var total: String
    var female: String
    var male: String
    var over65: String
    var hasDesign: Bool
    var designText: String
    var designClass: String
    var pyramid: String
    var bands: [BandRow]
    /// Whether everyone registered has a sex and age band, so the pyramid and its figures can be shown.
    var hasBands: Bool
    /// Whether some of the registered have no band: then ``bandsNotice`` says which file is absent.
    var hasUnbanded: Bool
    var bandsNotice: String
    var hasChildren: Bool
    var childrenHeading: String
    var children: [AreaRow]
    var hasNotes: Bool
    var notes: [HomePage.NoteEntry]
    var hasDataset: Bool
    var datasetPeople: String
    var hasNeeds: Bool
    var needsSummary: String
    /// "About these figures": period, reference date, population, denominator, suppression rule.
    var about: [AboutTheseFigures.AboutRow] = []
    var segmentChart: String
    var costChart: String
    var notableConditions: [HomePage.NoteEntry]
    var hasNotableConditions: Bool
    var hasFunnel: Bool
    var funnel: String
    /// The funnel's model in words ("95% and 99.8% limits, binomial with additive … overdispersion …").
    var funnelModel = ""
    /// People by IMD decile, Core20 by the areas within, the SII and what is real.
    var deprivation = DeprivationSection()
    var hasDistribution: Bool
    var distributionChart: String
    var frailtyChart: String
    var tabs: [Tab]
    var sortable = true
    var sortedByName = false
    var sortedByPopulation = false

    /// A tab: the same five at every level of the system.
    struct Tab {
        var label: String
        var href: String
    }

    struct BandRow {
        var band: String
        var male: String
        var female: String
        var total: String
    }

    init(_ area: Area, in snapshot: SystemSnapshot) {
        let system = snapshot.system
        // Outcomes are reported for the system and its places: an area below a place shows its place's.
        let lineage = system.lineage(of: area.code)
        let reported = lineage.count >= 2 ? lineage[1].code : system.root.code
        tabs = [
            Tab(label: "Population", href: "#population"), Tab(label: "Needs", href: "#needs"),
            Tab(label: "Money", href: "/money#budget-\(area.code)"),
            Tab(label: "Outcomes", href: "/assurance/\(area.code == system.root.code ? area.code : reported)"),
            Tab(label: "Risks", href: "/risks?area=\(area.code)"),
        ]
        let inDataset = snapshot.datasetPeople(of: area.code)
        hasDataset = inDataset != nil
        datasetPeople = inDataset.map { $0.text(hidden: "suppressed", grouped: \.grouped) } ?? ""
        if let needs = NeedsDocument(area: area, snapshot: snapshot) {
            hasNeeds = true
            var facts: [String] = []
            if let percent = needs.core20.percent {
                facts.append(String(format: "%.1f%% in Core20 (the most deprived fifth nationally)", percent))
            }
            if let mean = needs.meanCharlson { facts.append(String(format: "mean Charlson score %.2f", mean)) }
            if let percent = needs.emergencyAdmission.percent {
                facts.append(String(format: "%.1f%% had an emergency admission in the period", percent))
            }
            if let cost = needs.costPerHeadPence { facts.append("£\(Int(cost / 100).grouped) of care per head") }
            if let cohort = needs.topRiskCohort {
                facts.append("\(cohort.grouped) people in the top-risk cohort for case management")
            }
            if let died = needs.diedInPeriod, died > 0 {
                facts.append(
                    "activity and cost include \(died.grouped) people who died in the period (of whom none are in the "
                        + "population at its end)")
            }
            needsSummary = facts.joined(separator: "; ") + "."
            about = needs.about.rows
            segmentChart =
                BarChart(
                    id: "segments", title: "People by Bridges to Health segment: \(area.name)",
                    description: needs.segments.map { "\($0.label): \($0.people.map { String($0) } ?? "suppressed")" }
                        .joined(separator: "; "),
                    items: needs.segments.map { segment in
                        BarChart.Item(
                            label: segment.label, value: segment.percent,
                            text: segment.percent.map { String(format: "%.1f%%", $0) } ?? "suppressed")
                    }
                ).svg
            costChart =
                BarChart(
                    id: "costs", title: "Cost of care per head by setting: \(area.name)",
                    description: needs.costPerHeadBySetting.map {
                        "\($0.label): \($0.pence.map { "£\($0 / 100)" } ?? "suppressed")"
                    }
                    .joined(separator: "; "),
                    items: needs.costPerHeadBySetting.map { cost in
                        BarChart.Item(
                            label: cost.label, value: cost.pence.map(Double.init),
                            text: cost.pence.map { "£\(Int($0 / 100).grouped)" } ?? "—")
                    }
                ).svg
            let frailtyBands =
                zip(["HFRS low risk (<5)", "HFRS intermediate (5–15)", "HFRS high (>15)"], needs.frailty).map {
                    ($0, $1.people)
                }
                + (needs.electronicFrailtyIndex ?? []).map { ("eFI \($0.band)", $0.people) }
            frailtyChart =
                BarChart(
                    id: "frailty", title: "People by frailty category: \(area.name)",
                    description: frailtyBands.map { "\($0.0): \($0.1.map { String($0) } ?? "suppressed")" }
                        .joined(separator: "; "),
                    items: frailtyBands.map { label, count in
                        BarChart.Item(
                            label: label, value: count.map(Double.init), text: count.map { $0.grouped } ?? "suppressed")
                    }
                ).svg
            notableConditions = needs.conditions.filter { $0.funnel == .high998 || $0.funnel == .low998 }.map {
                condition in
                HomePage.NoteEntry(
                    kind: condition.funnel == .high998 ? "higher" : "lower",
                    message: String(
                        format: "%@: %.1f%% against %.1f%% for the system, beyond the 99.8%% funnel limit",
                        condition.name, condition.percent ?? 0, condition.systemPercent ?? 0))
            }
            hasNotableConditions = !notableConditions.isEmpty
            if let distribution = needs.charlsonDistribution {
                hasDistribution = true
                let labels = ["0", "1", "2", "3", "4", "5 or more"]
                distributionChart =
                    BarChart(
                        id: "charlson", title: "People by Charlson score: \(area.name)",
                        description: zip(labels, distribution).map {
                            "score \($0): \($1.map { String($0) } ?? "suppressed")"
                        }
                        .joined(separator: "; "),
                        items: zip(labels, distribution).map { label, count in
                            BarChart.Item(
                                label: "Charlson score \(label)", value: count.map(Double.init),
                                text: count.map { $0.grouped } ?? "suppressed")
                        }
                    ).svg
            } else {
                hasDistribution = false
                distributionChart = ""
            }
            deprivation = DeprivationSection(
                needs,
                childLevel: system.children(of: area.code).first.map {
                    system.level(of: $0)?.singular.inSentence ?? $0.level
                })
            // Children compared on emergency admissions, from published counts; hidden ones are left out.
            if let (model, units) = NeedsDocument.ComparisonFunnelDocument.comparison(within: area, snapshot: snapshot)
            {
                hasFunnel = true
                funnelModel = model.label
                funnel =
                    FunnelPlot(
                        id: "funnel", title: "Emergency admissions in \(area.name): the areas within compared",
                        measure: "People with an emergency admission", model: model,
                        points: units.map {
                            FunnelPlot.Point(label: $0.area.name, denominator: $0.people, numerator: $0.admitted)
                        }
                    ).svg
            } else {
                hasFunnel = false
                funnel = ""
            }
        } else {
            hasDistribution = false
            distributionChart = ""
            frailtyChart = ""
            hasFunnel = false
            funnel = ""
            hasNeeds = false
            needsSummary = ""
            segmentChart = ""
            costChart = ""
            notableConditions = []
            hasNotableConditions = false
        }
        code = area.code
        name = area.name
        let level = system.level(of: area)
        levelName = level?.singular ?? area.level
        hasPostcode = area.postcode != nil
        postcode = area.postcode ?? ""
        hasDistrict = area.district != nil
        district = area.district ?? ""
        let profile = system.population(of: area.code)
        hasPopulation = profile.total > 0
        total = profile.total.grouped
        female = profile.total(of: .female).grouped
        male = profile.total(of: .male).grouped
        over65 = profile.total(agedAtLeast: 65).grouped
        if let range = level?.designPopulation, let outside = system.isOutsideDesignSize(area.code) {
            hasDesign = true
            let design =
                "the design size of \(range.lowerBound.grouped)–\(range.upperBound.grouped) for a \(level!.singular)"
            designText =
                outside
                ? "\(profile.total.grouped) registered: outside \(design)."
                : "\(profile.total.grouped) registered: within \(design)."
            designClass = outside ? "warn" : "ok"
        } else {
            hasDesign = false
            designText = ""
            designClass = ""
        }
        hasBands = profile.bandedTotal > 0 && profile.isFullyBanded
        hasUnbanded = profile.unbanded > 0
        bandsNotice = hasUnbanded ? Self.bandsAbsent(profile) : ""
        pyramid =
            hasBands ? PopulationPyramid(profile: profile, title: "Population pyramid: \(area.name)").svg : ""
        bands = AgeBand.all.reversed().map {
            BandRow(
                band: $0.label, male: profile[.male, $0].grouped, female: profile[.female, $0].grouped,
                total: profile.total(in: $0).grouped)
        }
        let children = system.children(of: area.code)
        hasChildren = !children.isEmpty
        let childLevels = Set(children.map(\.level))
        childrenHeading =
            childLevels.count == 1
            ? (system.level(children[0].level)?.plural ?? "Contains") + " in \(area.name)" : "In \(area.name)"
        self.children = children.map { AreaRow($0, in: system) }
        let subjects = Set([area.code] + children.map(\.code))
        let relevant = system.notes.filter { subjects.contains($0.subject) }
        hasNotes = !relevant.isEmpty
        notes = relevant.map { HomePage.NoteEntry(kind: $0.kind.rawValue, message: $0.message) }
    }
}

/// The partnership page.
struct PartnershipPage {
    var summary: String
    var organisations: [Row]

    struct Row {
        var name: String
        var role: String
        var signatory: String
        var membership: String
        var source: String
    }

    init(_ organisations: [Organisation]) {
        let signatories = organisations.filter(\.isSignatory).count
        let advisers = organisations.filter { !$0.isSignatory && $0.role == .adviser }.count
        let others = organisations.count - signatories - advisers
        summary =
            "\(organisations.count) organisations: \(signatories) signatories, one seat each irrespective of size, "
            + (others == 0
                ? "and \(advisers) advisers without a vote."
                : "\(advisers) advisers without a vote, and \(others) other organisations that sign nothing (providers whose published statistics the system watches).")
        self.organisations = organisations.map {
            Row(
                name: $0.name, role: $0.role.label,
                signatory: $0.isSignatory ? "Yes" : $0.role == .adviser ? "No (adviser)" : "No",
                membership: $0.membership.map { $0 == .party ? "Party" : "Partner" } ?? "—", source: $0.source ?? "—")
        }
    }
}

extension Int? {
    /// A published count for people to read: grouped digits, or "suppressed" when hidden.
    var hiddenOrGrouped: String { map(\.grouped) ?? "suppressed" }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
