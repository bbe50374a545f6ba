import ConcordatCore
import Foundation
import Testing

@Suite("Values made side by side, and packed columns joined")
struct SideBySideTests {
    @Test("every value is made once and given in order, however the threads finish", arguments: [0, 1, 2, 5, 64])
    func inOrder(count: Int) {
        let made = Counter()
        // Early values take longest, so they finish last.
        let values = sideBySide(count) { index -> String in
            made.add()
            usleep(useconds_t(max(0, 5 - index) * 2_000))
            return "value \(index)"
        }
        #expect(values == (0..<count).map { "value \($0)" })
        #expect(made.value == count)
    }

    @Test("joining packed columns keeps every string, empty ones included, in order")
    func joined() {
        let first = PackedStrings(["a", "", "bcd"])
        let second = PackedStrings(["", "ef", "ghij", ""])
        var joined = first
        joined.append(contentsOf: second)
        joined.append(contentsOf: PackedStrings())
        #expect(joined.strings == ["a", "", "bcd", "", "ef", "ghij", ""])
        #expect(joined == PackedStrings(first.strings + second.strings))
        #expect(PackedStrings(bytes: joined.bytes, offsets: joined.offsets) == joined)
    }
}

/// A count shared by threads.
private final class Counter: @unchecked Sendable {
    // Unchecked: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
