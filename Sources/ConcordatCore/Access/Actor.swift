/// Who is acting: an account, what its role lets it do, and whom it acts for.
public struct Actor: Sendable, Hashable {
    /// Whom an account acts for.
    public enum Scope: Sendable, Hashable {
        /// The partnership's secretariat (administrators and board secretaries with no organisation): the
        /// system commissioner's office, which may act on any organisation's records.
        case secretariat
        /// One organisation of the partnership, by code: the account acts for it alone.
        case organisation(String)
        /// No one: an account with no organisation and no secretariat role may act on no organisation's
        /// records (it may still do what its role allows system-wide, such as running the engine).
        case unaffiliated
    }

    /// The account's sign-in name, recorded against everything it does.
    public var username: String
    /// What it may do.
    public var role: Role
    /// Whom it acts for.
    public var scope: Scope

    /// The actor an account is: for its organisation when it has one; otherwise for the secretariat when its
    /// role keeps the partnership's business (administrator, board secretary); otherwise unaffiliated.
    public init(_ account: UserAccount) {
        username = account.username
        role = account.role
        if let organisation = account.organisation, !organisation.isEmpty {
            scope = .organisation(organisation)
        } else if account.role == .administrator || account.role == .boardSecretary {
            scope = .secretariat
        } else {
            scope = .unaffiliated
        }
    }

    /// The organisation acted for, if any.
    public var organisation: String? {
        if case .organisation(let code) = scope { return code }
        return nil
    }

    /// Whether the actor acts for the secretariat.
    public var isSecretariat: Bool { scope == .secretariat }

    /// Whether the actor may act for `organisation`: the secretariat for anyone, an organisation for itself.
    public func actsFor(_ organisation: String?) -> Bool {
        switch scope {
        case .secretariat: true
        case .organisation(let code): organisation == code
        case .unaffiliated: false
        }
    }

    /// Whom the actor acts for, in words: an organisation's code, "the secretariat" or "no organisation".
    public var onBehalfOf: String {
        switch scope {
        case .secretariat: "the secretariat"
        case .organisation(let code): code
        case .unaffiliated: "no organisation"
        }
    }
}
