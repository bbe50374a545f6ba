import Assurance
import ConcordatCore
import Finance
import Foundation
import Governance
import Ingest

/// One reading of a pack folder: each file decoded, then checked against the files before it.
struct PackReader {
    let directory: URL

    mutating func read() throws(PackError) -> SystemPack {
        var manifest = try readManifest()
        var places: [PlaceDefinition] = []
        var overrides: [String: String] = [:]
        var areas: [Area] = []
        var pcnMap: PackPCNMap?
        // The codes an organisation may be accountable for, and a starting risk held at.
        var areaCodes: Set<String>
        var districts: Set<String> = []
        switch manifest.hierarchy {
        case .published(let data, let icb):
            if case .folder(let path) = data {
                let url = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
                manifest.hierarchy = .published(data: .folder(url.path), icb: icb)
            }
            places = try readPlaces()
            overrides = try readOverrides(places: places)
            areaCodes = Set(places.map(\.code)).union([icb])
            districts = Set(places.flatMap(\.districts))
        case .england(let icb):
            places = try readPlaces()
            overrides = try readOverrides(places: places)
            pcnMap = try readPCNMap()
            areaCodes = Set(places.map(\.code)).union([icb])
            districts = Set(places.flatMap(\.districts))
        case .areas(let code, let name, let levels, _):
            areas = try readAreas(code: code, name: name, levels: levels)
            areaCodes = Set(areas.map(\.code))
        }
        if pcnMap == nil, try bytes(PackFile.pcnMap, required: false) != nil {
            throw PackError(
                file: PackFile.pcnMap,
                reason: "applies to hierarchies built from NHS England's file (\"kind\": \"england\") only")
        }
        let ageSex = try readAgeSex()
        let organisations = try readOrganisations(areaCodes: areaCodes)
        let organisationCodes = Set(organisations.map(\.code))
        let financeFile = try decode(FinanceDocument.self, PackFile.finance)
        var partnerCodes = organisationCodes.union([manifest.systemCode])
        var listed: Set<String> = []
        for (index, partner) in financeFile.partners.enumerated() {
            guard listed.insert(partner.code).inserted else {
                throw PackError(
                    file: PackFile.finance, location: "$.partners[\(index)].code",
                    reason: "\"\(partner.code)\" is listed twice")
            }
            partnerCodes.insert(partner.code)
        }
        if let generalPractice = financeFile.generalPractice {
            partnerCodes.insert(generalPractice.partner)
            try checkSettings(generalPractice.settings, file: PackFile.finance, path: "$.generalPractice.settings")
        }
        let pools = try readPools(partners: partnerCodes, districts: districts)
        let poolCodes = Set(pools.map(\.code))
        for (partner, pool) in financeFile.poolOfPartner.sorted(by: { $0.key < $1.key }) {
            guard partnerCodes.contains(partner) else {
                throw PackError(
                    file: PackFile.finance, location: "$.poolOfPartner.\(partner)",
                    reason: "\"\(partner)\" is not one of the pack's partners or organisations")
            }
            guard poolCodes.contains(pool) else {
                throw PackError(
                    file: PackFile.finance, location: "$.poolOfPartner.\(partner)",
                    reason: "\"\(pool)\" is not one of the pools in \(PackFile.pools)")
            }
        }
        let agreement = try readAgreement(partners: partnerCodes)
        var careNetworks: CareNetworkModel?
        if let data = try bytes(PackFile.careNetworks, required: false) {
            let networks = try decode(NetworksDocument.self, PackFile.careNetworks, from: data).networks
            do { careNetworks = try CareNetworkModel(networks: networks) } catch {
                throw PackError(file: PackFile.careNetworks, location: "$.networks", reason: error.description)
            }
        }
        let indicators = try readIndicators()
        let memorandum = try readMemorandum(organisations: organisationCodes, pools: poolCodes)
        let programme = try readProgramme(organisations: organisationCodes)
        let demo = try readDemo(memorandum: memorandum, programme: programme, indicators: indicators)
        let synthetic = try readSynthetic(
            places: areas.isEmpty ? Set(places.map(\.code)) : Set(areas.filter { $0.level == "place" }.map(\.code)),
            districts: districts)
        return SystemPack(
            manifest: manifest, places: places, placeOverrides: overrides, areas: areas, pcnMap: pcnMap,
            ageSex: ageSex, organisations: organisations, memorandum: memorandum, pools: pools,
            finance: PackFinance(
                partners: financeFile.partners, generalPractice: financeFile.generalPractice,
                poolOfPartner: financeFile.poolOfPartner, agreement: agreement, careNetworks: careNetworks),
            indicators: indicators, programme: programme, demo: demo, synthetic: synthetic)
    }

    // MARK: - Files

    private func readManifest() throws(PackError) -> PackManifest {
        struct Version: Decodable { var format: Int }
        let data = try bytes(PackFile.manifest, required: true)!
        let version = try decode(Version.self, PackFile.manifest, from: data)
        guard version.format == PackManifest.currentFormat else {
            throw PackError(
                file: PackFile.manifest, location: "$.format",
                reason:
                    "format \(version.format) is not one this version of Concordat reads (it reads format \(PackManifest.currentFormat))"
            )
        }
        let manifest = try decode(PackManifest.self, PackFile.manifest, from: data)
        guard !manifest.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw PackError(file: PackFile.manifest, location: "$.name", reason: "the system's name is empty")
        }
        return manifest
    }

    private func readPlaces() throws(PackError) -> [PlaceDefinition] {
        let file = PackFile.places
        let table = try csv(file, required: true)!
        let (code, name, district, postcode) = (
            try column(table, "place_code"), try column(table, "place_name"), try column(table, "district"),
            try column(table, "postcode_district")
        )
        var places: [PlaceDefinition] = []
        var claimed: [String: String] = [:]
        for record in table.records {
            let at = { (column: CSVColumn) in "line \(record.line), column \(column.name)" }
            let placeCode = record[code].trimmingCharacters(in: .whitespaces)
            guard !placeCode.isEmpty else {
                throw PackError(file: file, location: at(code), reason: "the place code is empty")
            }
            let placeName = record[name].trimmingCharacters(in: .whitespaces)
            var index = places.firstIndex { $0.code == placeCode }
            if index == nil {
                guard !placeName.isEmpty else {
                    throw PackError(file: file, location: at(name), reason: "the place name is empty")
                }
                places.append(PlaceDefinition(code: placeCode, name: placeName, districts: []))
                index = places.count - 1
            } else if !placeName.isEmpty, placeName != places[index!].name {
                throw PackError(
                    file: file, location: at(name),
                    reason: "place \(placeCode) is named \"\(places[index!].name)\" on an earlier line")
            }
            let (districtName, outward) = (
                record[district].trimmingCharacters(in: .whitespaces),
                record[postcode].trimmingCharacters(in: .whitespaces).uppercased()
            )
            guard districtName.isEmpty != outward.isEmpty else {
                throw PackError(
                    file: file, location: "line \(record.line)",
                    reason: "give either a district or a postcode district, not both or neither")
            }
            let key = districtName.isEmpty ? "postcode district \(outward)" : "district \(districtName)"
            if let other = claimed[key] {
                throw PackError(
                    file: file, location: "line \(record.line)", reason: "the \(key) is already in place \(other)")
            }
            claimed[key] = placeCode
            if districtName.isEmpty {
                places[index!].postcodeDistricts.append(outward)
            } else {
                places[index!].districts.append(districtName)
            }
        }
        guard !places.isEmpty else { throw PackError(file: file, reason: "there are no places") }
        return places
    }

    private func readOverrides(places: [PlaceDefinition]) throws(PackError) -> [String: String] {
        guard let table = try csv(PackFile.placeOverrides, required: false) else { return [:] }
        do { return try PlaceRules(places: places).withOverrides(from: table).overrides } catch let error
            as IngestError
        {
            throw PackError(
                file: PackFile.placeOverrides,
                location: error.line.map { "line \($0), column \(error.field ?? "")" } ?? "",
                reason: error.reason)
        } catch {
            throw PackError(file: PackFile.placeOverrides, reason: "\(error)")
        }
    }

    private func readAreas(code: String, name: String, levels: [HierarchyLevel]) throws(PackError) -> [Area] {
        let file = PackFile.areas
        let table = try csv(file, required: true)!
        let (codeColumn, nameColumn, levelColumn, parentColumn) = (
            try column(table, "code"), try column(table, "name"), try column(table, "level"),
            try column(table, "parent_code")
        )
        var areas: [Area] = []
        var seen: Set<String> = []
        let levelKeys = Set(levels.map(\.key))
        for record in table.records {
            let areaCode = record[codeColumn]
            guard !areaCode.isEmpty else {
                throw PackError(file: file, location: "line \(record.line), column code", reason: "the code is empty")
            }
            guard seen.insert(areaCode).inserted else {
                throw PackError(
                    file: file, location: "line \(record.line), column code", reason: "\"\(areaCode)\" is listed twice")
            }
            guard levelKeys.contains(record[levelColumn]) else {
                throw PackError(
                    file: file, location: "line \(record.line), column level",
                    reason:
                        "\"\(record[levelColumn])\" is not one of the levels in \(PackFile.manifest) (\(levels.map(\.key).joined(separator: ", ")))"
                )
            }
            let parent = record[parentColumn]
            guard parent.isEmpty || seen.contains(parent) else {
                throw PackError(
                    file: file, location: "line \(record.line), column parent_code",
                    reason: "\"\(parent)\" is not an area on an earlier line")
            }
            areas.append(
                Area(
                    code: areaCode, name: record[nameColumn], level: record[levelColumn],
                    parentCode: parent.isEmpty ? nil : parent))
        }
        guard areas.first?.code == code, areas.first?.parentCode == nil else {
            throw PackError(
                file: file, location: "line 2",
                reason: "the first area must be the system, \(code), with no parent (as \(PackFile.manifest) says)")
        }
        do { _ = try HealthSystem(code: code, name: name, levels: levels, areas: areas) } catch {
            throw PackError(file: file, reason: "the areas do not make a hierarchy: \(error)")
        }
        return areas
    }

    private func readOrganisations(areaCodes: Set<String>) throws(PackError) -> [Organisation] {
        let file = PackFile.organisations
        let organisations = try decode(OrganisationsDocument.self, file).organisations.map(\.organisation)
        var seen: Set<String> = []
        var odsCodes: Set<String> = []
        for (index, organisation) in organisations.enumerated() {
            if let ods = organisation.odsCode {
                let location = "$.organisations[\(index)].odsCode"
                guard OrganisationCode.isODSShaped(ods) else {
                    throw PackError(
                        file: file, location: location,
                        reason: "\"\(ods)\" is not an ODS code (3 to 6 capital letters and digits, as RVV or 8J094)")
                }
                guard odsCodes.insert(ods).inserted else {
                    throw PackError(
                        file: file, location: location, reason: "\"\(ods)\" is the ODS code of an earlier organisation")
                }
            }
            guard !organisation.code.isEmpty else {
                throw PackError(file: file, location: "$.organisations[\(index)].code", reason: "the code is empty")
            }
            guard seen.insert(organisation.code).inserted else {
                throw PackError(
                    file: file, location: "$.organisations[\(index)].code",
                    reason: "\"\(organisation.code)\" is the code of an earlier organisation")
            }
            for (placeIndex, place) in organisation.places.enumerated() where !areaCodes.contains(place) {
                throw PackError(
                    file: file, location: "$.organisations[\(index)].places[\(placeIndex)]",
                    reason: "\"\(place)\" is not one of the pack's places")
            }
        }
        return organisations
    }

    private func readPools(partners: Set<String>, districts: Set<String>) throws(PackError) -> [PoolTemplate] {
        let file = PackFile.pools
        guard let data = try bytes(file, required: false) else { return [] }
        let pools = try decode(PoolsDocument.self, file, from: data).pools
        var seen: Set<String> = []
        for (index, pool) in pools.enumerated() {
            let path = "$.pools[\(index)]"
            guard seen.insert(pool.code).inserted else {
                throw PackError(file: file, location: "\(path).code", reason: "\"\(pool.code)\" is listed twice")
            }
            guard partners.contains(pool.host) else {
                throw PackError(
                    file: file, location: "\(path).host",
                    reason: "\"\(pool.host)\" is not one of the pack's partners or organisations")
            }
            switch (pool.size.amountPence, pool.size.percentOfSpend) {
            case (let amount?, nil):
                guard amount >= 0 else {
                    throw PackError(
                        file: file, location: "\(path).size.amountPence", reason: "\(amount) is negative")
                }
            case (nil, let percent?):
                guard (0...100).contains(percent) else {
                    throw PackError(
                        file: file, location: "\(path).size.percentOfSpend",
                        reason: "\(percent) is not a percentage from 0 to 100")
                }
            default:
                throw PackError(
                    file: file, location: "\(path).size", reason: "give either amountPence or percentOfSpend")
            }
            if let settings = pool.size.settings {
                try checkSettings(settings, file: file, path: "\(path).size.settings")
            }
            for (shareIndex, share) in pool.contributions.enumerated() {
                guard partners.contains(share.partner) else {
                    throw PackError(
                        file: file, location: "\(path).contributions[\(shareIndex)].partner",
                        reason: "\"\(share.partner)\" is not one of the pack's partners or organisations")
                }
                guard share.sharePercent > 0 else {
                    throw PackError(
                        file: file, location: "\(path).contributions[\(shareIndex)].sharePercent",
                        reason: "a share must be more than 0%")
                }
            }
            let total = pool.contributions.reduce(0) { $0 + $1.sharePercent }
            guard total == 100 else {
                throw PackError(
                    file: file, location: "\(path).contributions",
                    reason: "the shares add up to \(total)%, not 100%")
            }
            for (fenceIndex, fence) in pool.ringFences.enumerated() {
                if let settings = fence.settings {
                    try checkSettings(settings, file: file, path: "\(path).ringFences[\(fenceIndex)].settings")
                }
                guard !districts.isEmpty else { continue }
                for (districtIndex, district) in (fence.districts ?? []).enumerated()
                where !districts.contains(district) {
                    throw PackError(
                        file: file, location: "\(path).ringFences[\(fenceIndex)].districts[\(districtIndex)]",
                        reason: "\"\(district)\" is not a district in \(PackFile.places)")
                }
            }
        }
        return pools
    }

    private func readAgreement(partners: Set<String>) throws(PackError) -> RiskShareAgreement {
        let file = PackFile.agreement
        let agreement = try decode(RiskShareAgreement.self, file)
        var last = 0.0
        for (index, corridor) in agreement.corridors.enumerated() {
            guard (0...1).contains(corridor.retained) else {
                throw PackError(
                    file: file, location: "$.corridors[\(index)].retained",
                    reason: "\(corridor.retained) is not a share from 0 to 1")
            }
            if let upTo = corridor.upTo {
                guard upTo > last else {
                    throw PackError(
                        file: file, location: "$.corridors[\(index)].upTo",
                        reason: "\(upTo) does not rise above the corridor before (\(last))")
                }
                last = upTo
            } else if index != agreement.corridors.count - 1 {
                throw PackError(
                    file: file, location: "$.corridors[\(index)].upTo",
                    reason: "only the last corridor may be open-ended")
            }
        }
        if let cap = agreement.cap, cap < 0 {
            throw PackError(file: file, location: "$.cap", reason: "the cap must not be negative")
        }
        if let bearer = agreement.residualBearer, !partners.contains(bearer) {
            throw PackError(
                file: file, location: "$.residualBearer",
                reason: "\"\(bearer)\" is not one of the pack's partners or organisations")
        }
        return agreement
    }

    private func readPCNMap() throws(PackError) -> PackPCNMap? {
        guard let table = try csv(PackFile.pcnMap, required: false) else { return nil }
        do { return PackPCNMap(try PracticePCNMap(table: table)) } catch let error as IngestError {
            throw PackError(file: PackFile.pcnMap, location: Self.location(of: error), reason: error.reason)
        } catch {
            throw PackError(file: PackFile.pcnMap, reason: "\(error)")
        }
    }

    /// `age-sex.csv`: each sex and five-year band once, a whole number of people, not all zero.
    private func readAgeSex() throws(PackError) -> PackAgeSex? {
        let file = PackFile.ageSex
        guard let table = try csv(file, required: false) else { return nil }
        let (sex, band, people) = (try column(table, "sex"), try column(table, "age_band"), try column(table, "people"))
        var cells: [PopulationCell] = []
        var seen: [String: Int] = [:]
        for record in table.records {
            let at = { (column: CSVColumn) in "line \(record.line), column \(column.name)" }
            guard let sexValue = Sex(rawValue: record[sex].trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw PackError(
                    file: file, location: at(sex), reason: "\"\(record[sex].prefix(40))\" is not a sex (female or male)"
                )
            }
            guard let bandValue = AgeBand(publicationCode: record[band]) else {
                throw PackError(
                    file: file, location: at(band),
                    reason: "\"\(record[band].prefix(40))\" is not a five-year age band (0_4, 5_9, …, 90_94, 95+)")
            }
            let written = record[people].trimmingCharacters(in: .whitespaces)
            guard let count = Int(written), count >= 0 else {
                throw PackError(
                    file: file, location: at(people),
                    reason: "\"\(written.prefix(40))\" is not a count of people (a whole number, 0 or more)")
            }
            guard count <= 100_000_000 else {
                throw PackError(
                    file: file, location: at(people), reason: "\(count) people is more than England's population")
            }
            let key = "\(sexValue.rawValue) \(bandValue.publicationCode)"
            if let line = seen[key] {
                throw PackError(
                    file: file, location: at(band),
                    reason: "\(sexValue.label) \(bandValue.label) is already on line \(line)")
            }
            seen[key] = record.line
            cells.append(PopulationCell(sex: sexValue, band: bandValue, count: count))
        }
        guard cells.contains(where: { $0.count > 0 }) else {
            throw PackError(file: file, reason: "holds no people: give each sex and band's registered population")
        }
        return PackAgeSex(cells: cells)
    }

    /// Where an ingest error points in a pack's CSV: its line and field.
    private static func location(of error: IngestError) -> String {
        switch (error.line, error.field) {
        case (let line?, let field?): "line \(line), column \(field)"
        case (let line?, nil): "line \(line)"
        default: ""
        }
    }

    private func readIndicators() throws(PackError) -> [Indicator] {
        let file = PackFile.indicators
        let indicators = try decode(IndicatorsDocument.self, file).indicators
        var seen: Set<String> = []
        for (index, indicator) in indicators.enumerated() {
            let at = "$.indicators[\(index)]"
            if let refusal = TextLimit.identifier.refusal(of: indicator.code) {
                throw PackError(file: file, location: at + ".code", reason: "the code \(refusal)")
            }
            guard seen.insert(indicator.code).inserted else {
                throw PackError(file: file, location: at + ".code", reason: "\"\(indicator.code)\" is listed twice")
            }
            if let refusal = TextLimit.name.refusal(of: indicator.name) {
                throw PackError(file: file, location: at + ".name", reason: "the name \(refusal)")
            }
            // The target in force is the latest that starts by a month, so targets run earliest first.
            var previous: String?
            for (targetIndex, target) in indicator.targets.enumerated() {
                let location = "\(at).targets[\(targetIndex)]"
                guard Month.components(target.from) != nil else {
                    throw PackError(
                        file: file, location: location + ".from", reason: "\"\(target.from)\" is not a month (YYYY-MM)")
                }
                if let previous, target.from <= previous {
                    throw PackError(
                        file: file, location: location + ".from",
                        reason:
                            "\(target.from) is not after the target before it (\(previous)): targets run earliest first, "
                            + "one a month at most")
                }
                previous = target.from
                if let problem = indicator.problem(with: target.value) {
                    throw PackError(file: file, location: location + ".value", reason: problem)
                }
            }
        }
        return indicators
    }

    private func readMemorandum(organisations: Set<String>, pools: Set<String>) throws(PackError) -> PackMemorandum? {
        let file = PackFile.memorandum
        guard let data = try bytes(file, required: false) else { return nil }
        let memorandum = try decode(PackMemorandum.self, file, from: data)
        var seated: Set<String> = []
        for (index, seat) in memorandum.seats.enumerated() {
            guard organisations.contains(seat.organisation) else {
                throw PackError(
                    file: file, location: "$.seats[\(index)].organisation",
                    reason: "\"\(seat.organisation)\" is not one of the pack's organisations")
            }
            guard seated.insert(seat.organisation).inserted else {
                throw PackError(
                    file: file, location: "$.seats[\(index)].organisation",
                    reason: "\"\(seat.organisation)\" already holds a seat")
            }
        }
        for (index, line) in memorandum.redLines.enumerated() {
            guard seated.contains(line.party) else {
                throw PackError(
                    file: file, location: "$.redLines[\(index)].party",
                    reason: "\"\(line.party)\" holds no seat, so cannot draw a red line")
            }
            for (poolIndex, pool) in (line.pools ?? []).enumerated() where !pools.contains(pool) {
                throw PackError(
                    file: file, location: "$.redLines[\(index)].pools[\(poolIndex)]",
                    reason: "\"\(pool)\" is not one of the pools in \(PackFile.pools)")
            }
            if let problem = line.problem {
                throw PackError(file: file, location: "$.redLines[\(index)].\(problem.field)", reason: problem.reason)
            }
        }
        for (party, byType) in memorandum.ratificationRoutes.sorted(by: { $0.key < $1.key }) {
            guard organisations.contains(party) else {
                throw PackError(
                    file: file, location: "$.ratificationRoutes.\(party)",
                    reason: "\"\(party)\" is not one of the pack's organisations")
            }
            for type in byType.keys.sorted() where DecisionType(rawValue: type) == nil {
                throw PackError(
                    file: file, location: "$.ratificationRoutes.\(party).\(type)",
                    reason:
                        "\"\(type)\" is not a decision type (\(DecisionType.allCases.map(\.rawValue).joined(separator: ", ")))"
                )
            }
        }
        guard memorandum.joiningOpens <= memorandum.joiningCloses else {
            throw PackError(file: file, location: "$.joiningCloses", reason: "the window closes before it opens")
        }
        do { _ = try memorandum.memorandum() } catch {
            throw PackError(file: file, location: "$.rule", reason: error.description)
        }
        return memorandum
    }

    private func readProgramme(organisations: Set<String>) throws(PackError) -> WorkProgramme? {
        let file = PackFile.programme
        guard let data = try bytes(file, required: false) else { return nil }
        let programme = try decode(WorkProgramme.self, file, from: data)
        var seen: Set<String> = []
        for (index, milestone) in programme.milestones.enumerated() {
            let path = "$.milestones[\(index)]"
            guard seen.insert(milestone.id).inserted else {
                throw PackError(file: file, location: "\(path).id", reason: "\"\(milestone.id)\" is listed twice")
            }
            guard programme.workstreams.contains(milestone.workstream) else {
                throw PackError(
                    file: file, location: "\(path).workstream",
                    reason: "\"\(milestone.workstream)\" is not one of the programme's workstreams")
            }
            if let owner = milestone.ownerOrganisation, !organisations.contains(owner) {
                throw PackError(
                    file: file, location: "\(path).ownerOrganisation",
                    reason: "\"\(owner)\" is not one of the pack's organisations")
            }
        }
        let phases = Set(programme.phases.map(\.name))
        for (index, gateway) in programme.gateways.enumerated() where !phases.contains(gateway.into) {
            throw PackError(
                file: file, location: "$.gateways[\(index)].into", reason: "\"\(gateway.into)\" is not a phase")
        }
        return programme
    }

    private func readDemo(memorandum: PackMemorandum?, programme: WorkProgramme?, indicators: [Indicator])
        throws(PackError) -> PackDemo?
    {
        let file = PackFile.demo
        guard let data = try bytes(file, required: false) else { return nil }
        let demo = try decode(PackDemo.self, file, from: data)
        let parties = memorandum?.seats.filter { $0.kind == .party }.count ?? 0
        if let worked = demo.workedDecision {
            guard memorandum != nil else {
                throw PackError(
                    file: file, location: "$.workedDecision", reason: "a decision needs \(PackFile.memorandum)")
            }
            guard (0...parties).contains(worked.yesVotes) else {
                throw PackError(
                    file: file, location: "$.workedDecision.yesVotes",
                    reason: "\(worked.yesVotes) is not from 0 to the \(parties) parties")
            }
            guard (0...parties).contains(worked.ratifications) else {
                throw PackError(
                    file: file, location: "$.workedDecision.ratifications",
                    reason: "\(worked.ratifications) is not from 0 to the \(parties) parties")
            }
        }
        if demo.openDecision != nil, memorandum == nil {
            throw PackError(file: file, location: "$.openDecision", reason: "a decision needs \(PackFile.memorandum)")
        }
        let milestones = Set(programme?.milestones.map(\.id) ?? [])
        for id in demo.milestonesNotDone.keys.sorted() where !milestones.contains(id) {
            throw PackError(
                file: file, location: "$.milestonesNotDone.\(id)",
                reason: "\"\(id)\" is not a milestone in \(PackFile.programme)")
        }
        for (index, risk) in demo.risks.enumerated() {
            for (name, score) in [("inherent", risk.inherent), ("current", risk.current), ("target", risk.target)] {
                guard score.count == 2, score.allSatisfy({ (1...5).contains($0) }) else {
                    throw PackError(
                        file: file, location: "$.risks[\(index)].\(name)",
                        reason: "a score is [likelihood, consequence], each from 1 to 5")
                }
            }
        }
        let series = Set(indicators.filter { !$0.computedFromDataset }.map(\.code))
        for code in demo.indicatorSeries.keys.sorted() where !series.contains(code) {
            throw PackError(
                file: file, location: "$.indicatorSeries.\(code)",
                reason:
                    "\"\(code)\" is not an indicator in \(PackFile.indicators) that is reported rather than computed")
        }
        return demo
    }

    private func readSynthetic(places: Set<String>, districts: Set<String>) throws(PackError) -> SyntheticParticulars? {
        let file = PackFile.synthetic
        guard let data = try bytes(file, required: false) else { return nil }
        let document = try decode(SyntheticDocument.self, file, from: data)
        /// The reason `code` is refused, or `nil` for a code the import accepts.
        func badCode(_ code: String) -> String? {
            OrganisationCode.isValid(code)
                ? nil : "\"\(code)\" is not an organisation code (3–8 capital letters and digits)"
        }
        /// The reason `decile` is refused, or `nil` for one from 1 to 10.
        func badDecile(_ decile: Double) -> String? {
            (1...10).contains(decile) ? nil : "\(decile) is not a decile from 1 to 10"
        }
        /// Checks each key of the map at `key` is one of `allowed` (districts compared as districts are: without
        /// case, "&" as "and"; else `unknown`) and each value by `bad`.
        func check<Value>(
            _ key: String, _ map: [String: Value]?, allowed: Set<String>, districts: Bool = true, unknown: String,
            _ bad: (Value) -> String?
        ) throws(PackError) {
            let keys = districts ? Set(allowed.map(PlaceRules.districtKey)) : allowed
            for (name, value) in (map ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard keys.contains(districts ? PlaceRules.districtKey(name) : name) else {
                    throw PackError(file: file, location: "$.\(key).\(name)", reason: "\"\(name)\" \(unknown)")
                }
                if let reason = bad(value) { throw PackError(file: file, location: "$.\(key).\(name)", reason: reason) }
            }
        }
        let named = [
            ("acute", document.acute), ("community", document.community), ("mentalHealth", document.mentalHealth),
            ("hospice", document.hospice), ("council", document.council),
        ]
        for (key, code) in named {
            if let reason = badCode(code) { throw PackError(file: file, location: "$.\(key)", reason: reason) }
        }
        let notADistrict =
            "is not a district of the pack's places" + (districts.isEmpty ? " (its hierarchy names no districts)" : "")
        try check(
            "acuteByPlace", document.acuteByPlace, allowed: places, districts: false,
            unknown: "is not one of the pack's places", badCode)
        try check("councilByDistrict", document.councilByDistrict, allowed: districts, unknown: notADistrict, badCode)
        try check("districtDeciles", document.districtDeciles, allowed: districts, unknown: notADistrict, badDecile)
        if let mean = document.meanDecile, let reason = badDecile(mean) {
            throw PackError(file: file, location: "$.meanDecile", reason: reason)
        }
        return document.particulars
    }

    // MARK: - Reading

    private func checkSettings(_ settings: [String], file: String, path: String) throws(PackError) {
        for (index, setting) in settings.enumerated() where CareSetting(code: setting) == nil {
            throw PackError(
                file: file, location: "\(path)[\(index)]",
                reason:
                    "\"\(setting)\" is not a care setting (\(CareSetting.allCases.map(\.code).joined(separator: ", ")))"
            )
        }
    }

    private func bytes(_ file: String, required: Bool) throws(PackError) -> Data? {
        let url = directory.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            if required {
                throw PackError(file: file, reason: "is missing from the pack (\(directory.path))")
            }
            return nil
        }
        do { return try Data(contentsOf: url) } catch {
            throw PackError(file: file, reason: "cannot be read (\(error.localizedDescription))")
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ file: String) throws(PackError) -> T {
        try decode(type, file, from: try bytes(file, required: true)!)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ file: String, from data: Data) throws(PackError) -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch let error as DecodingError {
            let (path, reason) = JSONPath.describe(error)
            throw PackError(file: file, location: path, reason: reason)
        } catch {
            throw PackError(file: file, reason: "cannot be read (\(error))")
        }
    }

    private func csv(_ file: String, required: Bool) throws(PackError) -> CSVTable? {
        guard let data = try bytes(file, required: required) else { return nil }
        do { return try CSVTable(parsing: data, file: file) } catch let error as IngestError {
            throw PackError(file: file, location: error.line.map { "line \($0)" } ?? "", reason: error.reason)
        } catch {
            throw PackError(file: file, reason: "\(error)")
        }
    }

    private func column(_ table: CSVTable, _ name: String) throws(PackError) -> CSVColumn {
        do { return try table.column(name) } catch {
            throw PackError(file: table.file, location: "line 1", reason: "there is no column \(name)")
        }
    }
}
