import ConcordatCore
import Finance

/// The money side of the Kent & Medway example: who the budget holders are, the councils' ring-fenced
/// social care and the Better Care Fund as pools, and the default risk-share agreement.
///
/// The county council's social care money "should only be spent on meeting social care needs and only
/// within the KCC area" (Kent & Medway STP, East Kent ACP MoU): the `kcc-social-care` pool's ring-fences
/// say exactly that. Medway Council is a separate unitary authority with its own pool.
public enum KentMedwayFinance {
    /// The twelve districts of Kent County Council's area (Medway is a unitary authority outside it).
    public static let kentCountyDistricts = [
        "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham", "Maidstone", "Sevenoaks",
        "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells",
    ]

    /// The budget holders the synthetic dataset's providers belong to, by code, with their names (ODS codes
    /// for NHS trusts and councils).
    public static let partners: [(code: String, name: String)] = [
        ("RVV", "East Kent Hospitals University NHS Foundation Trust"),
        ("RWF", "Maidstone and Tunbridge Wells NHS Trust"),
        ("RPA", "Medway NHS Foundation Trust"),
        ("RN7", "Dartford and Gravesham NHS Trust"),
        ("RYY", "Kent Community Health NHS Foundation Trust"),
        ("RXY", "Kent and Medway NHS and Social Care Partnership Trust"),
        ("886", "Kent County Council"),
        ("887", "Medway Council"),
        ("HSPKM", "Kent & Medway hospices"),
        ("general-practice", "General practice (175 practices, 45 PCNs)"),
    ]

    /// A partner's name, or its code if unknown.
    public static func partnerName(_ code: String) -> String {
        partners.first { $0.code == code }?.name ?? code
    }

    /// The budget holder for a cell of spend: general practice and prescribing belong to general practice;
    /// everything else to its provider.
    public static func partner(of cell: SpendSummary.Cell) -> String {
        cell.setting == "gp" || cell.setting == "prescribing" || cell.provider == cell.practice
            ? "general-practice" : cell.provider
    }

    /// The pool a partner's budget is drawn from: each council's social care from its own ring-fenced pool.
    public static func pool(ofPartner partner: String) -> String? {
        switch partner {
        case "886": "kcc-social-care"
        case "887": "medway-social-care"
        default: nil
        }
    }

    /// The pools, sized from a year's spend: each council's social care money (its adult social care
    /// spend) ring-fenced to social care inside its own area, and the Kent Better Care Fund (a section 75
    /// pool hosted by the county council, with NHS and council money, for community and social care in
    /// Kent) sized at a tenth of Kent's community spend from each side.
    public static func pools(spend: SpendSummary) -> [Pool] {
        func total(_ include: (SpendSummary.Cell) -> Bool) -> Int64 {
            spend.cells.filter(include).reduce(0) { $0 + $1.pence }
        }
        let kccSocialCare = total { $0.setting == "adult_social_care" && $0.provider == "886" }
        let medwaySocialCare = total { $0.setting == "adult_social_care" && $0.provider == "887" }
        let community = total { $0.setting == "community" }
        return [
            Pool(
                code: "kcc-social-care", name: "Kent County Council adult social care", kind: .ringFenced, host: "886",
                contributions: [.init(partner: "886", amount: Money(pence: kccSocialCare))],
                ringFences: [
                    RingFence(name: "social care needs only", settings: ["adult_social_care"]),
                    RingFence(name: "only within the KCC area", districts: kentCountyDistricts),
                ]),
            Pool(
                code: "medway-social-care", name: "Medway Council adult social care", kind: .ringFenced, host: "887",
                contributions: [.init(partner: "887", amount: Money(pence: medwaySocialCare))],
                ringFences: [
                    RingFence(name: "social care needs only", settings: ["adult_social_care"]),
                    RingFence(name: "only within Medway", districts: ["Medway"]),
                ]),
            Pool(
                code: "kent-bcf", name: "Kent Better Care Fund", kind: .betterCareFund, host: "886",
                contributions: [
                    .init(partner: "QKS", amount: Money(pence: community / 10)),
                    .init(partner: "886", amount: Money(pence: community / 10)),
                ],
                ringFences: [
                    RingFence(
                        name: "community and social care in Kent", settings: ["community", "adult_social_care"],
                        districts: kentCountyDistricts)
                ]),
        ]
    }

    /// The default risk-share agreement: each partner bears its own variance through tiered corridors
    /// (100% to 2% of budget, 50% to 4%, 20% beyond) and the rest is shared by budget.
    public static let agreement = RiskShareAgreement.tieredByBudget

    /// The demo's control total: the synthetic year's spend less 2%, to the £1m below, so the system
    /// has an overspend to manage as real systems do.
    public static func demoControlTotal(spend: SpendSummary) -> Money {
        let target = Double(spend.total) * 0.98
        let million = 100_000_000.0
        return Money(pence: Int64((target / million).rounded(.down) * million))
    }
}
