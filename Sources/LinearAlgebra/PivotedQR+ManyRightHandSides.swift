/// Many right-hand sides against one factorization: the columns of a `rows` × `count`
/// matrix B (column-major) transformed or solved together, in one LAPACK call each.
///
/// ```swift
/// let qr = try PivotedQR(x)                       // once
/// var c = y.storage                               // rows × count, one series a column
/// qr.applyQTranspose(toColumns: &c, count: count) // Q'·Y: one DORMQR call
/// let beta = qr.solve(qtbColumns: c, count: count)
/// ```
///
/// DORMQR applies each reflector to the whole block at once (with more reflectors than its
/// block size, 32, through DLARFB on BLAS-3 DGEMM; with fewer, as in a regression on a few
/// columns, DORM2R's DLARF: one DGEMV and one DGER over the whole block per reflector), and
/// DTRTRS solves for all columns in one BLAS-3 DTRSM. Column k of the result is what the
/// one-vector methods give for column k of B: the reference BLAS does the same operations
/// on each column in the same order (an optimized BLAS may round differently in the last bits).
///
/// Complexity: O(rows · columns · count) for each transform, O(rank² · count) for the solve.
extension PivotedQR {
  /// Replaces each column of `b` (`rows` × `count`, column-major) by Q'·column.
  public func applyQTranspose(toColumns b: inout [Double], count: Int) {
    precondition(
      count >= 0 && b.count == rows * count, "applyQTranspose: \(b.count) entries, expected \(rows) × \(count)")
    if rows > 0 && count > 0 && !tau.isEmpty {
      LAPACK.ormqr(transpose: true, m: rows, n: count, k: tau.count, a: factors, lda: rows, tau: tau, c: &b)
    }
  }

  /// Replaces each column of `c` (`rows` × `count`, column-major) by Q·column.
  public func applyQ(toColumns c: inout [Double], count: Int) {
    precondition(count >= 0 && c.count == rows * count, "applyQ: \(c.count) entries, expected \(rows) × \(count)")
    if rows > 0 && count > 0 && !tau.isEmpty {
      LAPACK.ormqr(transpose: false, m: rows, n: count, k: tau.count, a: factors, lda: rows, tau: tau, c: &c)
    }
  }

  /// The least-squares solutions for `count` right-hand sides from their Q'·b (`qtbColumns`,
  /// `rows` × `count`): a `columns` × `count` matrix, column k the solution for column k,
  /// in A's column order, NaN where a column is aliased (as `solve(qtb:)`).
  public func solve(qtbColumns: [Double], count: Int) -> [Double] {
    precondition(
      count >= 0 && qtbColumns.count == rows * count, "solve: \(qtbColumns.count) entries, expected \(rows) × \(count)")
    var x = [Double](repeating: .nan, count: columns * count)
    guard rank > 0, count > 0 else { return x }
    var z = [Double](repeating: 0, count: rank * count)
    for k in 0..<count {
      for i in 0..<rank { z[i + k * rank] = qtbColumns[i + k * rows] }
    }
    let info = LAPACK.trtrsUpper(transpose: false, n: rank, nrhs: count, a: factors, lda: rows, b: &z, ldb: rank)
    precondition(info == 0, "R11 is nonsingular by the rank rule")
    for k in 0..<count {
      for i in 0..<rank {
        let j = permutation[i]
        x[j + k * columns] = z[i + k * rank] / columnScale[j]
      }
    }
    return x
  }
}
