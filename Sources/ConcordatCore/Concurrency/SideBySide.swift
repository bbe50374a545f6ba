import Dispatch

/// Makes `count` values side by side, as many at once as there are cores, and gives them in order:
/// `[make(0), make(1), …]`.
///
/// For pure work on shared, immutable input, such as the population health engine's parts, which each
/// read the dataset and return a value: `make` must not share mutable state between calls. Each call
/// writes only its own slot, and every slot is written when this returns (`concurrentPerform` joins).
public func sideBySide<Value: Sendable>(_ count: Int, _ make: @Sendable (Int) -> Value) -> [Value] {
    guard count > 1 else { return count == 1 ? [make(0)] : [] }
    var made = [Value?](repeating: nil, count: count)
    made.withUnsafeMutableBufferPointer { slots in
        nonisolated(unsafe) let slots = slots
        DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = make(index) }
    }
    return made.map { $0! }
}
