import ConcordatCore

/// A care network (or programme): a pathway of care that holds a budget across places, as in
/// Leicester, Leicestershire & Rutland's model of six networks. A budget is then a cell of place ×
/// network, and both margins reconcile to the control total (see ``BudgetMatrix``).
public struct CareNetwork: Sendable, Hashable, Codable {
    /// A short key, e.g. `urgent-emergency`.
    public var code: String
    /// The network's name.
    public var name: String
    /// The care settings (event setting codes) whose spend belongs to this network.
    public var settings: [String]
    /// If set, all spend on people younger than this belongs to this network, whatever the setting.
    public var ageBelow: Int?

    /// Makes a network.
    public init(code: String, name: String, settings: [String], ageBelow: Int? = nil) {
        self.code = code
        self.name = name
        self.settings = settings
        self.ageBelow = ageBelow
    }
}

/// The rules that put each pound of spend into one care network: the first network that claims it by
/// age, otherwise the network that claims its setting. Every setting must belong to one network.
public struct CareNetworkModel: Sendable, Hashable, Codable {
    /// The networks, in the order they are shown.
    public var networks: [CareNetwork]

    /// Why a model is not usable.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// A setting belongs to no network.
        case settingUnclaimed(String)
        /// A setting belongs to two networks.
        case settingClaimedTwice(String)
        /// A setting code is not one the dataset knows.
        case unknownSetting(String)

        /// The reason in words.
        public var description: String {
            switch self {
            case .settingUnclaimed(let setting): "the setting '\(setting)' belongs to no care network"
            case .settingClaimedTwice(let setting): "the setting '\(setting)' belongs to more than one care network"
            case .unknownSetting(let setting): "'\(setting)' is not a care setting"
            }
        }
    }

    /// Makes a model, checking that every setting belongs to exactly one network.
    public init(networks: [CareNetwork]) throws(Problem) {
        var owner: [String: String] = [:]
        for network in networks {
            for setting in network.settings {
                guard CareSetting(code: setting) != nil else { throw .unknownSetting(setting) }
                guard owner[setting] == nil else { throw .settingClaimedTwice(setting) }
                owner[setting] = network.code
            }
        }
        for setting in CareSetting.allCases where owner[setting.code] == nil { throw .settingUnclaimed(setting.code) }
        self.networks = networks
    }

    /// The network index for spend in `setting` on a person aged `age`.
    public func network(for setting: CareSetting, age: Int) -> Int {
        if let byAge = networks.firstIndex(where: { $0.ageBelow.map { age < $0 } ?? false }) { return byAge }
        return networks.firstIndex { $0.settings.contains(setting.code) }!
    }
}
