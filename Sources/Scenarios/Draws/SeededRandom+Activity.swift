import ConcordatCore

extension SeededRandom {
    /// A Poisson-distributed count with mean `mean`, for any mean: multiplication of uniforms (Knuth)
    /// below 10, else Hörmann's transformed rejection with squeeze, PTRS (W. Hörmann, "The transformed
    /// rejection method for generating Poisson random variables", Insurance: Mathematics and Economics
    /// 12 (1993) 39–45; as NumPy implements it).
    public mutating func activityCount(mean: Double) -> Int { poissonCount(mean: mean) }
}
