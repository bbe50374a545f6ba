/// A set of up to 128 categories as two words of bits: what one person, or one code, has.
public struct CategorySet: Hashable, Sendable {
    /// Bits 0–63.
    public var low: UInt64
    /// Bits 64–127.
    public var high: UInt64

    /// No categories.
    public static let empty = CategorySet(low: 0, high: 0)

    /// Makes a set from its words.
    @inlinable public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Makes a set from the bits of one 128-bit word: bit `i` is category `i`.
    @inlinable public init(bits: UInt128) {
        self.low = UInt64(truncatingIfNeeded: bits)
        self.high = UInt64(truncatingIfNeeded: bits >> 64)
    }

    /// The set as one 128-bit word: bit `i` is category `i`.
    @inlinable public var bits: UInt128 { UInt128(high) << 64 | UInt128(low) }

    /// Whether category `index` is in the set.
    @inlinable public func contains(_ index: Int) -> Bool {
        index < 64 ? low & (1 << UInt64(index)) != 0 : high & (1 << UInt64(index - 64)) != 0
    }

    /// Adds category `index`.
    @inlinable public mutating func insert(_ index: Int) {
        if index < 64 { low |= 1 << UInt64(index) } else { high |= 1 << UInt64(index - 64) }
    }

    /// Removes category `index`.
    @inlinable public mutating func remove(_ index: Int) {
        if index < 64 { low &= ~(1 << UInt64(index)) } else { high &= ~(1 << UInt64(index - 64)) }
    }

    /// Adds every category of `other`.
    @inlinable public mutating func formUnion(_ other: CategorySet) {
        low |= other.low
        high |= other.high
    }

    /// Whether the set is empty.
    @inlinable public var isEmpty: Bool { low == 0 && high == 0 }
}
