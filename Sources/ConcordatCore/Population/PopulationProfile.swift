/// Registered people counted by sex and five-year age band: the shape behind a population pyramid.
///
/// Stored as a fixed array of 40 counts (female bands then male bands), so adding profiles up a
/// hierarchy is cheap and allocation-free, and a count of people whose sex and age band the sources do
/// not give (``unbanded``): a practice known only by its list size (NHS England's allocation file)
/// has a total but no bands, and its profile says so rather than inventing them.
public struct PopulationProfile: Hashable, Sendable {
    private var counts: [Int]
    /// People counted without a sex or age band (their sources give a total only).
    public var unbanded: Int

    /// An empty profile (everyone zero).
    public init() {
        counts = Array(repeating: 0, count: 2 * AgeBand.count)
        unbanded = 0
    }

    /// A profile of `unbanded` people whose sex and age band are not known.
    public init(unbanded: Int) {
        self.init()
        self.unbanded = unbanded
    }

    private static func slot(_ sex: Sex, _ band: AgeBand) -> Int {
        (sex == .female ? 0 : AgeBand.count) + band.index
    }

    /// The number of people of `sex` in `band`.
    public subscript(sex: Sex, band: AgeBand) -> Int {
        get { counts[Self.slot(sex, band)] }
        set { counts[Self.slot(sex, band)] = newValue }
    }

    /// Everyone in the profile, banded or not.
    public var total: Int { bandedTotal + unbanded }

    /// Everyone counted by sex and age band.
    public var bandedTotal: Int { counts.reduce(0, +) }

    /// Whether every person counted has a sex and an age band, so the bands describe the whole
    /// population (true of an empty profile too).
    public var isFullyBanded: Bool { unbanded == 0 }

    /// Everyone of one sex, among those counted by band.
    public func total(of sex: Sex) -> Int {
        AgeBand.all.reduce(0) { $0 + self[sex, $1] }
    }

    /// Everyone in one age band, both sexes.
    public func total(in band: AgeBand) -> Int {
        self[.female, band] + self[.male, band]
    }

    /// Everyone aged at least `age` (at band resolution: `age` is rounded down to its band).
    public func total(agedAtLeast age: Int) -> Int {
        guard let first = AgeBand(age: age) else { return total }
        return AgeBand.all.filter { $0 >= first }.reduce(0) { $0 + total(in: $1) }
    }

    /// Adds another profile, cell by cell.
    public static func + (lhs: PopulationProfile, rhs: PopulationProfile) -> PopulationProfile {
        var sum = lhs
        sum += rhs
        return sum
    }

    /// Adds another profile in place.
    public static func += (lhs: inout PopulationProfile, rhs: PopulationProfile) {
        for index in lhs.counts.indices { lhs.counts[index] += rhs.counts[index] }
        lhs.unbanded += rhs.unbanded
    }

    /// The non-zero cells, for storage and export (people without a band are in ``unbanded``, not here).
    public var cells: [PopulationCell] {
        Sex.allCases.flatMap { sex in
            AgeBand.all.compactMap { band in
                let count = self[sex, band]
                return count == 0 ? nil : PopulationCell(sex: sex, band: band, count: count)
            }
        }
    }

    /// Builds a profile from cells; cells naming the same sex and band add up.
    public init(cells: some Sequence<PopulationCell>) {
        self.init()
        for cell in cells { self[cell.sex, cell.band] += cell.count }
    }
}

/// One cell of a ``PopulationProfile``: how many people of one sex are in one age band.
public struct PopulationCell: Hashable, Sendable, Codable {
    /// The sex counted.
    public var sex: Sex
    /// The age band counted.
    public var band: AgeBand
    /// How many people.
    public var count: Int

    /// Makes a cell.
    public init(sex: Sex, band: AgeBand, count: Int) {
        self.sex = sex
        self.band = band
        self.count = count
    }
}
