/// What an indicator value is a value of: an area of the hierarchy (the system or a place) or an
/// organisation (a provider, such as an acute trust whose A&E performance NHS England publishes).
public enum IndicatorSubject: Sendable, Hashable, Codable, Comparable {
    /// An area of the system's hierarchy, by its area code.
    case area(String)
    /// An organisation of the system, by its code in the pack (`organisations.json`).
    case organisation(String)

    /// Which kind of subject it is, as stored and written in JSON.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An area of the hierarchy.
        case area
        /// An organisation (a provider).
        case organisation
    }

    /// Makes a subject of `kind` with `code`.
    public init(kind: Kind, code: String) {
        switch kind {
        case .area: self = .area(code)
        case .organisation: self = .organisation(code)
        }
    }

    /// The kind.
    public var kind: Kind {
        switch self {
        case .area: .area
        case .organisation: .organisation
        }
    }

    /// The area's or organisation's code.
    public var code: String {
        switch self {
        case .area(let code), .organisation(let code): code
        }
    }

    /// Areas first, then organisations, each by code.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.kind == .area ? 0 : 1, lhs.code) < (rhs.kind == .area ? 0 : 1, rhs.code)
    }
}
