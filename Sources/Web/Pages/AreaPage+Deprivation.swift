import ConcordatCore
import Foundation

extension AreaPage {
    /// The needs page's deprivation section: people by IMD decile with emergency admissions per 1,000, Core20
    /// by the areas within, the slope index of inequality with its interval, and what is real — all from
    /// the published (disclosure-gated) figures of ``NeedsDocument/Deprivation``.
    struct DeprivationSection {
        /// One decile's row.
        struct DecileRow {
            var decile: String
            var people: String
            var percent: String
            var admissions: String
            var per1000: String
        }

        /// One area's Core20 row.
        struct Core20Row {
            var name: String
            var people: String
            var core20: String
            var percent: String
        }

        var hasDeciles = false
        var deciles: [DecileRow] = []
        var unknown = ""
        var hasCore20 = false
        var core20Heading = ""
        var core20: [Core20Row] = []
        var hasSlopeIndex = false
        var slopeIndex = ""
        var slopeIndexNote = ""
        var provenance = NeedsDocument.provenance

        /// An empty section (no decile counts in the analysis).
        init() {}

        /// The section for `needs`; `childLevel` names the level of the areas within ("place").
        init(_ needs: NeedsDocument, childLevel: String?) {
            provenance = needs.provenance
            guard let deprivation = needs.deprivation else { return }
            func text(_ count: Int?) -> String { count.map(\.grouped) ?? "suppressed" }
            func share(_ value: Double?, _ format: String) -> String { value.map { String(format: format, $0) } ?? "—" }
            hasDeciles = !deprivation.deciles.isEmpty
            slopeIndexNote = deprivation.slopeIndexNote ?? ""
            deciles = deprivation.deciles.map { row in
                DecileRow(
                    decile: row.decile == 1
                        ? "1 (most deprived)" : row.decile == 10 ? "10 (least deprived)" : "\(row.decile)",
                    people: text(row.people), percent: share(row.percent, "%.1f%%"),
                    admissions: text(row.emergencyAdmissions), per1000: share(row.emergencyAdmissionsPer1000, "%.1f"))
            }
            unknown =
                deprivation.unknownDecile.map { $0 == 0 ? "" : "\($0.grouped) people have no known decile." }
                ?? "People with no known decile: suppressed."
            if !deprivation.core20ByArea.isEmpty {
                hasCore20 = true
                core20Heading = "Core20 by \(childLevel ?? "area")"
                core20 = deprivation.core20ByArea.map {
                    Core20Row(
                        name: $0.name, people: text($0.people), core20: text($0.core20),
                        percent: share($0.percent, "%.1f%%"))
                }
            }
            if let sii = deprivation.slopeIndex {
                hasSlopeIndex = true
                slopeIndex = String(
                    format:
                        "Slope index of inequality in emergency admissions: %.1f per 1,000 people (95%% CI %.1f to %.1f) from the most to the least deprived end of %@'s population; %@.",
                    sii.sii, sii.lower, sii.upper, needs.name, sii.method)
            } else {
                slopeIndexNote = deprivation.slopeIndexNote ?? ""
            }
        }
    }
}
