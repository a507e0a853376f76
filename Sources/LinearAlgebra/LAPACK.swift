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

  // Several wrappers below call, for small problems, the unblocked routine that the LAPACK
  // driver would run anyway, skipping the driver's ILAENV look-ups. `viaDriver: true` calls
  // the driver instead, so that the tests can check that both give the same bits.

  /// Runs `body` with `count` uninitialized doubles of scratch space: on the stack when small
  /// (heap otherwise), never an `Array`. LAPACK only writes its workspace before reading it.
  /// (DORMQR asks for a 4,160-entry block on every call; zeroing it cost more than the whole
  /// 12×2 regression, and each `Array` costs an allocation and a metadata look-up.)
  @inline(__always)
  static func withScratch<R>(_ count: Int, _ body: (UnsafeMutablePointer<Double>) -> R) -> R {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, count)) { body($0.baseAddress!) }
  }

  /// As `withScratch`, for 32-bit integers.
  @inline(__always)
  static func withIntegerScratch<R>(_ count: Int, _ body: (UnsafeMutablePointer<Int32>) -> R) -> R {
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, count)) { body($0.baseAddress!) }
  }

  // MARK: QR

  /// DGEQP3: A·P = Q·R in place, every column free to move. Returns the permutation from zero:
  /// column k of A·P is column `result[k]` of A.
  ///
  /// Few columns (≤ `smallProblem`): what DGEQP3 itself does with the minimal workspace 3n + 1,
  /// called directly: the column norms by DNRM2, then the unblocked DLAQP2. That skips DGEQP3's
  /// ILAENV block-size look-ups, which cost more than a 12 × 3 factorization; the factors are
  /// bit for bit DGEQP3's (a test compares them).
  static func geqp3(m: Int, n: Int, a: inout [Double], tau: inout [Double], viaDriver: Bool = false) -> [Int] {
    precondition(m > 0 && n > 0 && a.count >= m * n && tau.count >= min(m, n), "geqp3: bad sizes")
    var m32 = int(m), n32 = int(n), lda = int(m), info: Int32 = 0
    return withIntegerScratch(n) { jpvt in
      if n <= smallProblem && !viaDriver {
        for j in 0..<n { jpvt[j] = Int32(j + 1) }
        withScratch(3 * n) { work in
          a.withUnsafeMutableBufferPointer { a in
            var one: Int32 = 1, offset: Int32 = 0
            for j in 0..<n {
              work[j] = dnrm2_(&m32, a.baseAddress! + j * m, &one)
              work[n + j] = work[j]
            }
            dlaqp2_(&m32, &n32, &offset, a.baseAddress!, &lda, jpvt, &tau, work, work + n, work + 2 * n)
          }
        }
      } else {
        jpvt.update(repeating: 0, count: n)
        var query = 0.0, lwork: Int32 = -1
        dgeqp3_(&m32, &n32, &a, &lda, jpvt, &tau, &query, &lwork, &info)
        check("dgeqp3", info)
        withScratch(workSize(query)) { work in
          lwork = int(workSize(query))
          dgeqp3_(&m32, &n32, &a, &lda, jpvt, &tau, work, &lwork, &info)
        }
        check("dgeqp3", info)
      }
      return (0..<n).map { Int(jpvt[$0]) - 1 }
    }
  }

  /// DORMQR: C := Q·C (`transpose == false`) or Q'·C, with Q from `geqp3` (k reflectors).
  ///
  /// The reflectors are copied first: DORMQR writes to A while it works (each reflector's
  /// diagonal entry is set to 1 and put back), and `a` may be shared, between threads too.
  /// Few right-hand sides (≤ `smallProblem`): DORM2R directly, which is what DORMQR runs with
  /// the minimal workspace, without its ILAENV look-up.
  static func ormqr(
    transpose: Bool, m: Int, n: Int, k: Int, a: [Double], lda: Int, tau: [Double],
    c: inout [Double], viaDriver: Bool = false
  ) {
    precondition(a.count >= lda * k && tau.count >= k && c.count >= m * n, "ormqr: bad sizes")
    var side: CChar = 0x4C /* L */, trans: CChar = transpose ? 0x54 /* T */ : 0x4E /* N */
    var m32 = int(m), n32 = int(n), k32 = int(k), lda32 = int(lda), ldc = int(max(1, m))
    var info: Int32 = 0
    withScratch(lda * k) { reflectors in
      reflectors.initialize(from: a, count: lda * k)
      if n <= smallProblem && !viaDriver {
        withScratch(n) { work in
          dorm2r_(&side, &trans, &m32, &n32, &k32, reflectors, &lda32, tau, &c, &ldc, work, &info, 1, 1)
        }
      } else {
        var query = 0.0, lwork: Int32 = -1
        dormqr_(&side, &trans, &m32, &n32, &k32, reflectors, &lda32, tau, &c, &ldc, &query, &lwork, &info, 1, 1)
        check("dormqr", info)
        withScratch(workSize(query)) { work in
          lwork = int(workSize(query))
          dormqr_(&side, &trans, &m32, &n32, &k32, reflectors, &lda32, tau, &c, &ldc, work, &lwork, &info, 1, 1)
        }
      }
    }
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
  ///
  /// Up to `smallProblem`: DTRTRI's own zero-diagonal check, then the unblocked DTRTI2 that
  /// DTRTRI runs below its block size, without its ILAENV look-up.
  static func trtriUpper(n: Int, a: inout [Double], lda: Int, viaDriver: Bool = false) -> Int32 {
    var uplo: CChar = 0x55, diag: CChar = 0x4E
    var n32 = int(n), lda32 = int(lda), info: Int32 = 0
    if n <= smallProblem && !viaDriver {
      if let zero = (0..<n).first(where: { a[$0 + $0 * lda] == 0 }) { return Int32(zero + 1) }
      dtrti2_(&uplo, &diag, &n32, &a, &lda32, &info, 1, 1)
    } else {
      dtrtri_(&uplo, &diag, &n32, &a, &lda32, &info, 1, 1)
    }
    check("dtrtri", info)
    return info
  }

  // MARK: SVD

  /// The largest and smallest singular values of the k×n upper trapezoid held in the first k
  /// rows of `a` (leading dimension `lda`; entries below the diagonal are ignored), as DGESVD
  /// computes them. `info` > 0: the SVD did not converge.
  ///
  /// Square and small (n ≤ `smallProblem`), with entries in the range where DGESVD does not
  /// rescale: DGESVD's own path for that case called directly, DGEBD2 to bidiagonal form then
  /// DBDSQR without vectors. That skips DGESVD's and DGEBRD's ILAENV look-ups and workspace
  /// queries, two thirds of its cost at 2×2; the values are bit for bit DGESVD's (a test
  /// compares them). Otherwise DGESVD.
  static func upperTrapezoidSingularValueRange(k: Int, n: Int, a: [Double], lda: Int, viaDriver: Bool = false)
    -> (largest: Double, smallest: Double, info: Int32)
  {
    precondition(k > 0 && n > 0 && lda >= k && a.count >= lda * (n - 1) + k, "singular values: bad sizes")
    var m32 = int(k), n32 = int(n), ldr = int(k), info: Int32 = 0
    return withScratch(k * n) { r in
      var largestEntry = 0.0
      for j in 0..<n {
        for i in 0..<k {
          let value = i <= j ? a[i + j * lda] : 0
          r[i + j * k] = value
          largestEntry = max(largestEntry, abs(value))
        }
      }
      let small = min(k, n), large = max(k, n)
      // DGESVD rescales when the largest entry is below √safmin/ε ≈ 7e-139 or above its inverse.
      let unscaled = largestEntry == 0 || (largestEntry >= 1e-130 && largestEntry <= 1e130)
      if k == n && n <= smallProblem && unscaled && !viaDriver {
        return withScratch(9 * n) { work in
          let d = work, e = work + n, tauq = work + 2 * n, taup = work + 3 * n, rest = work + 4 * n
          dgebd2_(&m32, &n32, r, &ldr, d, e, tauq, taup, rest, &info)
          check("dgebd2", info)
          var uplo: CChar = 0x55, zero: Int32 = 0, one: Int32 = 1, vt = 0.0, u = 0.0, c = 0.0
          dbdsqr_(&uplo, &n32, &zero, &zero, &zero, d, e, &vt, &one, &u, &one, &c, &one, rest, &info, 1)
          check("dbdsqr", info)
          return (d[0], d[n - 1], info)
        }
      }
      var jobu: CChar = 0x4E, jobvt: CChar = 0x4E, one: Int32 = 1, s = 0.0, u = 0.0, vt = 0.0
      var query = Double(max(1, 3 * small + large, 5 * small)), lwork: Int32 = -1
      if large > smallProblem {
        dgesvd_(&jobu, &jobvt, &m32, &n32, r, &ldr, &s, &u, &one, &vt, &one, &query, &lwork, &info, 1, 1)
        check("dgesvd", info)
      }
      return withScratch(small + workSize(query)) { work in
        lwork = int(workSize(query))
        dgesvd_(&jobu, &jobvt, &m32, &n32, r, &ldr, work, &u, &one, &vt, &one, work + small, &lwork, &info, 1, 1)
        check("dgesvd", info)
        return (work[0], work[small - 1], info)
      }
    }
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
    lwork = int(workSize(query))
    withScratch(workSize(query)) { work in
      withIntegerScratch(Int(iquery)) { iwork in
        dgelsd_(&m32, &n32, &nrhs32, &a, &lda, &b, &ldb, &s, &rcond, &rank, work, &lwork, iwork, &info)
      }
    }
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

  /// DGEMM on storage the caller holds: C = A·B with A m×k (leading dimension lda), B k×n
  /// (ldb) and C m×n (ldc), none transposed. Each column of C depends only on the same column
  /// of B, so splitting the columns into blocks does not change its bits (reference BLAS).
  static func gemm(
    m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
    c: UnsafeMutablePointer<Double>, ldc: Int
  ) {
    var ta: CChar = 0x4E, tb: CChar = 0x4E
    var m32 = int(m), n32 = int(n), k32 = int(k), lda32 = int(max(1, lda)), ldb32 = int(max(1, ldb))
    var ldc32 = int(max(1, ldc)), alpha = 1.0, beta = 0.0
    dgemm_(&ta, &tb, &m32, &n32, &k32, &alpha, a, &lda32, b, &ldb32, &beta, c, &ldc32, 1, 1)
  }

  /// DGEMV: y = op(A)·x, A is m×n.
  static func gemv(transpose: Bool, m: Int, n: Int, a: [Double], x: [Double], y: inout [Double]) {
    var t: CChar = transpose ? 0x54 : 0x4E
    var m32 = int(m), n32 = int(n), lda = int(max(1, m)), inc: Int32 = 1, alpha = 1.0, beta = 0.0
    dgemv_(&t, &m32, &n32, &alpha, a, &lda, x, &inc, &beta, &y, &inc, 1)
  }
}
