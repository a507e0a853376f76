/// QR factorization with column pivoting of a column-scaled matrix: A·D⁻¹·P = Q·R.
///
/// Each column of A is first divided by its 2-norm (D), so that the pivoting and the rank
/// decision do not depend on the units of the columns. LAPACK's DGEQP3 then chooses the
/// column order P. The numerical rank is the number of diagonal entries of R with
/// |R_kk| > `rankTolerance` · |R_00|; the columns after that in pivot order are *aliased*
/// (linear combinations of the others, to that tolerance).
///
/// ```swift
/// let qr = try PivotedQR(x)
/// let beta = qr.solve(y)              // NaN where a column is aliased
/// let xtxInverse = qr.unscaledCovariance()
/// ```
///
/// Complexity: O(m·n²) for an m×n matrix, plus O(n³) for the condition number.
public struct PivotedQR: Sendable {
  /// Rows of A.
  public let rows: Int
  /// Columns of A.
  public let columns: Int
  /// The 2-norm of each column of A (1 for an all-zero column): the scaling D.
  public let columnScale: [Double]
  /// `permutation[k]` is the index in A of the k-th column of A·P.
  public let permutation: [Int]
  /// Numerical rank (see the type's summary for the rule).
  public let rank: Int
  /// The relative tolerance used for the rank decision.
  public let rankTolerance: Double
  /// 2-norm condition number of the column-scaled A: the ratio of its extreme singular values,
  /// computed by LAPACK's SVD of the small triangular R (they equal A's), never of A itself.
  /// `.infinity` when the smallest is exactly zero; NaN when the factorization was made with
  /// `computingConditionNumber: false`. Roughly, log10 of it is the number of significant
  /// digits a least-squares solution can lose.
  public let conditionNumber: Double
  /// Compact QR from DGEQP3 (rows × columns, leading dimension `rows`).
  let factors: [Double]
  /// Householder scalars from DGEQP3.
  let tau: [Double]

  /// Factorizes `a`. Throws `LinearAlgebraError.nonFinite` when `a` has NaN or infinity,
  /// `.svdDidNotConverge` if the condition number cannot be computed.
  ///
  /// `computingConditionNumber: false` skips the SVD of R (for many tiny problems whose
  /// callers only need the solution; about a third of the cost of a 12 × 3 fit).
  public init(_ a: Matrix, rankTolerance: Double = 1e-10, computingConditionNumber: Bool = true) throws {
    guard a.isFinite else { throw LinearAlgebraError.nonFinite }
    let m = a.rows, n = a.columns
    rows = m
    columns = n
    self.rankTolerance = rankTolerance
    var scale = [Double](repeating: 1, count: n)
    var scaled = a.storage
    for j in 0..<n {
      let norm = twoNorm(a.storage[(j * m)..<((j + 1) * m)])
      if norm > 0 && norm.isFinite {
        scale[j] = norm
        for i in 0..<m { scaled[i + j * m] /= norm }
      }
    }
    columnScale = scale
    var tau = [Double](repeating: 0, count: min(m, n))
    permutation = m > 0 && n > 0 ? LAPACK.geqp3(m: m, n: n, a: &scaled, tau: &tau) : Array(0..<n)
    factors = scaled
    self.tau = tau
    let k = min(m, n)
    let r00 = k > 0 ? abs(scaled[0]) : 0
    var rank = 0
    while rank < k && r00 > 0 && abs(scaled[rank + rank * m]) > rankTolerance * r00 { rank += 1 }
    self.rank = rank
    // Singular values of R (k × n upper trapezoid) equal those of the scaled A.
    if k == 0 || !computingConditionNumber {
      conditionNumber = .nan
    } else {
      let range = LAPACK.upperTrapezoidSingularValueRange(k: k, n: n, a: scaled, lda: m)
      if range.info > 0 { throw LinearAlgebraError.svdDidNotConverge }
      let smallest = n > m ? 0 : range.smallest
      conditionNumber = smallest > 0 ? range.largest / smallest : .infinity
    }
  }

  /// Indices (in A) of the columns judged aliased, in increasing order.
  public var aliasedColumns: [Int] { permutation[rank...].sorted() }

  /// Q'·b for a vector of length `rows`.
  public func applyQTranspose(_ b: [Double]) -> [Double] {
    var c = b
    applyQTranspose(to: &c)
    return c
  }

  /// Q·c for a vector of length `rows`.
  public func applyQ(_ c: [Double]) -> [Double] {
    var out = c
    applyQ(to: &out)
    return out
  }

  /// Replaces `b` (length `rows`) by Q'·b, without allocating a new array.
  public func applyQTranspose(to b: inout [Double]) {
    precondition(b.count == rows, "applyQTranspose: vector length \(b.count), expected \(rows)")
    if rows > 0 && !tau.isEmpty {
      LAPACK.ormqr(transpose: true, m: rows, n: 1, k: tau.count, a: factors, lda: rows, tau: tau, c: &b)
    }
  }

  /// Replaces `c` (length `rows`) by Q·c, without allocating a new array.
  public func applyQ(to c: inout [Double]) {
    precondition(c.count == rows, "applyQ: vector length \(c.count), expected \(rows)")
    if rows > 0 && !tau.isEmpty {
      LAPACK.ormqr(transpose: false, m: rows, n: 1, k: tau.count, a: factors, lda: rows, tau: tau, c: &c)
    }
  }

  /// The least-squares solution of A·x ≈ b on the non-aliased columns, in A's column order;
  /// aliased entries are NaN (not estimable), as R's `lm` reports NA.
  public func solve(_ b: [Double]) -> [Double] {
    let qtb = applyQTranspose(b)
    return solve(qtb: qtb)
  }

  /// As `solve(_:)`, from an already computed Q'·b.
  public func solve(qtb: [Double]) -> [Double] {
    var x = [Double](repeating: .nan, count: columns)
    guard rank > 0 else { return x }
    var z = Array(qtb[0..<rank])
    let info = LAPACK.trtrsUpper(transpose: false, n: rank, nrhs: 1, a: factors, lda: rows, b: &z, ldb: rank)
    precondition(info == 0, "R11 is nonsingular by the rank rule")
    for k in 0..<rank {
      let j = permutation[k]
      x[j] = z[k] / columnScale[j]
    }
    return x
  }

  /// (A₁'A₁)⁻¹ for the non-aliased columns A₁ of A, laid out in A's column order as a
  /// `columns` × `columns` matrix with NaN in the rows and columns of aliased columns.
  /// Computed as D⁻¹·P·R₁₁⁻¹·R₁₁⁻ᵀ·P'·D⁻¹ from the triangular factor: X'X is never formed.
  public func unscaledCovariance() -> Matrix {
    var out = Matrix(rows: columns, columns: columns, repeating: .nan)
    guard rank > 0 else { return out }
    var rinv = [Double](repeating: 0, count: rank * rank)
    for j in 0..<rank {
      for i in 0...j { rinv[i + j * rank] = factors[i + j * rows] }
    }
    let info = LAPACK.trtriUpper(n: rank, a: &rinv, lda: rank)
    precondition(info == 0, "R11 is nonsingular by the rank rule")
    // S = Rinv · Rinv' (upper triangular Rinv).
    for a in 0..<rank {
      for b in a..<rank {
        var sum = 0.0
        for k in b..<rank { sum += rinv[a + k * rank] * rinv[b + k * rank] }
        let ja = permutation[a], jb = permutation[b]
        let value = sum / (columnScale[ja] * columnScale[jb])
        out[ja, jb] = value
        out[jb, ja] = value
      }
    }
    return out
  }
}

/// 2-norm without overflow or harmful underflow (scaled sum of squares, as LAPACK's DNRM2).
@usableFromInline
func twoNorm<C: Collection>(_ x: C) -> Double where C.Element == Double {
  var scale = 0.0, ssq = 1.0
  for v in x where v != 0 {
    let a = abs(v)
    if scale < a {
      ssq = 1 + ssq * (scale / a) * (scale / a)
      scale = a
    } else {
      ssq += (a / scale) * (a / scale)
    }
  }
  return scale * ssq.squareRoot()
}
