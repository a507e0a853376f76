import Testing

@testable import Statistics

/// The Student t quantile cache that `auto`'s intervals ask many times.
struct QuantileCacheTests {
  /// The quantile cache returns the iteration's own number for a question asked before,
  /// including after the table is emptied for being full.
  @Test func cachedQuantileIsTheComputedOne() {
    let cache = QuantileCache()
    var calls = 0
    let first = cache.value(0.975, 7) {
      calls += 1
      return 2.364624251592785
    }
    let second = cache.value(0.975, 7) {
      calls += 1
      return 0
    }
    #expect(first.bitPattern == second.bitPattern && calls == 1)
    for i in 0..<QuantileCache.capacity { _ = cache.value(0.9, Double(i + 10)) { Double(i) } }
    #expect(cache.count <= QuantileCache.capacity)
    let again = cache.value(0.9, 10) { -1 }
    #expect(again == 0 || again == -1)  // 0 if still held, −1 if recomputed after emptying
  }
}
