import ConcordatCore
import Storage
import SystemPack

/// Keeping a system's pack with it: saved when the system is loaded, read back by `serve`, `demo`, the
/// finance commands and `pack export`.
public enum SystemPackStorage {
    /// Stores `pack` as the stored system's pack.
    public static func save(_ pack: SystemPack, in store: any Store) async throws {
        try await store.savePack(try stored(pack))
    }

    /// Replaces the store's system and, in the same transaction, its pack (when one is given), so a
    /// process killed part-way leaves the store as it was or as it is after both.
    public static func replaceSystem(_ system: HealthSystem, pack: SystemPack?, in store: any Store) async throws {
        try await store.replaceSystem(system, pack: try pack.map(stored))
    }

    /// The pack as the store keeps it.
    static func stored(_ pack: SystemPack) throws -> StoredPack {
        StoredPack(format: pack.manifest.format, document: try pack.document())
    }

    /// The stored pack; for a store loaded before packs were kept, the bundled pack for the system's
    /// code, if one is shipped; else `nil`.
    /// - Throws: ``PackError`` when the stored pack cannot be read.
    public static func pack(in store: any Store, for system: HealthSystem) async throws -> SystemPack? {
        if let stored = try await store.pack() {
            return try SystemPack(format: stored.format, document: stored.document)
        }
        return PackLoader.bundled(forSystem: system.code)
    }

    /// The indicators the stored system watches: its pack's catalogue (``pack(in:for:)``), or the standard
    /// catalogue where no pack is kept, saying which (``WatchedIndicators/source``).
    /// - Throws: ``PackError`` when the stored pack cannot be read.
    public static func indicators(in store: any Store, for system: HealthSystem) async throws -> WatchedIndicators {
        WatchedIndicators(pack: try await pack(in: store, for: system))
    }
}
