import ConcordatCore

/// A second example system, Leicester, Leicestershire & Rutland, from *Moving Towards an Accountable
/// Care System in LLR* (System Leadership Team, draft v3, 25 August 2017; Leicester City CCG Governing
/// Body, 12 September 2017).
///
/// The paper describes three levels (system, network, locality) and "11 localities (which in the step up
/// phase could work together in 3 groups/clusters)". Networks are care networks across the whole
/// system, not areas, so the geographic hierarchy is system › cluster › locality. The paper names
/// neither the localities nor which cluster each belongs to, so they are labelled plainly
/// ("Locality 1", "Cluster 1") and the grouping is a placeholder a user should edit; a data-quality note
/// says so. Organisations are named as the paper names them; where it gives only an abbreviation or no
/// name, that is what is shown.
public enum LeicesterLeicestershireRutland {
    /// The system's hierarchy.
    public static let levels: [HierarchyLevel] = [
        HierarchyLevel(key: "system", singular: "Accountable care system", plural: "Accountable care systems"),
        HierarchyLevel(key: "cluster", singular: "Cluster", plural: "Clusters"),
        HierarchyLevel(key: "locality", singular: "Locality", plural: "Localities"),
    ]

    /// The care networks the paper proposes, each across the whole system.
    public static let careNetworks = [
        "Urgent and Emergency Care", "General Practice", "Mental Health and Learning Disabilities",
        "Planned Care and Cancer", "Integrated Teams", "Home First", "Children and Maternity",
    ]

    private static let source = "Moving Towards an Accountable Care System in LLR, draft v3, 25 August 2017"

    /// The organisations: the parties to the ACS agreement (CCGs, UHL and LPT) and the partners to it
    /// (local authorities, EMAS, DHU).
    public static let organisations: [Organisation] = [
        Organisation(
            code: "leicester-city-ccg", name: "Leicester City Clinical Commissioning Group", role: .commissioner,
            membership: .party, source: source),
        Organisation(
            code: "west-leicestershire-ccg", name: "West Leicestershire Clinical Commissioning Group",
            role: .commissioner, membership: .party, source: source),
        Organisation(
            code: "llr-ccg-3", name: "Third LLR CCG (not named in the paper)", role: .commissioner, membership: .party,
            source: source),
        Organisation(code: "uhl", name: "UHL", role: .nhsTrust, membership: .party, source: source),
        Organisation(
            code: "lpt", name: "Leicestershire Partnership Trust", role: .nhsTrust, membership: .party, source: source),
        Organisation(
            code: "llr-local-authorities", name: "Local authorities (not named individually in the paper)",
            role: .localAuthority, membership: .partner, source: source),
        Organisation(code: "emas", name: "EMAS", role: .otherProvider, membership: .partner, source: source),
        Organisation(code: "dhu", name: "DHU", role: .otherProvider, membership: .partner, source: source),
    ]

    /// Builds the example system: 1 system, 3 clusters, 11 localities, no population loaded.
    public static func system() throws -> HealthSystem {
        var areas = [Area(code: "LLR", name: "Leicester, Leicestershire & Rutland", level: "system", parentCode: nil)]
        let clusterSizes = [4, 4, 3]
        var locality = 1
        for (index, size) in clusterSizes.enumerated() {
            let cluster = "cluster-\(index + 1)"
            areas.append(Area(code: cluster, name: "Cluster \(index + 1)", level: "cluster", parentCode: "LLR"))
            for _ in 0..<size {
                areas.append(
                    Area(
                        code: "locality-\(locality)", name: "Locality \(locality)", level: "locality",
                        parentCode: cluster))
                locality += 1
            }
        }
        let note = DataQualityNote(
            kind: .placeOverridden, subject: "LLR",
            message:
                "The LLR paper names 11 localities working in 3 clusters but not which locality is in which cluster; Localities 1–4, 5–8 and 9–11 are grouped as placeholders to be edited."
        )
        return try HealthSystem(
            code: "LLR", name: "Leicester, Leicestershire & Rutland", levels: levels, areas: areas,
            organisations: organisations, notes: [note])
    }
}
