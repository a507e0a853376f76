import Synchronization

/// A thread-safe memo of quantiles keyed by probability and degrees of freedom, for
/// distributions whose quantile is found by iteration (`StudentT.quantile`).
///
/// Keys are the exact bit patterns of (p, ν), so a cached answer is the very number the
/// iteration returned for those arguments. The table holds at most `capacity` entries and is
/// emptied when full, which bounds its memory whatever the callers ask.
final class QuantileCache: Sendable {
  /// The cache shared by `StudentT.quantile`.
  static let shared = QuantileCache()
  /// Most entries held before the table is emptied.
  static let capacity = 4096

  private struct Key: Hashable {
    let p: UInt64
    let nu: UInt64
  }

  private let table = Mutex<[Key: Double]>([:])

  /// Number of entries held now.
  var count: Int { table.withLock { $0.count } }

  /// The remembered quantile for (p, ν), or `compute()` remembered. `compute` runs outside
  /// the lock, so two threads may compute the same entry; both get the same number.
  func value(_ p: Double, _ nu: Double, compute: () -> Double) -> Double {
    let key = Key(p: p.bitPattern, nu: nu.bitPattern)
    if let hit = table.withLock({ $0[key] }) { return hit }
    let result = compute()
    table.withLock { entries in
      if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
      entries[key] = result
    }
    return result
  }
}
