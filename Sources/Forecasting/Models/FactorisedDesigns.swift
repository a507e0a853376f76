import LinearAlgebra
import Synchronization

/// The trend models' designs, each factorised once and shared by every fit that uses it.
///
/// A trend model's design depends only on the shape of its window, not on the years or the
/// counts: the centred year u = t − ū of n consecutive years is the same n numbers for every
/// window of n years (−1.5, −0.5, 0.5, 1.5 for four), and the hinge max(0, t − τ) depends only
/// on where τ falls in the window. So every authority, and every backtest origin of one
/// length, fits the same few dozen designs. The QR with column pivoting of each
/// (`PivotedQR`) and its (X'X)⁻¹ are computed the first time a design is seen and reused
/// after: each further fit is a Q'y, a triangular solve and a sum of squares.
///
/// Designs are matched bit for bit, so a reused factorization is exactly the one a fresh
/// computation would give and the fits' numbers are unchanged. Thread-safe (the national run
/// forecasts authorities on both cores); at most `capacity` designs are kept, the table is
/// emptied when it is full (the trend models use a few hundred).
final class FactorisedDesigns: Sendable {
  /// A factorised design of full rank.
  struct Entry: Sendable {
    let qr: PivotedQR
    /// (X'X)⁻¹ from R⁻¹.
    let unscaledCovariance: Matrix
  }

  private struct Key: Hashable {
    let rows: Int
    let bits: [UInt64]
  }

  /// The process-wide table.
  static let shared = FactorisedDesigns()

  /// Designs kept before the table is emptied.
  static let capacity = 4096

  private let table = Mutex<[Key: Entry?]>([:])

  /// The factorization of `design` without condition number, or nil unless it is finite
  /// and of full column rank (the callers then go through `LinearRegression`).
  func entry(for design: Matrix) -> Entry? {
    let key = Key(rows: design.rows, bits: design.storage.map(\.bitPattern))
    if let known = table.withLock({ $0[key] }) { return known }
    var entry: Entry?
    if let qr = try? PivotedQR(design, computingConditionNumber: false), qr.rank == design.columns {
      entry = Entry(qr: qr, unscaledCovariance: qr.unscaledCovariance())
    }
    table.withLock { table in
      if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
      table[key] = .some(entry)
    }
    return entry
  }

  /// Number of designs held (for tests).
  var count: Int { table.withLock { $0.count } }
}
