/// A dense matrix of `Double` stored column by column (the layout LAPACK expects).
///
/// ```swift
/// let x = Matrix(columns: [[1, 1, 1], [2010, 2011, 2012]])   // 3×2
/// x[2, 1]   // 2012
/// ```
///
/// A value type: copies are cheap until written (copy-on-write through `Array`).
public struct Matrix: Equatable, Sendable {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// The entries, column-major: entry (i, j) is at `i + j * rows`.
  public var storage: [Double]

  /// A `rows` × `columns` matrix with every entry `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    self.rows = rows
    self.columns = columns
    self.storage = [Double](repeating: value, count: rows * columns)
  }

  /// A matrix from column-major storage; `storage.count` must be `rows * columns`.
  public init(rows: Int, columns: Int, storage: [Double]) {
    precondition(storage.count == rows * columns, "Matrix storage has the wrong size")
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// A matrix whose columns are the given arrays, all of one length.
  public init(columns: [[Double]]) {
    let rows = columns.first?.count ?? 0
    precondition(columns.allSatisfy { $0.count == rows }, "Matrix columns differ in length")
    self.rows = rows
    self.columns = columns.count
    self.storage = columns.flatMap { $0 }
  }

  /// A matrix whose rows are the given arrays, all of one length.
  public init(rows: [[Double]]) {
    let columns = rows.first?.count ?? 0
    precondition(rows.allSatisfy { $0.count == columns }, "Matrix rows differ in length")
    self.rows = rows.count
    self.columns = columns
    var storage = [Double](repeating: 0, count: rows.count * columns)
    for (i, row) in rows.enumerated() {
      for (j, value) in row.enumerated() { storage[i + j * rows.count] = value }
    }
    self.storage = storage
  }

  /// The n×n identity.
  public static func identity(_ n: Int) -> Matrix {
    var m = Matrix(rows: n, columns: n)
    for i in 0..<n { m[i, i] = 1 }
    return m
  }

  /// Entry in row `i`, column `j` (both from zero).
  public subscript(i: Int, j: Int) -> Double {
    get { storage[i + j * rows] }
    set { storage[i + j * rows] = newValue }
  }

  /// Column `j` as an array.
  public func column(_ j: Int) -> [Double] {
    Array(storage[(j * rows)..<((j + 1) * rows)])
  }

  /// Row `i` as an array.
  public func row(_ i: Int) -> [Double] {
    (0..<columns).map { self[i, $0] }
  }

  /// The transpose.
  public var transposed: Matrix {
    var t = Matrix(rows: columns, columns: rows)
    for j in 0..<columns {
      for i in 0..<rows { t[j, i] = self[i, j] }
    }
    return t
  }

  /// Matrix product `self · other` (BLAS DGEMM).
  public func multiplied(by other: Matrix) -> Matrix {
    precondition(columns == other.rows, "Matrix product: \(rows)×\(columns) · \(other.rows)×\(other.columns)")
    var c = Matrix(rows: rows, columns: other.columns)
    if rows == 0 || other.columns == 0 { return c }
    if columns == 0 { return c }
    LAPACK.gemm(
      transA: false, transB: false, m: rows, n: other.columns, k: columns, a: storage, lda: rows,
      b: other.storage, ldb: other.rows, c: &c.storage)
    return c
  }

  /// Matrix-vector product `self · x` (BLAS DGEMV).
  public func multiplied(by x: [Double]) -> [Double] {
    precondition(columns == x.count, "Matrix-vector product: \(rows)×\(columns) · \(x.count)")
    var y = [Double](repeating: 0, count: rows)
    if rows == 0 || columns == 0 { return y }
    LAPACK.gemv(transpose: false, m: rows, n: columns, a: storage, x: x, y: &y)
    return y
  }

  /// The columns listed, in that order.
  public func selecting(columns indices: [Int]) -> Matrix {
    var out = [Double]()
    out.reserveCapacity(rows * indices.count)
    for j in indices { out.append(contentsOf: storage[(j * rows)..<((j + 1) * rows)]) }
    return Matrix(rows: rows, columns: indices.count, storage: out)
  }

  /// True when every entry is finite (no NaN or infinity).
  public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }
}
