import ConcordatCore

/// The members of the East Kent Accountable Care Partnership as its draft memorandum of understanding
/// names them (Kent Community Health NHS Foundation Trust board papers, 30 November 2017, MoU section 5):
/// 4 CCGs, 3 NHS providers, 6 providers of primary care at scale, Kent County Council, and 2 advisors
/// who do not sign.
public enum EastKentPartnership {
    private static let source = "East Kent ACP draft memorandum of understanding, October 2017, section 5"

    /// The place the partnership is accountable for: its signatories' accounts submit East Kent's returns.
    public static let place = "east-kent"

    /// The 16 organisations: 14 signatories, each accountable for East Kent, and 2 advisers.
    public static let organisations: [Organisation] = members.map { member in
        var organisation = member
        if organisation.isSignatory { organisation.places = [place] }
        return organisation
    }

    private static let members: [Organisation] = [
        Organisation(
            code: "ashford-ccg", name: "Ashford Clinical Commissioning Group", role: .commissioner, source: source),
        Organisation(
            code: "canterbury-coastal-ccg", name: "Canterbury & Coastal Clinical Commissioning Group",
            role: .commissioner, source: source),
        Organisation(
            code: "thanet-ccg", name: "Thanet Clinical Commissioning Group", role: .commissioner, source: source),
        Organisation(
            code: "south-kent-coast-ccg", name: "South Kent Coast Clinical Commissioning Group", role: .commissioner,
            source: source),
        Organisation(
            code: "ekhuft", name: "East Kent Hospitals University Foundation Trust", role: .nhsTrust, source: source),
        Organisation(
            code: "kchft", name: "Kent Community Health NHS Foundation Trust", role: .nhsTrust, source: source),
        Organisation(
            code: "kmpt", name: "Kent and Medway NHS and Social Care Partnership Trust", role: .nhsTrust, source: source
        ),
        Organisation(
            code: "ashford-clinical-providers", name: "Ashford Clinical Providers Limited", role: .primaryCareAtScale,
            source: source),
        Organisation(
            code: "channel-health-alliance", name: "Channel Health Alliance Limited", role: .primaryCareAtScale,
            source: source),
        Organisation(
            code: "encompass", name: "Encompass GP Partnership Ltd", role: .primaryCareAtScale, source: source),
        Organisation(
            code: "herne-bay-integrated-care", name: "Herne Bay Integrated Care Limited", role: .primaryCareAtScale,
            source: source),
        Organisation(
            code: "invicta-health", name: "Invicta Health Community Interest Company", role: .primaryCareAtScale,
            source: source),
        Organisation(
            code: "thanet-health", name: "Thanet Health Community Interest Company", role: .primaryCareAtScale,
            source: source),
        Organisation(code: "kcc", name: "Kent County Council", role: .localAuthority, source: source),
        Organisation(
            code: "stp-ppag", name: "Public and Patient Advisory Group for the Kent and Medway STP", role: .adviser,
            source: source),
        Organisation(code: "kent-lmc", name: "Kent Local Medical Committee", role: .adviser, source: source),
    ]
}
