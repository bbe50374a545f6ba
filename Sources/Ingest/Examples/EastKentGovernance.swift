import ConcordatCore
import Governance

/// The East Kent ACP's governance as its draft memorandum of understanding (October 2017) describes it:
/// one seat per signatory irrespective of size, advisers who do not sign or vote, decisions by qualified
/// majority with no veto, a joining window after which the partnership is closed for a year, and Kent
/// County Council's red lines and ratification routes (its paper on the Kent & Medway STP, 2017).
///
/// The MoU does not state the qualified majority's size; two-thirds of all seats with a quorum of eight
/// is used here and is configuration.
public enum EastKentGovernance {
    /// The memorandum, from the partnership's organisations (signatories are parties; the rest advise).
    public static func memorandum(organisations: [Organisation]) throws -> MemorandumOfUnderstanding {
        let joined = Day(year: 2017, month: 11, day: 30)!
        let seats = organisations.map { organisation in
            MemorandumOfUnderstanding.Seat(
                organisation: organisation.code, kind: organisation.isSignatory ? .party : .adviser, joined: joined)
        }
        let council = organisations.first { $0.role == .localAuthority }?.code ?? "kcc"
        return try MemorandumOfUnderstanding(
            seats: seats, rule: .twoThirds(quorum: 8),
            joiningWindow: Day(year: 2017, month: 11, day: 1)!...Day(year: 2018, month: 3, day: 31)!,
            redLines: RedLine.kentCountyCouncil(party: council, socialCarePools: ["kcc-social-care"]),
            redLinesMayBeOverridden: false)
    }

    /// The ratification routes: the county council's by decision type; every other party's board.
    public static func routes(organisations: [Organisation]) -> RatificationRoutes {
        let council = organisations.first { $0.role == .localAuthority }?.code ?? "kcc"
        return RatificationRoutes(routes: [council: RatificationRoutes.kentCountyCouncil], defaultBody: "Board")
    }
}
