import ConcordatCore

/// Assembles a ``HealthSystem`` (system › place › neighbourhood › practice) from the published NHS
/// files: practices and PCNs from the July 2026 mapping, populations from the July 2026 age/sex
/// counts, districts from NHS England's 2025/26 weighted populations, and the 2022/23 payments file as
/// a cross-check of which practices exist.
///
/// Nothing is dropped silently. A practice in the population file but not the mapping is kept (in no
/// PCN); a practice in one file and not another is listed as a ``DataQualityNote``; a practice whose
/// district's place differs from its PCN's place is kept with its PCN and reported.
public enum PublishedSystemAssembly {
    /// The hierarchy Kent & Medway runs on; PCNs are designed for 30,000–50,000 people.
    public static let levels: [HierarchyLevel] = [
        HierarchyLevel(key: "system", singular: "Integrated care system", plural: "Integrated care systems"),
        HierarchyLevel(key: "place", singular: "Place", plural: "Places"),
        HierarchyLevel(
            key: "neighbourhood", singular: "Primary Care Network", plural: "Primary Care Networks",
            designPopulation: 30_000...50_000),
        HierarchyLevel(key: "practice", singular: "GP practice", plural: "GP practices"),
    ]

    /// Builds the system.
    ///
    /// - Parameters:
    ///   - data: the four parsed files.
    ///   - rules: how practices map to places (a system pack's place rules).
    ///   - organisations: the partnership's members.
    /// - Throws: ``IngestError`` naming the file, line and field of the first value that cannot be read
    ///   (a negative or non-numeric count, an unknown sex or age band, a missing column).
    public static func assemble(
        from data: PublishedReferenceData, rules: PlaceRules, organisations: [Organisation] = []
    ) throws -> HealthSystem {
        typealias File = PublishedReferenceData.FileName
        // 1. Mapping: practices and their PCNs.
        let map = data.practiceMap
        let (mCode, mName, mPostcode, mPCN, mPCNName, mICB, mICBName) = (
            try map.column("PRACTICE_CODE"), try map.column("PRACTICE_NAME"), try map.column("PRACTICE_POSTCODE"),
            try map.column("PCN_CODE"), try map.column("PCN_NAME"), try map.column("ICB_CODE"),
            try map.column("ICB_NAME")
        )
        var mapped: [String: MappedPractice] = [:]
        var mappedOrder: [String] = []
        var seen: Set<String> = []
        for record in map.records {
            let code = try record.uniquePracticeCode(mCode, file: File.practiceMap, seen: &seen)
            mapped[code] = MappedPractice(
                name: record[mName], postcode: record[mPostcode], pcnCode: record[mPCN], pcnName: record[mPCNName])
            mappedOrder.append(code)
        }
        let systemCode = map.records.first.map { $0[mICB] } ?? "SYSTEM"
        let systemName = map.records.first.map { $0[mICBName] } ?? "Integrated care system"

        // 2. Registered patients by sex and age band.
        let (populations, publishedTotals, populationOrder) = try registeredPopulations(data.registeredPatients)

        // 3. Districts and names from the weighted population file.
        let weighted = data.weightedPopulation
        let (wCode, wName, wPostcode, wDistrict) = (
            try weighted.column("Practice_Code"), try weighted.column("GP_Practice_Name"),
            try weighted.column("Practice_Postcode"), try weighted.column("LTLA")
        )
        var weightedPractices: [String: (name: String, postcode: String, district: String)] = [:]
        for record in weighted.records {
            weightedPractices[record[wCode].uppercased()] = (record[wName], record[wPostcode], record[wDistrict])
        }

        // 4. The 2022/23 payments file: which practices existed then, and which have closed.
        let payments = data.payments
        let (pCode, pName, pClose) = (
            try payments.column("Practice Code"), try payments.column("Practice Name"),
            try payments.column("Practice Close Date")
        )
        var paidPractices: [String: (name: String, closed: String)] = [:]
        for record in payments.records {
            paidPractices[record[pCode].uppercased()] = (record[pName], record[pClose])
        }

        var notes: [DataQualityNote] = []
        // Current practices: those in the July 2026 mapping or population files.
        let current = mappedOrder + populationOrder.filter { mapped[$0] == nil }
        let currentSet = Set(current)
        for code in current {
            let name = mapped[code]?.name ?? weightedPractices[code]?.name ?? code
            if mapped[code] == nil {
                notes.append(
                    DataQualityNote(
                        kind: .missingFromSource, subject: code,
                        message:
                            "\(name) (\(code)) has registered patients in \(File.registeredPatients) but is not in \(File.practiceMap); it is kept, in no PCN."
                    ))
            }
            if populations[code] == nil {
                notes.append(
                    DataQualityNote(
                        kind: .missingFromSource, subject: code,
                        message:
                            "\(name) (\(code)) is in \(File.practiceMap) but has no rows in \(File.registeredPatients); it is kept with no population."
                    ))
            }
            if weightedPractices[code] == nil {
                notes.append(
                    DataQualityNote(
                        kind: .missingFromSource, subject: code,
                        message:
                            "\(name) (\(code)) is not in \(File.weightedPopulation) (it may have opened or merged since 2025/26), so its district is unknown."
                    ))
            }
            if paidPractices[code] == nil {
                notes.append(
                    DataQualityNote(
                        kind: .missingFromSource, subject: code,
                        message:
                            "\(name) (\(code)) is not in \(File.payments) (it may have opened or merged since 2022/23)."
                    ))
            }
        }
        for (code, practice) in weightedPractices.sorted(by: { $0.key < $1.key }) where !currentSet.contains(code) {
            notes.append(
                DataQualityNote(
                    kind: .missingFromSource, subject: code,
                    message:
                        "\(practice.name) (\(code)) is in \(File.weightedPopulation) but not in the July 2026 practice list: not a current practice, so not shown in the hierarchy."
                ))
        }
        for (code, practice) in paidPractices.sorted(by: { $0.key < $1.key }) where !currentSet.contains(code) {
            let closed = practice.closed.isEmpty ? "" : " (closed \(practice.closed))"
            notes.append(
                DataQualityNote(
                    kind: .missingFromSource, subject: code,
                    message:
                        "\(practice.name) (\(code))\(closed) is in \(File.payments) but not in the July 2026 practice list: not a current practice, so not shown in the hierarchy."
                ))
        }

        // Each practice's own place, from overrides, postcode district or district.
        var ownPlace: [String: String] = [:]
        for code in current {
            let postcode = mapped[code]?.postcode ?? weightedPractices[code]?.postcode
            let district = weightedPractices[code]?.district
            let name = mapped[code]?.name ?? weightedPractices[code]?.name ?? code
            if let (place, decision) = rules.place(practice: code, district: district, postcode: postcode) {
                ownPlace[code] = place.code
                if decision == .overridden {
                    notes.append(
                        DataQualityNote(
                            kind: .placeOverridden, subject: code,
                            message: "\(name) (\(code)) is placed in \(place.name) by an override."))
                }
            } else if let district {
                notes.append(
                    DataQualityNote(
                        kind: .unknownDistrict, subject: code,
                        message:
                            "\(name) (\(code)) is in district '\(district)', which no place rule covers; it takes its PCN's place."
                    ))
            }
        }

        // PCNs: each sits in the place holding most of its registered patients.
        var pcnMembers: [String: [String]] = [:]
        var pcnNames: [String: String] = [:]
        for code in mappedOrder {
            let practice = mapped[code]!
            if isUnallocated(practice) {
                let name = practice.name
                notes.append(
                    DataQualityNote(
                        kind: .noNeighbourhood, subject: code,
                        message:
                            "\(name) (\(code)) belongs to no PCN (\"\(practice.pcnName)\" in \(File.practiceMap)); it is shown directly under its place."
                    ))
                continue
            }
            pcnMembers[practice.pcnCode, default: []].append(code)
            pcnNames[practice.pcnCode] = practice.pcnName
        }
        let placeNames = Dictionary(uniqueKeysWithValues: rules.places.map { ($0.code, $0.name) })
        var pcnPlace: [String: String] = [:]
        for (pcn, members) in pcnMembers {
            var weight: [String: Int] = [:]
            for member in members {
                if let place = ownPlace[member] { weight[place, default: 0] += populations[member]?.total ?? 0 }
            }
            let order = rules.places.map(\.code)
            if let best = weight.max(by: {
                ($0.value, -order.firstIndex(of: $0.key)!) < ($1.value, -order.firstIndex(of: $1.key)!)
            }) {
                pcnPlace[pcn] = best.key
            }
            for member in members {
                guard let own = ownPlace[member], let chosen = pcnPlace[pcn], own != chosen else { continue }
                let name = mapped[member]!.name
                notes.append(
                    DataQualityNote(
                        kind: .placeConflict, subject: member,
                        message:
                            "\(name) (\(member)) is in \(placeNames[own] ?? own) by its district, but its PCN, \(pcnNames[pcn] ?? pcn), serves mostly \(placeNames[chosen] ?? chosen); it is shown with its PCN in \(placeNames[chosen] ?? chosen)."
                    ))
            }
        }

        // The tree.
        var areas = [Area(code: systemCode, name: systemName, level: "system", parentCode: nil)]
        for place in rules.places {
            areas.append(Area(code: place.code, name: place.name, level: "place", parentCode: systemCode))
        }
        for (pcn, name) in pcnNames {
            areas.append(Area(code: pcn, name: name, level: "neighbourhood", parentCode: pcnPlace[pcn] ?? systemCode))
        }
        for code in current {
            let practice = mapped[code]
            let parent: String
            if let practice, !isUnallocated(practice) {
                parent = practice.pcnCode
            } else {
                parent = ownPlace[code] ?? systemCode
            }
            areas.append(
                Area(
                    code: code, name: practice?.name ?? weightedPractices[code]?.name ?? code, level: "practice",
                    parentCode: parent, postcode: practice?.postcode ?? weightedPractices[code]?.postcode,
                    district: weightedPractices[code]?.district))
        }

        let sources = [
            (File.practiceMap, map.records.count), (File.registeredPatients, data.registeredPatients.records.count),
            (File.weightedPopulation, weighted.records.count), (File.payments, payments.records.count),
        ].map { ReferenceSource(file: $0.0, publication: PublishedReferenceData.publications[$0.0] ?? "", rows: $0.1) }

        for (code, published) in publishedTotals.sorted(by: { $0.key < $1.key }) {
            let counted = populations[code]?.total ?? 0
            if counted != published {
                throw IngestError.inconsistent(
                    file: File.registeredPatients, field: "NUMBER_OF_PATIENTS",
                    reason:
                        "practice \(code): the ALL row says \(published) but its sex and age band rows add up to \(counted)"
                )
            }
        }
        return try HealthSystem(
            code: systemCode, name: systemName, levels: levels, areas: areas, populations: populations,
            organisations: organisations, notes: notes, sources: sources,
            publishedRegisteredTotal: publishedTotals.values.reduce(0, +))
    }

    private struct MappedPractice {
        var name: String
        var postcode: String
        var pcnCode: String
        var pcnName: String
    }

    private static func isUnallocated(_ practice: MappedPractice) -> Bool {
        practice.pcnName.lowercased() == "unallocated" || practice.pcnCode.isEmpty || practice.pcnCode == "U"
    }

    /// Reads the age/sex file: per practice, the profile from the FEMALE/MALE band rows, and the
    /// published ALL/ALL total to check it against.
    static func registeredPopulations(_ table: CSVTable) throws -> (
        [String: PopulationProfile], [String: Int], [String]
    ) {
        let file = PublishedReferenceData.FileName.registeredPatients
        let (code, sex, band, count) = (
            try table.column("ORG_CODE"), try table.column("SEX"), try table.column("AGE_GROUP_5"),
            try table.column("NUMBER_OF_PATIENTS")
        )
        var profiles: [String: PopulationProfile] = [:]
        var totals: [String: Int] = [:]
        var order: [String] = []
        for record in table.records {
            let practice = record[code].uppercased()
            guard let number = Int(record[count]), number >= 0 else {
                throw IngestError.invalidValue(
                    file: file, line: record.line, field: count.name,
                    reason: "'\(record[count])' is not a whole number of patients (0 or more)")
            }
            if profiles[practice] == nil, totals[practice] == nil { order.append(practice) }
            let sexCode = record[sex].uppercased()
            let bandCode = record[band].uppercased()
            if sexCode == "ALL" {
                guard bandCode == "ALL" || AgeBand(publicationCode: bandCode) != nil else {
                    throw IngestError.invalidValue(
                        file: file, line: record.line, field: band.name,
                        reason: "'\(record[band])' is not a five-year age band (0_4 … 90_94, 95+) or ALL")
                }
                if bandCode == "ALL" { totals[practice] = number }
                continue
            }
            guard let recordedSex = Sex(publicationCode: sexCode) else {
                throw IngestError.invalidValue(
                    file: file, line: record.line, field: sex.name,
                    reason: "'\(record[sex])' is not FEMALE, MALE or ALL")
            }
            if bandCode == "ALL" { continue }  // a per-sex total; the bands carry the detail
            guard let ageBand = AgeBand(publicationCode: bandCode) else {
                throw IngestError.invalidValue(
                    file: file, line: record.line, field: band.name,
                    reason: "'\(record[band])' is not a five-year age band (0_4 … 90_94, 95+) or ALL")
            }
            profiles[practice, default: PopulationProfile()][recordedSex, ageBand] += number
        }
        return (profiles, totals, order)
    }
}
