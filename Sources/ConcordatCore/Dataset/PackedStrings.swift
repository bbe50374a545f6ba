#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Many short strings packed into one byte buffer with an offset table: a column of codes that costs
/// one allocation, not one per value.
public struct PackedStrings: Hashable, Sendable {
    /// The UTF-8 bytes of every string, end to end.
    public private(set) var bytes: [UInt8]
    /// `offsets[i]..<offsets[i + 1]` are the bytes of string `i`; `offsets.count == count + 1`.
    public private(set) var offsets: [UInt32]

    /// An empty column.
    public init() {
        bytes = []
        offsets = [0]
    }

    /// Rebuilds a column from its stored parts.
    /// - Returns: `nil` when the offsets are not a non-decreasing sequence from 0 to `bytes.count`.
    public init?(bytes: [UInt8], offsets: [UInt32]) {
        guard offsets.first == 0, offsets.last.map({ Int($0) == bytes.count }) == true,
            zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
        else { return nil }
        self.bytes = bytes
        self.offsets = offsets
    }

    /// A column holding `strings` in order.
    public init(_ strings: some Sequence<String>) {
        self.init()
        for string in strings { append(string) }
    }

    /// How many strings.
    public var count: Int { offsets.count - 1 }

    /// Adds a string at the end.
    public mutating func append(_ string: String) { append(utf8: string.utf8) }

    /// Adds a string given as UTF-8 bytes.
    public mutating func append(utf8: some Collection<UInt8>) {
        bytes.append(contentsOf: utf8)
        offsets.append(UInt32(bytes.count))
    }

    /// Adds every string of `other` at the end, in order.
    public mutating func append(contentsOf other: PackedStrings) {
        let base = UInt32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        offsets.append(contentsOf: other.offsets.dropFirst().lazy.map { base + $0 })
    }

    /// The string at `index`.
    public subscript(index: Int) -> String {
        String(decoding: bytes[Int(offsets[index])..<Int(offsets[index + 1])], as: UTF8.self)
    }

    /// The UTF-8 bytes of string `index`, without making a `String`.
    public func bytes(at index: Int) -> ArraySlice<UInt8> { bytes[Int(offsets[index])..<Int(offsets[index + 1])] }

    /// Whether string `index` is exactly `other`'s bytes (a comparison in place, without copying).
    public func equals(at index: Int, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(offsets[index])
        let length = Int(offsets[index + 1]) - start
        guard length == other.count else { return false }
        guard length > 0 else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, other.baseAddress!, length) == 0 }
    }

    /// Every string, in order.
    public var strings: [String] { (0..<count).map { self[$0] } }
}
