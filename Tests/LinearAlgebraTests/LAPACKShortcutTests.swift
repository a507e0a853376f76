import Testing

@testable import LinearAlgebra

// For small problems LAPACK.swift calls the unblocked routine that a LAPACK driver runs
// anyway (DLAQP2 for DGEQP3, DORM2R for DORMQR, DTRTI2 for DTRTRI, DGEBD2 + DBDSQR for DGESVD),
// skipping the driver's ILAENV look-ups. These tests hold that shortcut to the driver's exact
// bits: tolerance zero, because the same arithmetic in the same order gives the same doubles.

/// Deterministic test matrices (SplitMix64), with the awkward cases a regression meets: a
/// duplicated column, a zero column, a column many orders of magnitude smaller.
private func testMatrices() -> [(name: String, rows: Int, columns: Int, storage: [Double])] {
  var state: UInt64 = 20_201
  func uniform() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Double((z ^ (z >> 31)) >> 11) * 0x1p-53 - 0.5
  }
  var out: [(String, Int, Int, [Double])] = []
  for (m, n) in [(1, 1), (2, 1), (3, 2), (12, 2), (12, 3), (5, 5), (20, 7), (40, 12), (33, 32)] {
    out.append(("random \(m)×\(n)", m, n, (0..<(m * n)).map { _ in uniform() }))
  }
  let column = (0..<12).map { _ in uniform() }
  let other = (0..<12).map { _ in uniform() }
  out.append(("duplicated column", 12, 3, column + other + column))
  out.append(("zero column", 12, 3, column + [Double](repeating: 0, count: 12) + other))
  out.append(("tiny column", 12, 3, column + other.map { $0 * 1e-200 } + other))
  return out
}

private func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }

@Test func pivotedQRShortcutMatchesDGEQP3BitForBit() {
  for (name, m, n, storage) in testMatrices() {
    var direct = storage, driver = storage
    var tauDirect = [Double](repeating: 0, count: min(m, n)), tauDriver = tauDirect
    let pivotsDirect = LAPACK.geqp3(m: m, n: n, a: &direct, tau: &tauDirect)
    let pivotsDriver = LAPACK.geqp3(m: m, n: n, a: &driver, tau: &tauDriver, viaDriver: true)
    #expect(pivotsDirect == pivotsDriver, "\(name)")
    #expect(bits(direct) == bits(driver), "\(name)")
    #expect(bits(tauDirect) == bits(tauDriver), "\(name)")
  }
}

@Test func applyingQShortcutMatchesDORMQRBitForBit() {
  for (name, m, n, storage) in testMatrices() {
    var factors = storage
    var tau = [Double](repeating: 0, count: min(m, n))
    _ = LAPACK.geqp3(m: m, n: n, a: &factors, tau: &tau)
    let b = (0..<m).map { Double($0 * $0 % 7) - 2.5 }
    for transpose in [false, true] {
      var direct = b, driver = b
      LAPACK.ormqr(transpose: transpose, m: m, n: 1, k: tau.count, a: factors, lda: m, tau: tau, c: &direct)
      LAPACK.ormqr(
        transpose: transpose, m: m, n: 1, k: tau.count, a: factors, lda: m, tau: tau, c: &driver,
        viaDriver: true)
      #expect(bits(direct) == bits(driver), "\(name), transpose \(transpose)")
    }
  }
}

@Test func triangularInverseShortcutMatchesDTRTRIBitForBit() {
  for (name, m, n, storage) in testMatrices() where m >= n {
    var factors = storage
    var tau = [Double](repeating: 0, count: n)
    _ = LAPACK.geqp3(m: m, n: n, a: &factors, tau: &tau)
    var r = [Double](repeating: 0, count: n * n)
    for j in 0..<n { for i in 0...j { r[i + j * n] = factors[i + j * m] } }
    var direct = r, driver = r
    let infoDirect = LAPACK.trtriUpper(n: n, a: &direct, lda: n)
    let infoDriver = LAPACK.trtriUpper(n: n, a: &driver, lda: n, viaDriver: true)
    #expect(infoDirect == infoDriver, "\(name)")
    if infoDriver == 0 { #expect(bits(direct) == bits(driver), "\(name)") }
  }
  // An exactly singular triangle: both report the first zero on the diagonal.
  var singular: [Double] = [1, 0, 0, 2, 0, 0, 3, 4, 5]
  var copy = singular
  #expect(LAPACK.trtriUpper(n: 3, a: &singular, lda: 3) == 2)
  #expect(LAPACK.trtriUpper(n: 3, a: &copy, lda: 3, viaDriver: true) == 2)
}

@Test func singularValueShortcutMatchesDGESVDBitForBit() {
  for (name, m, n, storage) in testMatrices() {
    var factors = storage
    var tau = [Double](repeating: 0, count: min(m, n))
    _ = LAPACK.geqp3(m: m, n: n, a: &factors, tau: &tau)
    let k = min(m, n)
    let direct = LAPACK.upperTrapezoidSingularValueRange(k: k, n: n, a: factors, lda: m)
    let driver = LAPACK.upperTrapezoidSingularValueRange(k: k, n: n, a: factors, lda: m, viaDriver: true)
    #expect(direct.info == 0 && driver.info == 0, "\(name)")
    #expect(direct.largest.bitPattern == driver.largest.bitPattern, "\(name)")
    #expect(direct.smallest.bitPattern == driver.smallest.bitPattern, "\(name)")
  }
  // The 2×2 triangle [[3, 4], [0, 0]]: singular values 5 and 0, lower entries ignored.
  let values = LAPACK.upperTrapezoidSingularValueRange(k: 2, n: 2, a: [3, 99, 4, 0], lda: 2)
  #expect(abs(values.largest - 5) < 1e-15 && values.smallest == 0)
}

@Test func applyingQLeavesTheSharedFactorsUntouched() throws {
  // DORMQR writes to the reflectors while it works; the wrapper must hand it a copy, since a
  // PivotedQR (Sendable) may be used from several threads at once.
  let x = Matrix(columns: [[1, 1, 1, 1], [0, 1, 2, 3], [0, 1, 4, 9]])
  let qr = try PivotedQR(x)
  let before = bits(qr.factors)
  var y: [Double] = [1, 2, 0, 5]
  qr.applyQTranspose(to: &y)
  qr.applyQ(to: &y)
  #expect(bits(qr.factors) == before)
  // Q·Q'·y = y to rounding (Q is orthogonal; 1e-14 is a few ulps at magnitude 5).
  for (a, b) in zip(y, [1.0, 2, 0, 5]) { #expect(abs(a - b) < 1e-14) }
}
