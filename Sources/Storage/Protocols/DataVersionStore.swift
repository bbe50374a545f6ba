/// A store that says when what it holds has changed: what lets a server render a page once per stored
/// state (the page cache) and still show every write at once.
public protocol DataVersionStore: Sendable {
    /// The version of the stored state now (see ``DataVersion``). It changes with every committed write,
    /// whichever process made it; it may also change when nothing a reader can see did (a session written,
    /// a write rolled back), never the other way round.
    func dataVersion() async throws -> DataVersion
}
