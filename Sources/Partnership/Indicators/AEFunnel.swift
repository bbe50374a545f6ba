import ConcordatCore
import Ingest
import PopulationHealth

/// Every England provider's 4-hour performance in one month on a funnel, the system's trusts marked.
///
/// The model is the overdispersed proportion funnel with additive random effects (Spiegelhalter 2005,
/// DerSimonian–Laird τ², 10% Winsorisation, as the NHS-R FunnelPlotR package): providers see around 10,000
/// attendances a month, so limits from chance alone (binomial) are so narrow that most providers fall outside
/// them; the additive model allows for the real variation between departments and flags only those beyond
/// it. The plain limits' count of outliers is kept (``outsideWithoutAllowance``) so a page can say so.
/// Providers with no attendances that month have no rate and are left out (``withoutAttendances``).
public struct AEFunnel: Sendable {
    /// One provider on the funnel.
    public struct Unit: Sendable, Hashable {
        /// Its ODS code.
        public var provider: String
        /// The system's organisation with this ODS code, if any (a trust to highlight).
        public var organisation: Organisation?
        /// Its attendances and breaches that month.
        public var counts: AEAttendances.Counts
        /// Where it falls against the overdispersed limits.
        public var significance: FunnelSignificance?
    }

    /// The month, `YYYY-MM`.
    public let month: String
    /// Which departments are counted.
    public let scope: AEAttendances.Scope
    /// The funnel's limits.
    public let model: OverdispersedFunnel
    /// Every provider with attendances that month, by ODS code.
    public let units: [Unit]
    /// Providers with a row that month but no attendances.
    public let withoutAttendances: [String]
    /// How many providers lie beyond the 99.8% limits of chance alone (no allowance for overdispersion).
    public let outsideWithoutAllowance: Int

    /// The funnel for `month` (`YYYY-MM`; the file's latest when `nil`) and `scope`, marking `organisations`
    /// by their ODS codes.
    /// - Throws: ``AEQuestionRefusal`` when the month is not `YYYY-MM`, the file has no rows for it, or fewer
    ///   than two providers had attendances of that scope.
    public init(
        _ file: AEAttendances, month: String?, scope: AEAttendances.Scope, organisations: [Organisation]
    ) throws(AEQuestionRefusal) {
        guard let chosen = month ?? file.months.last else { throw .noData("the A&E file has no months") }
        guard Month.isValid(chosen) else { throw .malformed("month", "'\(chosen)' is not a month (YYYY-MM)") }
        guard file.months.contains(chosen) else {
            throw .noData(
                "no A&E data for \(chosen): the file covers \(file.months.first ?? "") to \(file.months.last ?? "")")
        }
        let byODS = Dictionary(
            organisations.compactMap { org in org.odsCode.map { ($0, org) } }, uniquingKeysWith: { first, _ in first })
        let rows = file.providerCounts(month: chosen, scope: scope)
        let counted = rows.filter { $0.counts.attendances > 0 }
        let funnelUnits = counted.map {
            OverdispersedFunnel.Unit(
                numerator: Double($0.counts.withinFourHours), denominator: Double($0.counts.attendances))
        }
        let model: OverdispersedFunnel
        let plain: OverdispersedFunnel
        do {
            model = try OverdispersedFunnel(units: funnelUnits, measure: .proportion, adjustment: .additive)
            plain = try OverdispersedFunnel(units: funnelUnits, measure: .proportion, adjustment: .none)
        } catch {
            throw .noData("too few providers with \(scope.label) attendances in \(chosen) for a funnel")
        }
        self.month = chosen
        self.scope = scope
        self.model = model
        units = zip(counted, funnelUnits).map { row, unit in
            Unit(
                provider: row.provider, organisation: byODS[row.provider], counts: row.counts,
                significance: model.significance(of: unit))
        }
        withoutAttendances = rows.filter { $0.counts.attendances == 0 }.map(\.provider)
        outsideWithoutAllowance =
            funnelUnits.filter {
                let place = plain.significance(of: $0)
                return place == .low998 || place == .high998
            }.count
    }

    /// The system's trusts on the funnel, in the order given.
    public var trusts: [Unit] { units.filter { $0.organisation != nil } }
}

/// An A&E question that cannot be answered: a malformed input (which and why), or no data for what was
/// asked. Bad input, never a fault.
public enum AEQuestionRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// An input that is not of the right form: its name and why.
    case malformed(String, String)
    /// Well-formed, but the file has nothing for it.
    case noData(String)

    /// The refusal in words.
    public var description: String {
        switch self {
        case .malformed(let field, let reason): "\(field): \(reason)"
        case .noData(let reason): reason
        }
    }
}
