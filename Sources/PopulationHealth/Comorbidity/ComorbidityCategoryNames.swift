/// The names a person reads for each comorbidity category, by index: "Congestive heart failure" for
/// `chf`, "Hypertension, uncomplicated" for `hypunc`. The short keys are the R `comorbidity` package's
/// (and the API's); the names follow that package's documentation and the source papers (Quan et al.,
/// Med Care 2005;43:1130–9), in British spelling.
public enum ComorbidityCategoryNames {
    /// Charlson (Quan 2005 coding): the 17 categories.
    public static let charlson: [String: String] = [
        "ami": "Acute myocardial infarction", "chf": "Congestive heart failure",
        "pvd": "Peripheral vascular disease", "cevd": "Cerebrovascular disease", "dementia": "Dementia",
        "copd": "Chronic obstructive pulmonary disease", "rheumd": "Rheumatoid disease",
        "pud": "Peptic ulcer disease", "mld": "Mild liver disease", "diab": "Diabetes without complications",
        "diabwc": "Diabetes with complications", "hp": "Hemiplegia or paraplegia", "rend": "Renal disease",
        "canc": "Cancer (any malignancy)", "msld": "Moderate or severe liver disease",
        "metacanc": "Metastatic solid tumour", "aids": "AIDS/HIV",
    ]

    /// Elixhauser (Quan 2005 coding): the 31 categories.
    public static let elixhauser: [String: String] = [
        "chf": "Congestive heart failure", "carit": "Cardiac arrhythmias", "valv": "Valvular disease",
        "pcd": "Pulmonary circulation disorders", "pvd": "Peripheral vascular disorders",
        "hypunc": "Hypertension, uncomplicated", "hypc": "Hypertension, complicated", "para": "Paralysis",
        "ond": "Other neurological disorders", "cpd": "Chronic pulmonary disease",
        "diabunc": "Diabetes, uncomplicated", "diabc": "Diabetes, complicated", "hypothy": "Hypothyroidism",
        "rf": "Renal failure", "ld": "Liver disease", "pud": "Peptic ulcer disease, excluding bleeding",
        "aids": "AIDS/HIV", "lymph": "Lymphoma", "metacanc": "Metastatic solid tumour",
        "solidtum": "Solid tumour without metastasis", "rheumd": "Rheumatoid arthritis or collagen vascular disease",
        "coag": "Coagulopathy", "obes": "Obesity", "wloss": "Weight loss", "fed": "Fluid and electrolyte disorders",
        "blane": "Blood loss anaemia", "dane": "Deficiency anaemia", "alcohol": "Alcohol abuse", "drug": "Drug abuse",
        "psycho": "Psychoses", "depre": "Depression",
    ]

    /// The name of `category` in `index` ("Congestive heart failure"), or the key itself when unknown.
    public static func name(of category: String, in index: ComorbidityIndex) -> String {
        let names = index == .elixhauserVanWalraven ? elixhauser : charlson
        return names[category] ?? category
    }

    /// The label a page shows: the name with the index in brackets ("Congestive heart failure (Elixhauser)").
    public static func label(of category: String, in index: ComorbidityIndex) -> String {
        "\(name(of: category, in: index)) (\(index == .elixhauserVanWalraven ? "Elixhauser" : "Charlson"))"
    }
}
