import ConcordatCore
import Foundation

/// The `/scenarios/new` builder form (no JavaScript): its fields as posted, turned into the same
/// definition JSON the API takes (`docs/SCENARIOS.md`, format 1), or the definition pasted whole.
/// Percentages are typed as percentages (5 is 5%), money as pounds (`£180`, `2,500,000`).
struct ScenarioForm: Sendable {
    /// How many changes, investments and budget envelopes the form offers.
    static let changeSlots = 3
    static let investmentSlots = 2
    static let envelopeSlots = 3

    /// The posted fields by name (empty ones dropped).
    var fields: [String: String]

    /// A field refused, with the form field it belongs to.
    struct FieldError: Sendable, Hashable {
        var field: String
        var message: String
    }

    /// Reads an `application/x-www-form-urlencoded` body into fields (the last of a repeated name wins).
    init(body: String) {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            if !value.isEmpty { fields[name] = value } else { fields[name] = nil }
        }
        self.fields = fields
    }

    /// Makes a form of given fields.
    init(fields: [String: String]) { self.fields = fields }

    /// The value of `name`, if given.
    subscript(_ name: String) -> String? { fields[name] }

    /// The definition to submit and, for each JSON path the form wrote, the form field it came from (so a
    /// refusal at `$.changes[0].fraction.low` is shown beside `c1.fractionLow`).
    /// - Throws: the fields that are not numbers, years or money, each with why.
    func definition() throws(FieldErrors) -> (json: Data, fieldOfPath: [String: String]) {
        if let pasted = fields["definition"] { return (Data(pasted.utf8), ["$": "definition"]) }
        var errors: [FieldError] = []
        var paths: [String: String] = [:]
        func number(_ name: String, path: String, scale: Double = 1) -> Double? {
            guard let text = fields[name] else { return nil }
            paths[path] = name
            guard let value = Double(text.replacingOccurrences(of: "%", with: "")), value.isFinite else {
                errors.append(FieldError(field: name, message: "'\(text)' is not a number"))
                return nil
            }
            return value / scale
        }
        func whole(_ name: String, path: String) -> Int? {
            guard let text = fields[name] else { return nil }
            paths[path] = name
            guard let value = Int(text) else {
                errors.append(FieldError(field: name, message: "'\(text)' is not a whole number"))
                return nil
            }
            return value
        }
        /// The slots of a repeated group (`c1.`, `c2.`, …) with any field filled, and their field prefixes.
        func filledSlots(_ letter: String, _ count: Int) -> [(slot: Int, prefix: String)] {
            (1...count).map { ($0, "\(letter)\($0).") }.filter { slot in fields.keys.contains { $0.hasPrefix(slot.1) } }
        }
        func pence(_ name: String, path: String) -> Int64? {
            guard let text = fields[name] else { return nil }
            paths[path] = name
            do { return try Money.parse(text).pence } catch {
                errors.append(FieldError(field: name, message: "'\(text)' is not an amount of money: \(error)"))
                return nil
            }
        }
        func text(_ name: String, path: String) -> String? {
            guard let value = fields[name] else { return nil }
            paths[path] = name
            return value
        }
        func list(_ name: String, path: String) -> [String]? {
            guard let value = fields[name] else { return nil }
            paths[path] = name
            return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        /// A point (only `low`, or low = high) or an 80% interval, from percentages.
        func interval(_ low: String, _ high: String, path: String) -> Any? {
            let lowValue = number(low, path: path + ".low", scale: 100)
            let highValue = number(high, path: path + ".high", scale: 100)
            paths[path] = low
            switch (lowValue, highValue) {
            case (let low?, let high?) where low != high: return ["low": low, "high": high]
            case (let low?, _): return low
            case (nil, let high?): return high
            case (nil, nil): return nil
            }
        }

        var definition: [String: Any] = ["format": 1]
        definition["name"] = text("name", path: "$.name") ?? ""
        paths["$.name"] = "name"
        definition["description"] = text("description", path: "$.description")
        definition["baseYear"] = text("baseYear", path: "$.baseYear")
        definition["horizon"] = whole("horizon", path: "$.horizon")
        definition["runs"] = whole("runs", path: "$.runs")
        definition["seed"] = whole("seed", path: "$.seed")
        var demographic: [[String: Any]] = []
        if let all = interval("growthLow", "growthHigh", path: "$.demographicGrowth[0].annual") {
            demographic.append(["annual": all])
        }
        if let older = interval("growth75Low", "growth75High", path: "$.demographicGrowth[\(demographic.count)].annual")
        {
            demographic.append(["agedAtLeast": 75, "annual": older])
        }
        if !demographic.isEmpty { definition["demographicGrowth"] = demographic }
        if let other = interval("otherGrowthLow", "otherGrowthHigh", path: "$.nonDemographicGrowth[0].annual") {
            definition["nonDemographicGrowth"] = [["annual": other]]
        }
        definition["priceUplift"] = interval("priceUpliftLow", "priceUpliftHigh", path: "$.priceUplift")
        definition["occupancy"] = number("occupancy", path: "$.occupancy", scale: 100)

        var changes: [[String: Any]] = []
        for (slot, field) in filledSlots("c", Self.changeSlots) {
            let path = "$.changes[\(changes.count)]"
            var change: [String: Any] = [:]
            change["name"] = text(field + "name", path: path + ".name") ?? "Change \(slot)"
            change["kind"] = text(field + "kind", path: path + ".kind")
            change["setting"] = text(field + "setting", path: path + ".setting")
            change["fraction"] = interval(field + "fractionLow", field + "fractionHigh", path: path + ".fraction")
            change["start"] = text(field + "start", path: path + ".start")
            change["rampYears"] = whole(field + "ramp", path: path + ".rampYears")
            change["measure"] = text(field + "measure", path: path + ".measure")
            var people: [String: Any] = [:]
            for criterion in ["places", "neighbourhoods", "segments", "ageBands", "sexes", "conditions"] {
                people[criterion] = list(field + criterion, path: path + ".people.\(criterion)")
            }
            if let deciles = list(field + "imdDeciles", path: path + ".people.imdDeciles") {
                let numbers = deciles.compactMap { Int($0) }
                if numbers.count == deciles.count {
                    people["imdDeciles"] = numbers
                } else {
                    errors.append(
                        FieldError(field: field + "imdDeciles", message: "give deciles 1 to 10, comma between"))
                }
            }
            people["agedAtLeast"] = whole(field + "agedAtLeast", path: path + ".people.agedAtLeast")
            paths[path + ".people"] = field + "places"
            change["people"] = people
            if change["kind"] as? String == "shift" {
                var destination: [String: Any] = [:]
                destination["setting"] = text(field + "toSetting", path: path + ".to.setting")
                destination["unitCostPence"] = pence(field + "toUnitCost", path: path + ".to.unitCostPence")
                destination["partner"] = text(field + "toPartner", path: path + ".to.partner")
                paths[path + ".to"] = field + "toSetting"
                change["to"] = destination
            }
            paths[path] = field + "name"
            changes.append(change)
        }
        definition["changes"] = changes
        var investments: [[String: Any]] = []
        for (_, field) in filledSlots("i", Self.investmentSlots) {
            let path = "$.investments[\(investments.count)]"
            var investment: [String: Any] = [:]
            investment["name"] = text(field + "name", path: path + ".name")
            investment["partner"] = text(field + "partner", path: path + ".partner")
            investment["kind"] = text(field + "kind", path: path + ".kind") ?? "revenue"
            investment["pencePerYear"] = pence(field + "perYear", path: path + ".pencePerYear")
            investment["from"] = text(field + "from", path: path + ".from")
            investment["to"] = text(field + "to", path: path + ".to")
            investment["setting"] = text(field + "setting", path: path + ".setting")
            investment["place"] = text(field + "place", path: path + ".place")
            paths[path] = field + "partner"
            investments.append(investment)
        }
        if !investments.isEmpty { definition["investments"] = investments }
        var envelopes: [[String: Any]] = []
        for (_, field) in filledSlots("e", Self.envelopeSlots) {
            let path = "$.envelopes[\(envelopes.count)]"
            var envelope: [String: Any] = [:]
            envelope["partner"] = text(field + "partner", path: path + ".partner")
            envelope["pencePerYear"] = pence(field + "perYear", path: path + ".pencePerYear")
            paths[path] = field + "partner"
            envelopes.append(envelope)
        }
        if !envelopes.isEmpty { definition["envelopes"] = envelopes }
        guard errors.isEmpty else { throw FieldErrors(errors: errors) }
        do {
            return (try JSONSerialization.data(withJSONObject: definition, options: [.sortedKeys]), paths)
        } catch {
            throw FieldErrors(errors: [FieldError(field: "name", message: "the form could not be written: \(error)")])
        }
    }

    /// The form field a refusal at JSON `path` belongs to: the longest path the form wrote that `path`
    /// starts with (`$` itself: the whole form, shown at its top).
    static func field(of path: String, in fieldOfPath: [String: String]) -> String? {
        var best: (length: Int, field: String)?
        for (prefix, field) in fieldOfPath
        where path == prefix || path.hasPrefix(prefix + ".") || path.hasPrefix(prefix + "[") {
            if prefix.count > (best?.length ?? -1) { best = (prefix.count, field) }
        }
        return best?.field
    }

    /// The fields refused before the definition could be written.
    struct FieldErrors: Error, Sendable {
        var errors: [FieldError]
    }
}
