extension Matrix {
  /// Multiplies `n` columns held by the caller: C = self · B, B (`columns` × n) read from `b`
  /// with leading dimension `ldb`, C (`rows` × n) written to `c` with leading dimension `ldc`,
  /// both column-major. One BLAS DGEMM call; for the many-column products of the Monte Carlo,
  /// where copying into a `Matrix` would cost more than the product.
  ///
  /// - Precondition: `ldb ≥ columns`, `ldc ≥ rows`; the buffers hold what those dimensions say.
  public func multiply(
    columns n: Int, of b: UnsafePointer<Double>, leadingDimension ldb: Int, into c: UnsafeMutablePointer<Double>,
    leadingDimension ldc: Int
  ) {
    precondition(ldb >= columns && ldc >= rows, "Matrix product: leading dimensions too small")
    guard rows > 0, n > 0 else { return }
    guard columns > 0 else {
      for j in 0..<n { (c + j * ldc).initialize(repeating: 0, count: rows) }
      return
    }
    storage.withUnsafeBufferPointer { a in
      LAPACK.gemm(m: rows, n: n, k: columns, a: a.baseAddress!, lda: rows, b: b, ldb: ldb, c: c, ldc: ldc)
    }
  }
}
