import ConcordatCore
import Foundation
import PopulationHealth

extension ScenarioDefinition {
    /// The most Monte Carlo runs a definition may ask for.
    public static let maximumRuns = 100_000
    /// The most changes a definition may hold (each is one bit of a cell's key).
    public static let maximumChanges = 64
    /// The largest amount of money one line may carry: £10bn a year, in pence.
    public static let maximumPence: Int64 = 1_000_000_000_000

    /// Reads a definition from JSON and validates it.
    /// - Throws: ``ScenarioRefusal`` with the JSON path and the reason.
    public static func read(_ data: Data, in context: ScenarioContext) throws(ScenarioRefusal) -> Scenario {
        let definition: ScenarioDefinition
        do { definition = try JSONDecoder().decode(ScenarioDefinition.self, from: data) } catch let error
            as DecodingError
        {
            throw ScenarioRefusal(decoding: error)
        } catch { throw ScenarioRefusal("$", "cannot be read (\(error))") }
        return try definition.validated(in: context)
    }

    /// The scenario this definition describes, every value checked against `context`.
    /// - Throws: ``ScenarioRefusal`` naming the first value refused, by JSON path, and why.
    public func validated(in context: ScenarioContext) throws(ScenarioRefusal) -> Scenario {
        guard format == Self.currentFormat else {
            throw ScenarioRefusal(
                "$.format", "is \(format); this version of Concordat reads format \(Self.currentFormat)")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 200 else {
            throw ScenarioRefusal("$.name", "must be 1–200 characters")
        }
        guard let base = ScenarioYear.parse(baseYear) else {
            throw ScenarioRefusal("$.baseYear", "'\(baseYear)' is not a financial year such as 2026/27")
        }
        guard (1...10).contains(horizon) else {
            throw ScenarioRefusal("$.horizon", "is \(horizon); a horizon is 1 to 10 years")
        }
        let runs = self.runs ?? Self.defaultRuns
        guard (1...Self.maximumRuns).contains(runs) else {
            throw ScenarioRefusal("$.runs", "is \(runs); give 1 to \(Self.maximumRuns) runs")
        }
        func year(_ text: String?, _ path: String, default value: Int) throws(ScenarioRefusal) -> Int {
            guard let text else { return value }
            guard let parsed = ScenarioYear.parse(text) else {
                throw ScenarioRefusal(path, "'\(text)' is not a financial year such as 2027/28")
            }
            let offset = parsed - base
            guard (1...horizon).contains(offset) else {
                throw ScenarioRefusal(
                    path,
                    "\(text) is outside the projection (\(ScenarioYear.label(base + 1)) to \(ScenarioYear.label(base + horizon)))"
                )
            }
            return offset
        }
        var growthValues: [UncertainValue] = []
        var ruleOfBand = [Int?](repeating: nil, count: AgeBand.count)
        for (index, rule) in (demographicGrowth ?? []).enumerated() {
            let path = "$.demographicGrowth[\(index)]"
            try Self.check(rule.annual, "\(path).annual", range: Scenario.growthRange, what: "an annual growth rate")
            if rule.settings != nil {
                throw ScenarioRefusal("\(path).settings", "demographic growth is by age band, not setting")
            }
            let bands = try Self.bands(rule.ageBands, rule.agedAtLeast, path) ?? Set(0..<AgeBand.count)
            for band in bands { ruleOfBand[band] = growthValues.count }
            growthValues.append(rule.annual)
        }
        var ruleOfSetting = [Int?](repeating: nil, count: CareSetting.allCases.count)
        for (index, rule) in (nonDemographicGrowth ?? []).enumerated() {
            let path = "$.nonDemographicGrowth[\(index)]"
            try Self.check(rule.annual, "\(path).annual", range: Scenario.growthRange, what: "an annual growth rate")
            if rule.ageBands != nil || rule.agedAtLeast != nil {
                throw ScenarioRefusal("\(path).ageBands", "non-demographic growth is by setting, not age band")
            }
            let settings = try rule.settings.map { list throws(ScenarioRefusal) in
                try Set(
                    list.enumerated().map { item throws(ScenarioRefusal) in
                        try Self.setting(item.element, "\(path).settings[\(item.offset)]")
                    })
            }
            for setting in settings ?? Set(CareSetting.allCases) {
                ruleOfSetting[Int(setting.rawValue)] = growthValues.count
            }
            growthValues.append(rule.annual)
        }
        let price = priceUplift ?? UncertainValue(point: 0)
        try Self.check(price, "$.priceUplift", range: Scenario.growthRange, what: "an annual price uplift")
        let occupancy = self.occupancy ?? UncertainValue(point: 0.85)
        try Self.check(occupancy, "$.occupancy", range: Scenario.occupancyRange, what: "a bed occupancy")

        let changes = self.changes ?? []
        guard changes.count <= Self.maximumChanges else {
            throw ScenarioRefusal("$.changes", "has \(changes.count) changes; at most \(Self.maximumChanges)")
        }
        var resolved: [Scenario.Change] = []
        for (index, change) in changes.enumerated() {
            let path = "$.changes[\(index)]"
            guard !change.name.isEmpty, change.name.count <= 200 else {
                throw ScenarioRefusal("\(path).name", "must be 1–200 characters")
            }
            let setting = try Self.setting(change.setting, "\(path).setting")
            try Self.check(change.fraction, "\(path).fraction", range: Scenario.fractionRange, what: "a fraction")
            let people = try Self.people(change.people, "\(path).people", context)
            var destination: Scenario.Destination?
            switch change.kind {
            case .shift:
                guard let to = change.to else {
                    throw ScenarioRefusal("\(path).to", "is missing: a shift says where the activity goes")
                }
                let target = try Self.setting(to.setting, "\(path).to.setting")
                guard target != setting else {
                    throw ScenarioRefusal("\(path).to.setting", "is the setting shifted from")
                }
                if let cost = to.unitCostPence, !(0...Self.maximumPence).contains(cost) {
                    throw ScenarioRefusal(
                        "\(path).to.unitCostPence", "is \(cost); give 0 to \(Self.maximumPence) pence")
                }
                if let partner = to.partner, !context.partners.contains(partner) {
                    throw ScenarioRefusal("\(path).to.partner", "'\(partner)' is not a partner of the system")
                }
                destination = .init(setting: target, unitCostPence: to.unitCostPence, partner: to.partner)
            case .avoid, .efficiency:
                if change.to != nil {
                    throw ScenarioRefusal("\(path).to", "only a shift has a destination")
                }
            }
            if change.measure != nil && change.kind != .efficiency {
                throw ScenarioRefusal("\(path).measure", "only an efficiency has a measure")
            }
            let ramp = change.rampYears ?? 1
            guard (1...10).contains(ramp) else {
                throw ScenarioRefusal("\(path).rampYears", "is \(ramp); give 1 to 10 years")
            }
            resolved.append(
                .init(
                    name: change.name, kind: change.kind, people: people, setting: setting, fraction: change.fraction,
                    measure: change.measure ?? .costPerUnit, destination: destination,
                    startOffset: try year(change.start, "\(path).start", default: 1), rampYears: ramp))
        }
        var investments: [Scenario.Investment] = []
        for (index, investment) in (self.investments ?? []).enumerated() {
            let path = "$.investments[\(index)]"
            guard context.partners.contains(investment.partner) else {
                throw ScenarioRefusal("\(path).partner", "'\(investment.partner)' is not a partner of the system")
            }
            guard (0...Self.maximumPence).contains(investment.pencePerYear) else {
                throw ScenarioRefusal(
                    "\(path).pencePerYear", "is \(investment.pencePerYear); give 0 to \(Self.maximumPence) pence")
            }
            let from = try year(investment.from, "\(path).from", default: 1)
            let to = try year(investment.to, "\(path).to", default: horizon)
            guard from <= to else { throw ScenarioRefusal("\(path).to", "is before \(path).from") }
            let setting = try investment.setting.map { code throws(ScenarioRefusal) in
                try Self.setting(code, "\(path).setting")
            }
            if let place = investment.place, !context.places.contains(place) {
                throw ScenarioRefusal("\(path).place", "'\(place)' is not a place of the system")
            }
            investments.append(
                .init(
                    name: investment.name ?? "\(investment.kind.rawValue) \(investment.partner)",
                    partner: investment.partner, kind: investment.kind, pencePerYear: investment.pencePerYear,
                    years: from...to, setting: setting, place: investment.place))
        }
        var envelopes: [String: Int64] = [:]
        for (index, envelope) in (self.envelopes ?? []).enumerated() {
            let path = "$.envelopes[\(index)]"
            guard context.partners.contains(envelope.partner) else {
                throw ScenarioRefusal("\(path).partner", "'\(envelope.partner)' is not a partner of the system")
            }
            guard (0...Self.maximumPence * 10).contains(envelope.pencePerYear) else {
                throw ScenarioRefusal(
                    "\(path).pencePerYear", "is \(envelope.pencePerYear); give 0 to \(Self.maximumPence * 10) pence")
            }
            guard envelopes.updateValue(envelope.pencePerYear, forKey: envelope.partner) == nil else {
                throw ScenarioRefusal("\(path).partner", "'\(envelope.partner)' has an envelope already")
            }
        }
        return Scenario(
            definition: self, baseYear: base, horizon: horizon, runs: runs, seed: seed ?? 1,
            resample: resample ?? true, demographicRuleOfBand: ruleOfBand,
            nonDemographicRuleOfSetting: ruleOfSetting, growthValues: growthValues, priceUplift: price,
            occupancy: occupancy, changes: resolved, investments: investments, envelopes: envelopes)
    }

    /// Refuses a value that is not finite, an interval whose low is above its high, or one outside `range`.
    static func check(_ value: UncertainValue, _ path: String, range: ClosedRange<Double>, what: String)
        throws(ScenarioRefusal)
    {
        let point = value.isPoint || (value.low.isNaN && value.high.isNaN)
        for (end, number) in [("low", value.low), ("high", value.high)] {
            let at = point ? path : "\(path).\(end)"
            guard number.isFinite else { throw ScenarioRefusal(at, "is not a number") }
            guard range.contains(number) else {
                throw ScenarioRefusal(
                    at, "is \(number); \(what) is between \(range.lowerBound) and \(range.upperBound)")
            }
        }
        guard value.low <= value.high else {
            throw ScenarioRefusal("\(path).low", "is above high (\(value.low) > \(value.high))")
        }
        if let mode = value.mode {
            guard value.distribution == .triangular else {
                throw ScenarioRefusal("\(path).mode", "only a triangular distribution has a mode")
            }
            guard mode.isFinite, (value.low...value.high).contains(mode) else {
                throw ScenarioRefusal("\(path).mode", "must lie between low and high")
            }
        }
        if value.distribution == .logNormal && !value.isPoint && value.low <= 0 {
            throw ScenarioRefusal("\(path).low", "a log-normal interval lies above zero")
        }
    }

    static func setting(_ code: String, _ path: String) throws(ScenarioRefusal) -> CareSetting {
        guard let setting = CareSetting(code: code) else {
            throw ScenarioRefusal(
                path,
                "'\(code)' is not a setting; give one of \(CareSetting.allCases.map(\.code).joined(separator: ", "))")
        }
        return setting
    }

    static func bands(_ codes: [String]?, _ agedAtLeast: Int?, _ path: String) throws(ScenarioRefusal) -> Set<Int>? {
        if codes != nil && agedAtLeast != nil {
            throw ScenarioRefusal("\(path).agedAtLeast", "give ageBands or agedAtLeast, not both")
        }
        if let agedAtLeast {
            guard agedAtLeast >= 0, agedAtLeast % 5 == 0, agedAtLeast <= 95 else {
                throw ScenarioRefusal(
                    "\(path).agedAtLeast",
                    "is \(agedAtLeast); give a multiple of 5 from 0 to 95 (ages are in five-year bands)")
            }
            return Set((agedAtLeast / 5)..<AgeBand.count)
        }
        guard let codes else { return nil }
        var bands = Set<Int>()
        for (index, code) in codes.enumerated() {
            guard let band = AgeBand(publicationCode: code) else {
                throw ScenarioRefusal("\(path).ageBands[\(index)]", "'\(code)' is not an age band such as 75_79 or 95+")
            }
            bands.insert(band.index)
        }
        return bands
    }

    static func people(_ people: People?, _ path: String, _ context: ScenarioContext) throws(ScenarioRefusal)
        -> PeopleFilter
    {
        guard let people else { return .everyone }
        func codes(_ list: [String]?, _ key: String, known: Set<String>, kind: String) throws(ScenarioRefusal)
            -> Set<String>?
        {
            guard let list else { return nil }
            for (index, code) in list.enumerated() where !known.contains(code) {
                throw ScenarioRefusal("\(path).\(key)[\(index)]", "'\(code)' is not a \(kind) of the system")
            }
            return Set(list)
        }
        var filter = PeopleFilter()
        filter.places = try codes(people.places, "places", known: context.places, kind: "place")
        filter.neighbourhoods = try codes(
            people.neighbourhoods, "neighbourhoods", known: context.neighbourhoods, kind: "neighbourhood")
        if let names = people.segments {
            var segments = Set<UInt8>()
            for (index, name) in names.enumerated() {
                guard let segment = BridgesToHealthSegment.allCases.first(where: { "\($0)" == name }) else {
                    throw ScenarioRefusal(
                        "\(path).segments[\(index)]",
                        "'\(name)' is not a segment; give one of \(BridgesToHealthSegment.allCases.map { "\($0)" }.joined(separator: ", "))"
                    )
                }
                segments.insert(segment.rawValue)
            }
            filter.segments = segments
        }
        filter.ageBands = try bands(people.ageBands, people.agedAtLeast, path)
        if let sexes = people.sexes {
            var set = Set<UInt8>()
            for (index, code) in sexes.enumerated() {
                guard let sex = Sex(rawValue: code) else {
                    throw ScenarioRefusal("\(path).sexes[\(index)]", "'\(code)' is not female or male")
                }
                set.insert(sex == .female ? 0 : 1)
            }
            filter.sexes = set
        }
        if let deciles = people.imdDeciles {
            for (index, decile) in deciles.enumerated() where !(1...10).contains(decile) {
                throw ScenarioRefusal("\(path).imdDeciles[\(index)]", "is \(decile); IMD deciles are 1 to 10")
            }
            filter.imdDeciles = Set(deciles.map { UInt8($0) })
        }
        if let conditions = people.conditions {
            var indices: [Int] = []
            for (index, name) in conditions.enumerated() {
                guard let found = context.conditions.firstIndex(of: name) else {
                    throw ScenarioRefusal(
                        "\(path).conditions[\(index)]",
                        "'\(name)' is not a condition; give one of \(context.conditions.joined(separator: ", "))")
                }
                indices.append(found)
            }
            filter.conditions = indices
        }
        return filter
    }
}
