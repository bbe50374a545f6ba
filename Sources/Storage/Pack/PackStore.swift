import Foundation

/// The system pack a system was loaded from, kept with it so `serve` reads the system's particulars
/// (its risk-share agreement, care networks, partners, pools and seeds) from the store rather than from
/// code. The store keeps the pack's document as given; the SystemPack module reads and writes it.
public protocol PackStore: Sendable {
    /// Replaces the stored pack.
    func savePack(_ pack: StoredPack) async throws

    /// The stored pack, or `nil` when none is stored.
    func pack() async throws -> StoredPack?
}

/// A system pack as stored: its format version and its JSON document.
public struct StoredPack: Sendable, Hashable {
    /// The pack format version of ``document``.
    public var format: Int
    /// The pack, as JSON.
    public var document: Data

    /// Makes a stored pack.
    public init(format: Int, document: Data) {
        self.format = format
        self.document = document
    }
}
