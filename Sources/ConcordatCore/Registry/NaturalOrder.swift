/// Orders names as people expect: case-insensitively, with runs of digits compared as numbers, so
/// "Locality 9" comes before "Locality 10".
public enum NaturalOrder {
    /// Whether `lhs` sorts before `rhs`.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.lowercased().unicodeScalars.makeIterator()
        var right = rhs.lowercased().unicodeScalars.makeIterator()
        var l = left.next()
        var r = right.next()
        while let a = l, let b = r {
            if a.properties.numericType == .decimal, b.properties.numericType == .decimal {
                var x = 0
                var y = 0
                var xDigits = 0
                var yDigits = 0
                while let c = l, c.properties.numericType == .decimal {
                    x = x &* 10 &+ Int(c.value - 48)
                    xDigits += 1
                    l = left.next()
                }
                while let c = r, c.properties.numericType == .decimal {
                    y = y &* 10 &+ Int(c.value - 48)
                    yDigits += 1
                    r = right.next()
                }
                if x != y { return x < y }
                if xDigits != yDigits { return xDigits < yDigits }
                continue
            }
            if a != b { return a.value < b.value }
            l = left.next()
            r = right.next()
        }
        return l == nil && r != nil
    }
}
