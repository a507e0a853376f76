/// SplitMix64 (Steele, Lea & Flood 2014; the reference constants from Vigna's
/// `splitmix64.c`). `peers/w1_*.py` implement the same generator, so W1's 10,000 series are
/// bit-for-bit identical in every tool without a data file.
struct SplitMix64 {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform on [0, 1) with 53 random bits: (next >> 11) · 2⁻⁵³.
  mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
}
