/// An open-addressing hash table from non-zero 64-bit keys to 32-bit values, with Fibonacci hashing:
/// much cheaper per lookup than a `Dictionary` for the millions of code lookups in a scoring run.
final class IntegerIndex {
    // Raw buffers rather than arrays: a lookup then costs no reference counting or bounds checks.
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<UInt32>
    private var capacity: Int
    private var shift: UInt64
    private(set) var count = 0

    init() {
        capacity = 1024
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: 0, count: capacity)
        shift = 64 - 10
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int { Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value for `key` (never 0), if present.
    func value(for key: UInt64) -> UInt32? {
        let mask = capacity - 1
        var position = slot(key)
        while true {
            let found = keys[position]
            if found == key { return values[position] }
            if found == 0 { return nil }
            position = (position + 1) & mask
        }
    }

    /// Sets the value for `key` (never 0).
    func set(_ value: UInt32, for key: UInt64) {
        if (count + 1) * 2 > capacity { grow() }
        let mask = capacity - 1
        var position = slot(key)
        while keys[position] != 0, keys[position] != key { position = (position + 1) & mask }
        if keys[position] == 0 { count += 1 }
        keys[position] = key
        values[position] = value
    }

    private func grow() {
        let (oldKeys, oldValues, oldCapacity) = (keys, values, capacity)
        capacity *= 2
        shift -= 1
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: 0, count: capacity)
        count = 0
        for position in 0..<oldCapacity where oldKeys[position] != 0 {
            set(oldValues[position], for: oldKeys[position])
        }
        oldKeys.deallocate()
        oldValues.deallocate()
    }

    /// Packs up to 8 bytes into a non-zero key, or `nil` for longer (or empty) input.
    static func pack(_ bytes: [UInt8]) -> UInt64? {
        bytes.withUnsafeBufferPointer { pack($0) }
    }

    /// Packs an identifier into a non-zero key: up to 8 bytes as they are, or up to 18 digits as their
    /// number with the top bit set (so the two forms never collide); `nil` for anything else.
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !bytes.isEmpty else { return nil }
        if bytes.count <= 8 {
            var key: UInt64 = 0
            for index in 0..<bytes.count { key |= UInt64(bytes[index]) << (8 * UInt64(index)) }
            return key
        }
        guard bytes.count <= 18 else { return nil }
        var number: UInt64 = 0
        for index in 0..<bytes.count {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            number = number * 10 + UInt64(digit)
        }
        return number | 1 << 63
    }
}
