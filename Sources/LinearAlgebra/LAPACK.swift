import CLAPACK

/// The only place in highneeds that calls Fortran BLAS/LAPACK.
///
/// Conventions (gfortran ABI): every argument by pointer, 32-bit integers, column-major
/// storage, and one hidden `Int` length per CHARACTER argument, passed after all the others.
/// Workspace sizes come from a query with `lwork = -1`. `info < 0` means we passed a bad
/// argument: a programming error, so it traps. `info > 0` is a numerical outcome that the
/// caller turns into a typed error.
enum LAPACK {
  /// A Fortran INTEGER from a Swift `Int`; dimensions beyond 2^31 - 1 are a programming error.
  @inline(__always)
  static func int(_ value: Int) -> Int32 {
    precondition(value >= 0 && value <= Int(Int32.max), "LAPACK dimension out of range: \(value)")
    return Int32(value)
  }

  @inline(__always)
  static func check(_ routine: String, _ info: Int32) {
    precondition(info >= 0, "\(routine): argument \(-info) had an illegal value (highneeds bug)")
  }

  /// Dimensions up to this use LAPACK's documented minimal workspace instead of a
  /// `lwork = -1` query: for the small problems highneeds solves by the thousand, the query
  /// (ILAENV's string comparisons) cost more than the factorization.
  static let smallProblem = 32

  /// Workspace size from a `lwork = -1` query result.
  @inline(__always)
  static func workSize(_ query: Double) -> Int { max(1, Int(query.rounded(.up))) }

  /// A workspace of the queried size, left uninitialized: LAPACK only writes to it before
  /// reading. (DORMQR asks for a 4,160-entry block on every call; zeroing it cost more than
  /// the whole 12×2 regression.)
  @inline(__always)
  static func workspace(_ query: Double) -> [Double] {
    let count = workSize(query)
    return [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
  }

  // MARK: QR

  /// DGEQP3: A·P = Q·R in place. `jpvt` on return holds 1-based pivots.
  static func geqp3(m: Int, n: Int, a: inout [Double], jpvt: inout [Int32], tau: inout [Double]) {
    var m32 = int(m), n32 = int(n), lda = int(max(1, m)), info: Int32 = 0
    var query = Double(3 * n + 1), lwork: Int32 = -1
    // Few columns: the minimal workspace 3n + 1 (unblocked DLAQP2), no query. Blocking only
    // pays with many columns, and the query (ILAENV) costs more than a 12 × 3 factorization.
    if n > smallProblem {
      dgeqp3_(&m32, &n32, &a, &lda, &jpvt, &tau, &query, &lwork, &info)
      check("dgeqp3", info)
    }
    var work = workspace(query)
    lwork = int(work.count)
    dgeqp3_(&m32, &n32, &a, &lda, &jpvt, &tau, &work, &lwork, &info)
    check("dgeqp3", info)
  }

  /// DORMQR: C := Q·C (`transpose == false`) or Q'·C, with Q from `geqp3` (k reflectors).
  static func ormqr(
    transpose: Bool, m: Int, n: Int, k: Int, a: [Double], lda: Int, tau: [Double],
    c: inout [Double]
  ) {
    var side: CChar = 0x4C /* L */, trans: CChar = transpose ? 0x54 /* T */ : 0x4E /* N */
    var m32 = int(m), n32 = int(n), k32 = int(k), lda32 = int(lda), ldc = int(max(1, m))
    var info: Int32 = 0, query = Double(max(1, n)), lwork: Int32 = -1
    // Few right-hand sides: the minimal workspace (unblocked DORM2R), no query; the blocked
    // path's workspace holds a 4,160-entry block that a vector does not need.
    if n > smallProblem {
      dormqr_(&side, &trans, &m32, &n32, &k32, a, &lda32, tau, &c, &ldc, &query, &lwork, &info, 1, 1)
      check("dormqr", info)
    }
    var work = workspace(query)
    lwork = int(work.count)
    dormqr_(&side, &trans, &m32, &n32, &k32, a, &lda32, tau, &c, &ldc, &work, &lwork, &info, 1, 1)
    check("dormqr", info)
  }

  // MARK: Triangular

  /// DTRTRS on the leading n×n upper triangle of `a` (leading dimension `lda`).
  /// Returns `info`: > 0 means a zero on the diagonal at that 1-based index.
  static func trtrsUpper(
    transpose: Bool, n: Int, nrhs: Int, a: [Double], lda: Int, b: inout [Double], ldb: Int
  ) -> Int32 {
    var uplo: CChar = 0x55 /* U */, trans: CChar = transpose ? 0x54 : 0x4E, diag: CChar = 0x4E
    var n32 = int(n), nrhs32 = int(nrhs), lda32 = int(lda), ldb32 = int(ldb), info: Int32 = 0
    dtrtrs_(&uplo, &trans, &diag, &n32, &nrhs32, a, &lda32, &b, &ldb32, &info, 1, 1, 1)
    check("dtrtrs", info)
    return info
  }

  /// DTRTRI: inverse of an n×n upper triangular matrix in place. Returns `info` (> 0: singular).
  static func trtriUpper(n: Int, a: inout [Double], lda: Int) -> Int32 {
    var uplo: CChar = 0x55, diag: CChar = 0x4E
    var n32 = int(n), lda32 = int(lda), info: Int32 = 0
    dtrtri_(&uplo, &diag, &n32, &a, &lda32, &info, 1, 1)
    check("dtrtri", info)
    return info
  }

  // MARK: SVD

  /// DGESVD, singular values only. Returns `info` (> 0: did not converge).
  static func singularValues(m: Int, n: Int, a: inout [Double], s: inout [Double]) -> Int32 {
    var jobu: CChar = 0x4E, jobvt: CChar = 0x4E
    var m32 = int(m), n32 = int(n), lda = int(max(1, m)), ldu: Int32 = 1, ldvt: Int32 = 1
    let small = min(m, n), large = max(m, n)
    var info: Int32 = 0, query = Double(max(1, 3 * small + large, 5 * small)), lwork: Int32 = -1
    var u = 0.0, vt = 0.0
    // Small matrices: the documented minimal workspace, no query.
    if large > smallProblem {
      dgesvd_(&jobu, &jobvt, &m32, &n32, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &query, &lwork, &info, 1, 1)
      check("dgesvd", info)
    }
    var work = workspace(query)
    lwork = int(work.count)
    dgesvd_(&jobu, &jobvt, &m32, &n32, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &info, 1, 1)
    check("dgesvd", info)
    return info
  }

  /// DGELSD: minimum-norm least squares. `b` is max(m, n) × nrhs. Returns (rank, info).
  static func gelsd(
    m: Int, n: Int, nrhs: Int, a: inout [Double], b: inout [Double], s: inout [Double],
    rcond: Double
  ) -> (rank: Int, info: Int32) {
    var m32 = int(m), n32 = int(n), nrhs32 = int(nrhs), lda = int(max(1, m))
    var ldb = int(max(1, max(m, n))), rcond = rcond, rank: Int32 = 0, info: Int32 = 0
    var query = 0.0, lwork: Int32 = -1, iquery: Int32 = 0
    dgelsd_(&m32, &n32, &nrhs32, &a, &lda, &b, &ldb, &s, &rcond, &rank, &query, &lwork, &iquery, &info)
    check("dgelsd", info)
    var work = workspace(query)
    var iwork = [Int32](repeating: 0, count: max(1, Int(iquery)))
    lwork = int(work.count)
    dgelsd_(&m32, &n32, &nrhs32, &a, &lda, &b, &ldb, &s, &rcond, &rank, &work, &lwork, &iwork, &info)
    check("dgelsd", info)
    return (Int(rank), info)
  }

  // MARK: Cholesky

  /// DPOTRF, upper triangle. Returns `info` (> 0: leading minor of that order not positive).
  static func potrf(n: Int, a: inout [Double]) -> Int32 {
    var uplo: CChar = 0x55, n32 = int(n), lda = int(max(1, n)), info: Int32 = 0
    dpotrf_(&uplo, &n32, &a, &lda, &info, 1)
    check("dpotrf", info)
    return info
  }

  /// DPOTRS with an upper Cholesky factor from `potrf`.
  static func potrs(n: Int, nrhs: Int, factor: [Double], b: inout [Double]) {
    var uplo: CChar = 0x55, n32 = int(n), nrhs32 = int(nrhs), lda = int(max(1, n))
    var ldb = int(max(1, n)), info: Int32 = 0
    dpotrs_(&uplo, &n32, &nrhs32, factor, &lda, &b, &ldb, &info, 1)
    check("dpotrs", info)
  }

  /// DPOTRI: inverse from an upper Cholesky factor; fills the upper triangle.
  static func potri(n: Int, a: inout [Double]) -> Int32 {
    var uplo: CChar = 0x55, n32 = int(n), lda = int(max(1, n)), info: Int32 = 0
    dpotri_(&uplo, &n32, &a, &lda, &info, 1)
    check("dpotri", info)
    return info
  }

  // MARK: BLAS

  /// DGEMM: C = op(A)·op(B), C is m×n, k the inner dimension.
  static func gemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, a: [Double], lda: Int, b: [Double],
    ldb: Int, c: inout [Double]
  ) {
    var ta: CChar = transA ? 0x54 : 0x4E, tb: CChar = transB ? 0x54 : 0x4E
    var m32 = int(m), n32 = int(n), k32 = int(k), lda32 = int(max(1, lda)), ldb32 = int(max(1, ldb))
    var ldc = int(max(1, m)), alpha = 1.0, beta = 0.0
    dgemm_(&ta, &tb, &m32, &n32, &k32, &alpha, a, &lda32, b, &ldb32, &beta, &c, &ldc, 1, 1)
  }

  /// DGEMV: y = op(A)·x, A is m×n.
  static func gemv(transpose: Bool, m: Int, n: Int, a: [Double], x: [Double], y: inout [Double]) {
    var t: CChar = transpose ? 0x54 : 0x4E
    var m32 = int(m), n32 = int(n), lda = int(max(1, m)), inc: Int32 = 1, alpha = 1.0, beta = 0.0
    dgemv_(&t, &m32, &n32, &alpha, a, &lda, x, &inc, &beta, &y, &inc, 1)
  }
}
