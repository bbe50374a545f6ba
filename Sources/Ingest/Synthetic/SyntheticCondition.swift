/// A long-term condition the synthetic population generator can give a person: the ICD-10 codes it is
/// recorded with and how common it is by age, before deprivation and personal frailty are applied.
///
/// The catalogue is illustrative, not epidemiology: prevalences are round figures of the right order
/// for England, chosen so that every Charlson (Quan 2005), Elixhauser (Quan 2005) and Hospital Frailty
/// Risk Score category is exercised, with more illness in older and more deprived people.
public struct SyntheticCondition: Sendable {
    /// A short name.
    public var name: String
    /// ICD-10 codes (with the dot) recorded for it; a person gets one, or several for syndromes.
    public var codes: [String]
    /// Percentage of people with it at ages 0–17, 18–39, 40–59, 60–74, 75–84 and 85+.
    public var prevalence: [Double]
    /// How many of `codes` a person with the condition gets (1 unless a syndrome of several codes).
    public var codesPerPerson: ClosedRange<Int> = 1...1

    /// The age group (index into ``prevalence``) for an age in years.
    public static func ageGroup(_ age: Int) -> Int {
        switch age {
        case ..<18: 0
        case ..<40: 1
        case ..<60: 2
        case ..<75: 3
        case ..<85: 4
        default: 5
        }
    }

    /// The catalogue.
    public static let catalogue: [SyntheticCondition] = [
        .init(name: "hypertension", codes: ["I10"], prevalence: [0.1, 2, 12, 35, 50, 55]),
        .init(
            name: "hypertensive heart or renal disease", codes: ["I11.0", "I12.0", "I13.0"],
            prevalence: [0, 0.05, 0.5, 2, 4, 5]),
        .init(name: "myocardial infarction", codes: ["I21.9", "I25.2"], prevalence: [0, 0.05, 1, 4, 7, 9]),
        .init(name: "heart failure", codes: ["I50.0", "I50.9", "I42.0"], prevalence: [0, 0.05, 0.5, 3, 8, 14]),
        .init(name: "arrhythmia", codes: ["I48", "I49.9", "I47.1"], prevalence: [0.05, 0.2, 1.5, 6, 14, 20]),
        .init(name: "valve disease", codes: ["I35.0", "I34.0"], prevalence: [0.05, 0.1, 0.5, 2, 5, 7]),
        .init(
            name: "pulmonary circulation disorder", codes: ["I26.9", "I27.0"],
            prevalence: [0, 0.05, 0.2, 0.6, 1.2, 1.5]),
        .init(name: "peripheral vascular disease", codes: ["I70.2", "I73.9"], prevalence: [0, 0.05, 0.6, 3, 6, 8]),
        .init(
            name: "cerebrovascular disease", codes: ["I63.9", "I64", "G45.9", "I69.4", "I67.9"],
            prevalence: [0, 0.1, 0.8, 4, 9, 14]),
        .init(name: "dementia", codes: ["F00.1", "F01.9", "F03", "G30.9"], prevalence: [0, 0, 0.1, 1.5, 8, 25]),
        .init(name: "delirium", codes: ["F05.0", "F05.1"], prevalence: [0, 0, 0.05, 0.5, 2, 5]),
        .init(name: "COPD", codes: ["J44.9", "J43.9"], prevalence: [0, 0.1, 2, 7, 11, 12]),
        .init(name: "asthma", codes: ["J45.9"], prevalence: [9, 8, 7, 7, 7, 6]),
        .init(name: "rheumatic disease", codes: ["M05.9", "M06.9", "M32.9"], prevalence: [0.05, 0.3, 1, 2, 3, 3]),
        .init(name: "peptic ulcer", codes: ["K25.9", "K26.9"], prevalence: [0, 0.2, 0.6, 1.2, 2, 2.5]),
        .init(
            name: "mild liver disease", codes: ["B18.2", "K74.6", "K76.0", "K73.9"],
            prevalence: [0, 0.3, 1, 1.5, 1.2, 1]),
        .init(
            name: "severe liver disease", codes: ["K72.1", "I85.0", "K76.6"], prevalence: [0, 0.02, 0.1, 0.2, 0.2, 0.2]),
        .init(
            name: "diabetes without complications", codes: ["E11.9", "E10.9"], prevalence: [0.2, 1.5, 6, 12, 14, 12]),
        .init(
            name: "diabetes with complications", codes: ["E11.2", "E11.3", "E11.5", "E10.2"],
            prevalence: [0.02, 0.3, 1.5, 4, 6, 6]),
        .init(
            name: "hemiplegia or paraplegia", codes: ["G81.9", "G82.2"], prevalence: [0.05, 0.1, 0.2, 0.4, 0.6, 0.8]),
        .init(
            name: "chronic kidney disease", codes: ["N18.3", "N18.4", "N18.5"], prevalence: [0, 0.2, 1.5, 6, 14, 22]),
        .init(
            name: "solid tumour", codes: ["C50.9", "C61", "C18.9", "C34.9", "C43.9"],
            prevalence: [0.05, 0.4, 2, 6, 9, 10]),
        .init(name: "metastatic cancer", codes: ["C78.0", "C79.5", "C77.9"], prevalence: [0, 0.02, 0.2, 0.7, 1, 1]),
        .init(
            name: "lymphoma or myeloma", codes: ["C83.3", "C85.9", "C90.0"], prevalence: [0.02, 0.05, 0.2, 0.6, 1, 1]),
        .init(name: "HIV", codes: ["B20.9", "B24"], prevalence: [0.01, 0.2, 0.25, 0.1, 0.02, 0.01]),
        .init(name: "hypothyroidism", codes: ["E03.9"], prevalence: [0.1, 1, 3, 6, 8, 9]),
        .init(name: "coagulopathy", codes: ["D68.9", "D69.6"], prevalence: [0.05, 0.1, 0.3, 0.6, 1, 1.5]),
        .init(name: "obesity", codes: ["E66.9"], prevalence: [2, 6, 9, 8, 5, 2]),
        .init(
            name: "weight loss or malnutrition", codes: ["R63.4", "E44.0"], prevalence: [0.05, 0.1, 0.2, 0.6, 1.5, 3]),
        .init(
            name: "fluid and electrolyte disorder", codes: ["E86", "E87.1"], prevalence: [0.1, 0.2, 0.5, 1.5, 4, 8]),
        .init(name: "blood loss anaemia", codes: ["D50.0"], prevalence: [0.05, 0.2, 0.3, 0.5, 0.8, 1]),
        .init(name: "deficiency anaemia", codes: ["D50.9", "D51.0", "D64.9"], prevalence: [0.5, 1.5, 1.5, 2.5, 5, 8]),
        .init(name: "alcohol misuse", codes: ["F10.2", "F10.1"], prevalence: [0.05, 2, 3, 2, 1, 0.5]),
        .init(name: "drug misuse", codes: ["F11.2", "F12.1", "F19.2"], prevalence: [0.1, 2, 1.2, 0.4, 0.1, 0.05]),
        .init(name: "psychosis", codes: ["F20.9", "F25.0", "F31.2"], prevalence: [0.05, 0.8, 0.9, 0.7, 0.6, 0.5]),
        .init(name: "depression", codes: ["F32.9", "F33.1"], prevalence: [1, 9, 10, 8, 7, 7]),
        .init(
            name: "other neurological disorder", codes: ["G40.9", "G20", "G35"], prevalence: [0.5, 0.8, 1, 1.5, 2.5, 3]),
        .init(
            name: "frailty syndrome",
            codes: [
                "R29.6", "W19", "R26.8", "R41.0", "N39.0", "S72.0", "L89.9", "R54", "Z74.0", "R32", "M81.9", "H54.0",
                "S00.9", "R31", "B96.8", "R56.9", "R40.2", "T83.0", "S06.0", "S42.2", "M25.5", "Z50.9", "W18",
                "Z75.1", "S80.0", "L03.1", "E53.8", "Z60.2", "R55", "S22.4", "K59.0", "N17.9", "Z22.3", "B95.6",
                "L97", "R44.3", "I95.1", "A41.9", "Z87.8", "J96.0", "X59.9", "M19.9", "E16.2", "R94.3", "R33", "R69",
                "N28.9", "G31.9", "Y95", "S09.9", "R45.8", "Z74.1", "M79.6", "W06", "S01.8", "A04.7", "A09.9",
                "J18.9", "J69.0", "R47.0", "E55.9", "Z93.0", "R02", "H91.9", "W10", "W01", "E05.9", "M41.9", "R13",
                "Z99.3", "M80.9", "K92.2", "N20.0", "Y84.2", "R00.1", "J22", "Z73.6", "R79.8", "Z91.8", "S51.9",
                "M48.0", "E83.5", "M15.9", "L08.9", "R11", "K52.9", "R50.9",
            ],
            prevalence: [0, 0.2, 1, 4, 15, 35], codesPerPerson: 1...4),
    ]
}
