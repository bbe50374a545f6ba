import ConcordatCore

/// Any of England's 42 ICBs built from NHS England's allocation file alone (``EnglandAllocationFile``):
/// the ``HealthSystem`` (system › place › [primary care network ›] practice) and the weighted
/// populations its allocation uses. A pure function of its inputs.
///
/// - Practices: every row of the ICB in the file, named and placed as the file gives them.
/// - Places: one per local authority district (`LTLA`), unless a ``DistrictPlaceMap`` joins districts.
/// - PCNs: only when a ``PracticePCNMap`` is given; a PCN sits in the place holding most of its people.
///   Without one the hierarchy is one level shallower, and says so in its levels.
/// - Populations: each practice's `Population`, rounded to whole people, as people of unknown sex and
///   age (``PopulationProfile/unbanded``): the file has no age or sex bands, and none are invented. The
///   file publishes no registered total to reconcile against (its populations are fractional), so
///   the system carries none.
public struct PublishedICB: Sendable {
    /// The system.
    public var system: HealthSystem
    /// The ICB's needs-weighted populations by practice (every practice of the ICB in the file).
    public var weightedPopulations: [String: WeightedPopulation]
    /// The places as built, each with the districts it takes (a place per district unless a map joined
    /// them), in the order of the system's places: what a pack keeps to build the same places again.
    public var places: [DistrictPlaceMap.Place]

    /// The levels with PCNs (designed for 30,000–50,000 people): the same as a system assembled from the
    /// four published files (``PublishedSystemAssembly/levels``).
    public static let levelsWithNetworks = PublishedSystemAssembly.levels

    /// The levels without PCNs: places hold their practices directly.
    public static let levelsWithoutNetworks = levelsWithNetworks.filter { $0.key != "neighbourhood" }

    /// Builds ICB `icb` (a code, a name, or a part of one name).
    ///
    /// - Parameters:
    ///   - file: NHS England's allocation file.
    ///   - places: district → place, read with ``DistrictPlaceMap/init(table:knownDistricts:)``; `nil`
    ///     for a place per district.
    ///   - networks: practice → PCN; `nil` for no PCN level.
    ///   - organisations: the partnership's members.
    /// - Throws: ``UnknownICB`` for a code or name not in the file; ``IngestError`` naming the line and
    ///   field of a value that cannot be read; ``HealthSystemError`` if the areas do not form a tree
    ///   (a place code that is also a practice's or a PCN's).
    public init(
        file: EnglandAllocationFile, icb query: String, places: DistrictPlaceMap? = nil,
        networks: PracticePCNMap? = nil, organisations: [Organisation] = []
    ) throws {
        let icb = try file.icb(matching: query)
        let table = file.table
        let records = file.records(ofICB: icb.code)
        let (code, name, postcode, district, population) = (
            try table.column("Practice_Code"), try table.column("GP_Practice_Name"),
            try table.column("Practice_Postcode"), try table.column("LTLA"), try table.column("Population")
        )
        var notes: [DataQualityNote] = []
        var populations: [String: PopulationProfile] = [:]
        var practices: [(code: String, name: String, postcode: String, district: String)] = []
        var seen: Set<String> = []
        for record in records {
            let practice = try record.uniquePracticeCode(code, file: table.file, seen: &seen)
            guard !record[district].isEmpty else {
                throw IngestError.invalidValue(
                    file: table.file, line: record.line, field: district.name,
                    reason: "practice \(practice) has no district")
            }
            let people = Int(try file.number(record, population).rounded())
            populations[practice] = PopulationProfile(unbanded: people)
            practices.append((practice, record[name], record[postcode], record[district]))
        }

        // Places: from the map, else one per district.
        var placeOf: [String: (code: String, name: String)] = [:]
        var placeOrder: [(code: String, name: String)] = []
        for practice in practices {
            let place =
                places?.place(ofDistrict: practice.district).map { ($0.code, $0.name) }
                ?? (Self.placeCode(ofDistrict: practice.district), practice.district)
            if !placeOrder.contains(where: { $0.code == place.0 }) { placeOrder.append(place) }
            placeOf[practice.code] = place
        }

        var placed: [DistrictPlaceMap.Place] = placeOrder.map { .init(code: $0.code, name: $0.name, districts: []) }
        for practice in practices {
            let index = placed.firstIndex { $0.code == placeOf[practice.code]!.code }!
            if !placed[index].districts.contains(practice.district) {
                placed[index].districts.append(practice.district)
            }
        }
        self.places = placed

        var areas = [Area(code: icb.code, name: icb.name, level: "system", parentCode: nil)]
        areas += placeOrder.map { Area(code: $0.code, name: $0.name, level: "place", parentCode: icb.code) }
        var parentOf = placeOf.mapValues { $0.code }
        if let networks {
            var members: [String: [String]] = [:]
            var names: [String: String] = [:]
            for practice in practices {
                if let membership = networks.memberships[practice.code] {
                    members[membership.code, default: []].append(practice.code)
                    names[membership.code] = membership.name
                } else {
                    let why =
                        networks.unallocated.contains(practice.code)
                        ? "belongs to no PCN in \(networks.file)" : "is not in \(networks.file)"
                    notes.append(
                        DataQualityNote(
                            kind: .noNeighbourhood, subject: practice.code,
                            message:
                                "\(practice.name) (\(practice.code)) \(why); it is shown directly under its place."))
                }
            }
            let order = placeOrder.map(\.code)
            for (pcn, codes) in members.sorted(by: { $0.key < $1.key }) {
                var weight: [String: Int] = [:]
                for member in codes { weight[placeOf[member]!.code, default: 0] += populations[member]?.total ?? 0 }
                let chosen = weight.max {
                    ($0.value, -order.firstIndex(of: $0.key)!) < ($1.value, -order.firstIndex(of: $1.key)!)
                }!.key
                areas.append(Area(code: pcn, name: names[pcn] ?? pcn, level: "neighbourhood", parentCode: chosen))
                for member in codes {
                    parentOf[member] = pcn
                    let own = placeOf[member]!
                    if own.code != chosen, let practice = practices.first(where: { $0.code == member }) {
                        let chosenName = placeOrder.first { $0.code == chosen }?.name ?? chosen
                        notes.append(
                            DataQualityNote(
                                kind: .placeConflict, subject: member,
                                message:
                                    "\(practice.name) (\(member)) is in \(own.name) by its district, but its PCN, \(names[pcn] ?? pcn), serves mostly \(chosenName); it is shown with its PCN in \(chosenName)."
                            ))
                    }
                }
            }
            let inICB = Set(practices.map(\.code))
            let elsewhere = networks.memberships.keys.filter { !inICB.contains($0) }.count
            if elsewhere > 0 {
                notes.append(
                    DataQualityNote(
                        kind: .missingFromSource, subject: icb.code,
                        message: (elsewhere == 1
                            ? "1 practice in \(networks.file) is not a practice"
                            : "\(elsewhere) practices in \(networks.file) are not practices")
                            + " of \(icb.name) in \(table.file); not used."
                    ))
            }
        }
        for practice in practices {
            areas.append(
                Area(
                    code: practice.code, name: practice.name, level: "practice", parentCode: parentOf[practice.code],
                    postcode: practice.postcode.isEmpty ? nil : practice.postcode, district: practice.district))
        }
        notes.append(
            DataQualityNote(
                kind: .missingFromSource, subject: icb.code,
                message:
                    "\(table.file) gives each practice's population as a total only (its GP population, rounded to whole people here): there are no age or sex bands, so no population pyramid. NHS Digital's registered patients by five-year age band (Patients Registered at a GP Practice) would give them."
            ))
        var sources = [
            ReferenceSource(file: table.file, publication: EnglandAllocationFile.publication, rows: records.count)
        ]
        if let networks {
            sources.append(
                ReferenceSource(file: networks.file, publication: "practice to PCN mapping", rows: networks.rows))
        }
        system = try HealthSystem(
            code: icb.code, name: icb.name,
            levels: networks == nil ? Self.levelsWithoutNetworks : Self.levelsWithNetworks, areas: areas,
            populations: populations, organisations: organisations, notes: notes,
            sources: sources, publishedRegisteredTotal: nil)
        weightedPopulations = try file.weightedPopulations(ofICB: icb.code)
    }

    /// The default place code of a district: its name in lower case, words joined by hyphens
    /// (`Bristol, City of` → `bristol-city-of`).
    public static func placeCode(ofDistrict district: String) -> String {
        district.lowercased().replacingOccurrences(of: "&", with: "and")
            .split { !($0.isLetter || $0.isNumber) }.joined(separator: "-")
    }
}
