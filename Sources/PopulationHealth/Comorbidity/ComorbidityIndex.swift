/// The comorbidity and frailty indices Concordat scores, each exactly as published.
public enum ComorbidityIndex: String, CaseIterable, Sendable, Hashable {
    /// Charlson, Quan 2005 ICD-10 coding, Quan 2011 weights (Quan H et al., Am J Epidemiol
    /// 2011;173:676–82) — with AIDS/HIV weighted 4 as the paper says (comorbidipy 0.8.0 uses 2).
    case charlsonQuan = "charlson-quan"
    /// Charlson, Quan 2005 ICD-10 coding, the original weights (Charlson ME et al., J Chronic Dis 1987;40:373–83).
    case charlson1987 = "charlson-1987"
    /// Elixhauser, Quan 2005 ICD-10 coding, van Walraven weights (Med Care 2009;47:626–33); totals may be negative.
    case elixhauserVanWalraven = "elixhauser-vw"
    /// The Hospital Frailty Risk Score (Gilbert T et al., Lancet 2018;391:1775–82): the sum of the weights
    /// of the distinct three-character ICD-10 codes among its 109; low < 5, intermediate 5–15, high > 15.
    case hospitalFrailty = "hfrs"

    /// Whether the index is a Charlson index (and so takes the optional age term).
    public var isCharlson: Bool { self == .charlsonQuan || self == .charlson1987 }
}

/// Namespace for the published code lists (see `ComorbidityCodeLists+Tables.swift`).
public enum ComorbidityCodeLists {}
