extension BinaryInteger {
    /// The number with thousands separators, as people read it: 2,039,483 (and -45,000).
    public var grouped: String {
        let digits = String(self.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return self < 0 ? "-" + result : result
    }
}
