import Crypto
import Foundation

/// What a synthetic dataset needs to know about one system beyond its hierarchy: which organisation
/// provides each setting's activity, and how deprived each district is on average. A system's pack holds
/// them (`synthetic.json`, docs/PACKS.md); a system without one gets ``neutral``, whose providers are
/// placeholders that say they are synthetic, so no system's activity is ever attributed to another's trusts.
public struct SyntheticParticulars: Sendable, Hashable, Codable {
    /// The acute trust (organisation code) of hospital activity (outpatients, A&E, admissions) by place code.
    public var acuteByPlace: [String: String]
    /// The acute trust of practices in a place ``acuteByPlace`` does not name.
    public var acute: String
    /// The community health provider.
    public var community: String
    /// The mental health provider.
    public var mentalHealth: String
    /// The hospice provider.
    public var hospice: String
    /// The council (organisation code) that provides adult social care, by local authority district name.
    public var councilByDistrict: [String: String]
    /// The council of practices in a district ``councilByDistrict`` does not name.
    public var council: String
    /// An approximate mean national IMD decile by district (1 = most deprived), used to spread people's
    /// deprivation only where no real LSOA geography covers the district.
    public var districtDeciles: [String: Double]
    /// The mean decile of districts ``districtDeciles`` does not name.
    public var meanDecile: Double

    /// Makes the particulars of a system.
    public init(
        acuteByPlace: [String: String] = [:], acute: String, community: String, mentalHealth: String,
        hospice: String, councilByDistrict: [String: String] = [:], council: String,
        districtDeciles: [String: Double] = [:], meanDecile: Double = 5.5
    ) {
        self.acuteByPlace = acuteByPlace
        self.acute = acute
        self.community = community
        self.mentalHealth = mentalHealth
        self.hospice = hospice
        self.councilByDistrict = councilByDistrict
        self.council = council
        self.districtDeciles = districtDeciles
        self.meanDecile = meanDecile
    }

    /// For a system with no particulars: placeholder providers in the organisation-code form the import
    /// accepts (`SYNACUTE`, `SYNCOMM`, `SYNMH`, `SYNHOSP`, `SYNLA`), and the national middle decile, 5.5.
    public static let neutral = SyntheticParticulars(
        acute: "SYNACUTE", community: "SYNCOMM", mentalHealth: "SYNMH", hospice: "SYNHOSP", council: "SYNLA")

    /// The acute trust of practices in `place`.
    public func acute(place: String) -> String { acuteByPlace[place] ?? acute }

    /// The council of practices in `district` (names compared as ``PlaceRules/districtKey(_:)`` compares them).
    public func council(district: String?) -> String { Self.value(in: councilByDistrict, district) ?? council }

    /// The mean decile of `district` (names compared as ``PlaceRules/districtKey(_:)`` compares them).
    public func meanDecile(district: String?) -> Double { Self.value(in: districtDeciles, district) ?? meanDecile }

    /// The value `map` gives `district`, by its exact name or else as districts are compared.
    private static func value<Value>(in map: [String: Value], _ district: String?) -> Value? {
        guard let district else { return nil }
        if let exact = map[district] { return exact }
        let key = PlaceRules.districtKey(district)
        return map.first { PlaceRules.districtKey($0.key) == key }?.value
    }

    /// A short fingerprint of the particulars (the first 8 bytes of the SHA-256 of their JSON with sorted
    /// keys, in hex, as the import fingerprints extracts), so that an extract made with other particulars is
    /// never taken for one made with these.
    public var fingerprint: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(self)) ?? Data()
        return SHA256.hash(data: bytes).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Every provider code named, sorted and without repeats.
    public var providerCodes: [String] {
        Set(
            [acute, community, mentalHealth, hospice, council] + Array(acuteByPlace.values)
                + Array(councilByDistrict.values)
        ).sorted()
    }
}
