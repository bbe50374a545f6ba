import ConcordatCore

/// A short byte string (up to 16 bytes) packed into two integers: a hashable key that costs no
/// allocation, for looking up identifiers and codes millions of times during an import.
///
/// 32-character lower-case hex pseudonyms (as ``Pseudonymiser`` writes) are packed as the 16 bytes
/// they encode, so they fit too. Anything longer or otherwise shaped is not packable.
struct ShortKey: Hashable {
    private var high: UInt64
    private var low: UInt64
    /// 0 for raw bytes, 1 for decoded hex (so the two forms never collide).
    private var form: UInt8
    private var length: UInt8

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count <= 16 {
            var high: UInt64 = 0
            var low: UInt64 = 0
            for offset in 0..<bytes.count {
                let byte = UInt64(bytes[offset])
                if offset < 8 { high |= byte << (8 * UInt64(offset)) } else { low |= byte << (8 * UInt64(offset - 8)) }
            }
            self.high = high
            self.low = low
            form = 0
            length = UInt8(bytes.count)
            return
        }
        guard bytes.count == 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for offset in 0..<32 {
            let byte = bytes[offset]
            let nibble: UInt8
            switch byte {
            case 48...57: nibble = byte - 48
            case 97...102: nibble = byte - 87
            default: return nil
            }
            if offset < 16 { high = high << 4 | UInt64(nibble) } else { low = low << 4 | UInt64(nibble) }
        }
        self.high = high
        self.low = low
        form = 1
        length = 32
    }
}

/// Looks identifiers up by ``ShortKey`` when they pack, and by `String` when they do not.
struct KeyedIndex<Value> {
    private var packed: [ShortKey: Value] = [:]
    private var long: [String: Value] = [:]

    init(capacity: Int = 0) { packed.reserveCapacity(capacity) }

    subscript(bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        get {
            if let key = ShortKey(bytes) { return packed[key] }
            return long[String(decoding: bytes, as: UTF8.self)]
        }
        set {
            if let key = ShortKey(bytes) {
                packed[key] = newValue
            } else {
                long[String(decoding: bytes, as: UTF8.self)] = newValue
            }
        }
    }
}

/// Numbers distinct byte strings in first-seen order, without allocating for strings already seen.
struct BytesInterner {
    private var index = KeyedIndex<UInt32>()
    /// The distinct strings in first-seen order.
    private(set) var table = PackedStrings()

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if let known = index[bytes] { return known }
        let next = UInt32(table.count)
        index[bytes] = next
        table.append(utf8: bytes)
        return next
    }
}
