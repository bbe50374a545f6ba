import ConcordatCore

extension Actor {
    /// Whoever runs `concordat` against the store directly: they hold the database itself, so they act as
    /// an administrator for the secretariat.
    public static let commandLine = Actor(
        UserAccount(username: "concordat-cli", role: .administrator, organisation: nil, passwordHash: ""))
}
