/// SplitMix64 (Steele, Lea, Flood 2014): a small seeded generator, so that a fuzz test sees the
/// same inputs on every run and a failing case can be replayed from its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n (Lemire's multiply-high, bias below 2⁻⁵⁰ for n < 2¹⁴). The standard
    /// library's `random(in:using:)` may change its algorithm between releases; cases that are
    /// reported by their index and replayed from it draw with this instead.
    public mutating func below(_ n: Int) -> Int { Int(UInt64(n).multipliedFullWidth(by: next()).high) }

    /// One of `items`, drawn with `below`.
    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// True in `percent` % of the draws, drawn with `below`.
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
