import Foundation

extension SystemPack {
    /// Writes the pack as a folder `PackLoader` reads back to an equal pack (the folder is created if
    /// missing; files of the pack's names are replaced, and an optional file the pack does not have is
    /// removed, so an older export in the folder cannot add to it).
    /// - Throws: the file system's error when a file cannot be written.
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable, _ file: String) throws {
            try (encoder.encode(value) + Data("\n".utf8)).write(to: directory.appendingPathComponent(file))
        }
        func csv(_ rows: [[String]], _ file: String) throws {
            let text = rows.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: directory.appendingPathComponent(file))
        }
        func absent(_ file: String) throws {
            let url = directory.appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        }
        try json(manifest, PackFile.manifest)
        switch manifest.hierarchy {
        case .published, .england:
            var rows = [["place_code", "place_name", "district", "postcode_district"]]
            for place in places {
                rows += place.districts.map { [place.code, place.name, $0, ""] }
                rows += place.postcodeDistricts.map { [place.code, place.name, "", $0] }
            }
            try csv(rows, PackFile.places)
            if placeOverrides.isEmpty { try absent(PackFile.placeOverrides) }
            if !placeOverrides.isEmpty {
                try csv(
                    [["practice_code", "place_code"]]
                        + placeOverrides.sorted { $0.key < $1.key }.map { [$0.key, $0.value] },
                    PackFile.placeOverrides)
            }
            if case .england = manifest.hierarchy, let pcnMap {
                try csv(
                    [PackPCNMap.header] + pcnMap.rows.map { [$0.practice, $0.pcnCode, $0.pcnName] }, PackFile.pcnMap)
            }
        case .areas:
            try csv(
                [["code", "name", "level", "parent_code"]]
                    + areas.map { [$0.code, $0.name, $0.level, $0.parentCode ?? ""] },
                PackFile.areas)
        }
        if ageSex == nil { try absent(PackFile.ageSex) }
        if let ageSex {
            try csv(
                [["sex", "age_band", "people"]]
                    + ageSex.cells.map { [$0.sex.rawValue, $0.band.publicationCode, String($0.count)] }, PackFile.ageSex
            )
        }
        try json(OrganisationsDocument(organisations: organisations.map(PackOrganisation.init)), PackFile.organisations)
        if let memorandum { try json(memorandum, PackFile.memorandum) } else { try absent(PackFile.memorandum) }
        if !pools.isEmpty { try json(PoolsDocument(pools: pools), PackFile.pools) } else { try absent(PackFile.pools) }
        try json(
            FinanceDocument(
                partners: finance.partners, generalPractice: finance.generalPractice,
                poolOfPartner: finance.poolOfPartner), PackFile.finance)
        try json(finance.agreement, PackFile.agreement)
        if let careNetworks = finance.careNetworks {
            try json(NetworksDocument(networks: careNetworks.networks), PackFile.careNetworks)
        } else {
            try absent(PackFile.careNetworks)
        }
        try json(IndicatorsDocument(indicators: indicators), PackFile.indicators)
        if let programme { try json(programme, PackFile.programme) } else { try absent(PackFile.programme) }
        if let demo { try json(demo, PackFile.demo) } else { try absent(PackFile.demo) }
        if let synthetic {
            try json(SyntheticDocument(synthetic), PackFile.synthetic)
        } else {
            try absent(PackFile.synthetic)
        }
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
