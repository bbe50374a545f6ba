import ConcordatCore

/// The `/scenarios/new` builder: fieldsets of fields, each with its value as posted and its message when
/// refused, and a textarea to paste a whole definition instead.
struct ScenarioFormPage {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Field {
        var id: String
        var label: String
        var value: String
        var hint: String?
        var error: String?
        var isSelect: Bool
        var options: [Option]
    }

    struct Fieldset {
        var legend: String
        var fields: [Field]
    }

    var fieldsets: [Fieldset]
    var definition: String
    var definitionError: String?
    var summary: String
    var hasErrors: Bool
    var errorList: [ScenarioForm.FieldError]
    var csrf: String
    var canSubmit: Bool

    init(
        form: ScenarioForm, errors: [ScenarioForm.FieldError], summary: String?, csrf: String, canSubmit: Bool,
        places: [String]
    ) {
        let messages = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { "\($0); \($1)" })
        func field(_ id: String, _ label: String, hint: String = "") -> Field {
            Field(
                id: id, label: label, value: form[id] ?? "", hint: hint.isEmpty ? nil : hint, error: messages[id],
                isSelect: false,
                options: [])
        }
        func select(_ id: String, _ label: String, _ options: [(String, String)]) -> Field {
            let chosen = form[id] ?? ""
            return Field(
                id: id, label: label, value: chosen, hint: nil, error: messages[id], isSelect: true,
                options: [Option(value: "", label: "—", selected: chosen.isEmpty)]
                    + options.map { Option(value: $0.0, label: $0.1, selected: $0.0 == chosen) })
        }
        let settings = CareSetting.allCases.map { ($0.code, $0.label) }
        var sets = [
            Fieldset(
                legend: "The scenario",
                fields: [
                    field("name", "Name"), field("description", "Description"),
                    field("baseYear", "Base year", hint: "a financial year, e.g. 2026/27"),
                    field("horizon", "Horizon (years, 1–10)"), field("runs", "Monte Carlo runs (1–10,000)"),
                    field("seed", "Seed"),
                ]),
            Fieldset(
                legend: "Growth (% a year; low and high are the 80% interval, one alone is a point)",
                fields: [
                    field("growthLow", "Demographic growth, all ages: low"), field("growthHigh", "high"),
                    field("growth75Low", "Demographic growth, aged 75+: low"), field("growth75High", "high"),
                    field("otherGrowthLow", "Non-demographic growth: low"), field("otherGrowthHigh", "high"),
                    field("priceUpliftLow", "Price uplift (real): low"), field("priceUpliftHigh", "high"),
                    field("occupancy", "Bed occupancy (%)"),
                ]),
        ]
        for slot in 1...ScenarioForm.changeSlots {
            let c = "c\(slot)."
            sets.append(
                Fieldset(
                    legend: "Change \(slot)\(slot > 1 ? " (optional)" : "")",
                    fields: [
                        field(c + "name", "Name"),
                        select(
                            c + "kind", "Kind", [("avoid", "Avoid"), ("shift", "Shift"), ("efficiency", "Efficiency")]),
                        select(c + "setting", "Setting it acts on", settings),
                        field(c + "places", "Places", hint: "codes, comma between: " + places.joined(separator: ", ")),
                        field(c + "neighbourhoods", "Neighbourhoods", hint: "area codes, comma between"),
                        field(
                            c + "segments", "Segments",
                            hint: "e.g. longDeclineFrailtyDementia, chronicConditions (comma between)"),
                        field(c + "agedAtLeast", "Aged at least", hint: "a multiple of 5"),
                        field(c + "ageBands", "Age bands", hint: "e.g. 75_79, 80_84"),
                        field(c + "sexes", "Sexes", hint: "female, male"),
                        field(c + "imdDeciles", "IMD deciles", hint: "1–10, comma between"),
                        field(c + "conditions", "Conditions", hint: "Charlson categories, e.g. chf, dementia"),
                        field(c + "fractionLow", "Fraction (%): low"), field(c + "fractionHigh", "high"),
                        field(c + "start", "Start year", hint: "e.g. 2027/28"), field(c + "ramp", "Ramp (years)"),
                        select(c + "toSetting", "Shift: to setting", settings),
                        field(c + "toUnitCost", "Shift: unit cost (£)", hint: "blank: the setting's mean"),
                        field(c + "toPartner", "Shift: provided by partner", hint: "a partner code of the pack"),
                        select(
                            c + "measure", "Efficiency: measure",
                            [("cost-per-unit", "Cost per unit"), ("length-of-stay", "Length of stay")]),
                    ]))
        }
        for slot in 1...ScenarioForm.investmentSlots {
            let i = "i\(slot)."
            sets.append(
                Fieldset(
                    legend: "Investment \(slot) (optional)",
                    fields: [
                        field(i + "name", "Name"), field(i + "partner", "Partner", hint: "a partner code of the pack"),
                        select(i + "kind", "Kind", [("revenue", "Revenue"), ("capital", "Capital")]),
                        field(i + "perYear", "£ a year"), field(i + "from", "From year"), field(i + "to", "To year"),
                        select(i + "setting", "Spent on setting", settings),
                        field(i + "place", "In place", hint: "blank: the whole system"),
                    ]))
        }
        for slot in 1...ScenarioForm.envelopeSlots {
            let e = "e\(slot)."
            sets.append(
                Fieldset(
                    legend:
                        "Budget envelope \(slot) (optional: a partner's net cost red line; without one, its ledger budget)",
                    fields: [
                        field(e + "partner", "Partner", hint: "a partner code of the pack"),
                        field(e + "perYear", "£ a year", hint: "at base-year prices"),
                    ]))
        }
        fieldsets = sets
        definition = form["definition"] ?? ""
        definitionError = messages["definition"]
        self.summary = summary ?? ""
        hasErrors = !errors.isEmpty || summary != nil
        errorList = errors
        self.csrf = csrf
        self.canSubmit = canSubmit
    }
}
