/// A store that says when what it holds has changed: what lets a server render a page once per stored
/// state (the page cache) and still show every write at once.
public protocol DataVersionStore: Sendable {
    /// The version of the stored state now (see ``DataVersion``). It changes with every committed write,
    /// whichever process made it; it may also change when nothing a reader can see did (a session written,
    /// a write rolled back), never the other way round.
    func dataVersion() async throws -> DataVersion

    /// The version of what a server holds in memory between requests: the system, its pack, the dataset
    /// and its analysis. It changes whenever any of them is replaced, in any process (migration v21),
    /// and not with other writes (votes, returns, payments), so a server can keep one snapshot of them and
    /// still see another process's `concordat import` at once.
    func systemVersion() async throws -> DataVersion
}
