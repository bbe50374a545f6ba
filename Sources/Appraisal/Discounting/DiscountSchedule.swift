/// A schedule of annual discount rates by year, and the discount factors it gives.
///
/// The discount factor for year t is the product of the year-by-year factors,
/// DF(0) = 1 and DF(t) = DF(t − 1) ÷ (1 + r(t)), where r(t) is the rate of the band that year t falls in.
/// So beyond year 30 the factor continues from DF(30) at the lower rate (DF(31) = DF(30) ÷ 1.03), not
/// 1 ÷ 1.03^31: this is the Green Book's schedule (HM Treasury, *The Green Book*, 2022, Annex A6, table
/// "The declining long-term discount rate"; unchanged in the February 2026 update). Year 0 is the base year
/// (the present), undiscounted; costs and benefits are taken to fall at the points 0, 1, 2, … years on.
public struct DiscountSchedule: Sendable, Hashable {
    /// The bands, in order of first year; the first starts at year 0 and the last runs for ever.
    public let bands: [DiscountBand]

    /// Makes a schedule from bands, checked: the first band starts at year 0, bands start in strictly
    /// increasing years, every rate is finite and above −100%.
    /// - Throws: ``AppraisalError`` with code `invalidRate` or `notFinite`, naming `bands[i]`.
    public init(bands: [DiscountBand]) throws(AppraisalError) {
        guard let first = bands.first else {
            throw AppraisalError(.empty, field: "bands", reason: "a discount schedule needs at least one band")
        }
        guard first.firstYear == 0 else {
            throw AppraisalError(
                .invalidRate, field: "bands[0].firstYear", reason: "the first band must start at year 0")
        }
        for (index, band) in bands.enumerated() {
            guard band.rate.isFinite else {
                throw AppraisalError(.notFinite, field: "bands[\(index)].rate", reason: "the rate is not a number")
            }
            guard band.rate > -1 else {
                throw AppraisalError(
                    .invalidRate, field: "bands[\(index)].rate", reason: "a rate must be above −100%")
            }
            if index > 0, band.firstYear <= bands[index - 1].firstYear {
                throw AppraisalError(
                    .invalidRate, field: "bands[\(index)].firstYear",
                    reason: "bands must start in increasing years (\(band.firstYear) follows "
                        + "\(bands[index - 1].firstYear))")
            }
        }
        self.bands = bands
    }

    private init(unchecked bands: [DiscountBand]) { self.bands = bands }

    /// The Green Book's social time preference rate (STPR) schedule: 3.5% for years 0–30, 3.0% for 31–75,
    /// 2.5% for 76–125, 2.0% for 126–200, 1.5% for 201–300 and 1.0% from 301 (HM Treasury, *The Green Book*,
    /// 2022, Annex A6; the rates quoted by DfT TAG "Forthcoming change: Green Book updates", April 2026).
    public static let standard = DiscountSchedule(unchecked: [
        DiscountBand(firstYear: 0, rate: 0.035), DiscountBand(firstYear: 31, rate: 0.030),
        DiscountBand(firstYear: 76, rate: 0.025), DiscountBand(firstYear: 126, rate: 0.020),
        DiscountBand(firstYear: 201, rate: 0.015), DiscountBand(firstYear: 301, rate: 0.010),
    ])

    /// The Green Book's health discount rate, for health effects valued in QALYs or wellbeing: the STPR
    /// without the wealth effect, 1.5% for years 0–30, then 1.29%, 1.07%, 0.86%, 0.64% and 0.43% over the
    /// same bands as ``standard`` (HM Treasury, *The Green Book*, 2022, Annex A6).
    public static let health = DiscountSchedule(unchecked: [
        DiscountBand(firstYear: 0, rate: 0.015), DiscountBand(firstYear: 31, rate: 0.0129),
        DiscountBand(firstYear: 76, rate: 0.0107), DiscountBand(firstYear: 126, rate: 0.0086),
        DiscountBand(firstYear: 201, rate: 0.0064), DiscountBand(firstYear: 301, rate: 0.0043),
    ])

    /// The additional sensitivity test of the February 2026 Green Book for proposals with horizons beyond 50
    /// years: the STPR with pure time preference set to zero, 3.0% for years 0–30, then 2.57%, 2.14%, 1.71%,
    /// 1.29% and 0.86% (HM Treasury, *The Green Book*, 2026, as quoted in DfT TAG "Forthcoming change:
    /// Green Book updates", April 2026).
    public static let zeroPureTimePreference = DiscountSchedule(unchecked: [
        DiscountBand(firstYear: 0, rate: 0.030), DiscountBand(firstYear: 31, rate: 0.0257),
        DiscountBand(firstYear: 76, rate: 0.0214), DiscountBand(firstYear: 126, rate: 0.0171),
        DiscountBand(firstYear: 201, rate: 0.0129), DiscountBand(firstYear: 301, rate: 0.0086),
    ])

    /// A single constant rate for every year (for checks, and for guidance that asks for one).
    /// - Throws: ``AppraisalError`` when the rate is not finite or not above −100%.
    public static func constant(_ rate: Double) throws(AppraisalError) -> DiscountSchedule {
        try DiscountSchedule(bands: [DiscountBand(firstYear: 0, rate: rate)])
    }

    /// The annual rate that applies to year `year` (the step from year − 1 to year).
    public func rate(forYear year: Int) -> Double {
        bands.last(where: { $0.firstYear <= year })?.rate ?? bands[0].rate
    }

    /// The discount factors for years 0 through `lastYear`, each the product of the year-by-year factors.
    /// - Throws: ``AppraisalError`` `yearOutOfRange` for a year below 0, `horizonTooLong` beyond
    ///   ``EconomicCase/maximumYears``.
    public func factors(through lastYear: Int) throws(AppraisalError) -> [Double] {
        guard lastYear >= 0 else {
            throw AppraisalError(
                .yearOutOfRange, field: "year", reason: "year \(lastYear) is before the base year (year 0)")
        }
        guard lastYear < EconomicCase.maximumYears else {
            throw AppraisalError(
                .horizonTooLong, field: "year",
                reason: "year \(lastYear) is beyond the \(EconomicCase.maximumYears)-year limit")
        }
        var factors = [1.0]
        factors.reserveCapacity(lastYear + 1)
        var factor = 1.0
        var band = 0
        for year in stride(from: 1, through: lastYear, by: 1) {
            while band + 1 < bands.count, bands[band + 1].firstYear <= year { band += 1 }
            factor /= 1 + bands[band].rate
            factors.append(factor)
        }
        return factors
    }

    /// The discount factor for one year: 1 for year 0, DF(t − 1) ÷ (1 + r(t)) after.
    /// - Throws: as ``factors(through:)``.
    public func factor(year: Int) throws(AppraisalError) -> Double {
        try factors(through: year)[year]
    }
}
