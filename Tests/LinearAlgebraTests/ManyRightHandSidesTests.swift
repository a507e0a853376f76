import Testing

@testable import LinearAlgebra

/// `PivotedQR`'s many-right-hand-side methods against the one-vector ones, column by column.
/// Tolerance zero with the reference BLAS that the project links: DORMQR (through DORM2R's
/// DGEMV and DGER for a few reflectors) and DTRSM do the same operations on every column in
/// the same order whatever the number of columns. Counts below and above 32 take both of the
/// `ormqr` wrapper's paths (DORM2R directly, DORMQR's driver). A rank-deficient design checks
/// the NaN of aliased columns.
struct ManyRightHandSidesTests {
  static func columns(rows: Int, count: Int, seed: UInt64) -> [Double] {
    var state = seed
    return (0..<(rows * count)).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) * 0x1p-53 * 100 - 50
    }
  }

  @Test(arguments: [1, 7, 32, 33, 200])
  func manyColumnsEqualOneAtATime(count: Int) throws {
    let t = (0..<12).map(Double.init)
    let designs = [
      Matrix(columns: [[Double](repeating: 1, count: 12), t, t.map { $0 * $0 }]),
      Matrix(columns: [[Double](repeating: 1, count: 12), t, t.map { 3 * $0 }]),  // rank 2
    ]
    for design in designs {
      let qr = try PivotedQR(design)
      let b = Self.columns(rows: 12, count: count, seed: UInt64(count))
      var qtb = b
      qr.applyQTranspose(toColumns: &qtb, count: count)
      let x = qr.solve(qtbColumns: qtb, count: count)
      var back = qtb
      qr.applyQ(toColumns: &back, count: count)
      for k in 0..<count {
        let column = Array(b[(k * 12)..<((k + 1) * 12)])
        let one = qr.applyQTranspose(column)
        #expect(Array(qtb[(k * 12)..<((k + 1) * 12)]).map(\.bitPattern) == one.map(\.bitPattern))
        #expect(Array(x[(k * 3)..<((k + 1) * 3)]).map(\.bitPattern) == qr.solve(qtb: one).map(\.bitPattern))
        #expect(Array(back[(k * 12)..<((k + 1) * 12)]).map(\.bitPattern) == qr.applyQ(one).map(\.bitPattern))
      }
      if qr.rank < 3 { #expect(x.filter(\.isNaN).count == count) }
    }
  }

  @Test func noColumns() throws {
    let qr = try PivotedQR(Matrix(columns: [[1, 1, 1], [1, 2, 3]]))
    var empty: [Double] = []
    qr.applyQTranspose(toColumns: &empty, count: 0)
    #expect(qr.solve(qtbColumns: empty, count: 0).isEmpty)
  }
}
