/// SplitMix64 (Steele, Lea & Flood 2014; the reference constants of Vigna's `splitmix64.c`):
/// a small seeded generator that gives the same numbers on every platform.
///
/// Used for Monte Carlo draws (one stream per draw, so results do not depend on how the draws
/// are spread over cores), for seeded test inputs, and by the benchmarks, whose Python peers
/// implement the same generator to draw bit-identical inputs.
public struct SplitMix64: Sendable {
  /// The state; the next output is a mix of the state after one increment.
  public var state: UInt64

  /// The generator of `splitmix64.c` seeded with `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// Stream `stream` of the generator seeded with `seed`: the state starts at the seed's first
  /// output mixed with the stream number, so different streams are unrelated sequences.
  public init(seed: UInt64, stream: UInt64) {
    state = seed
    state = next() ^ (stream &* 0xD1B5_4A32_D192_ED03)
    _ = next()
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform on [0, 1) with 53 random bits: (next >> 11) · 2⁻⁵³.
  public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// Uniform on (0, 1), never 0 or 1 (for quantile functions): the 53 bits offset by half a step.
  public mutating func openUniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }
}
