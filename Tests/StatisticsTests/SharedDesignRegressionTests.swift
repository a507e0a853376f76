import Foundation
import LinearAlgebra
import Testing

@testable import Statistics

/// `SharedDesignRegression` against `LinearRegression.fit` on each response alone, every
/// field of the `RegressionResult` and every per-series accessor.
///
/// Tolerance: 1e-12 relative, or 1e-12 of the quantity's scale when it is near zero (a
/// residual of an exact fit, a standard error of zero). With the reference BLAS the two
/// paths do the same floating-point operations on each column in the same order and agree
/// bit for bit; the margin allows an optimized BLAS (Debian's alternatives may put OpenBLAS
/// in at run time) to order a dot product differently, a few ulps amplified by at most the
/// condition number of the scaled designs used here (below 1e4 for the SEN2 designs; the
/// NIST designs are compared on their rank and their estimable columns only).
struct SharedDesignComparison {
  static let tolerance = 1e-12

  static func close(_ a: Double, _ b: Double, scale: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return a == b || abs(a - b) <= tolerance * max(abs(a), abs(b), scale)
  }

  /// Fits `responses` both ways and checks every field.
  static func check(design: Matrix, names: [String], intercept: Bool, responses: [[Double]], label: String) throws {
    let shared = try SharedDesignRegression(design: design, parameterNames: names, hasIntercept: intercept)
    let fits = try shared.fit(responses: responses)
    #expect(fits.series == responses.count)
    for (s, y) in responses.enumerated() {
      let alone = try LinearRegression.fit(design: design, response: y, parameterNames: names, hasIntercept: intercept)
      let batch = fits.result(series: s)
      let yScale = y.map(abs).max() ?? 1
      let context = "\(label) series \(s)"
      #expect(batch.n == alone.n && batch.rank == alone.rank, "\(context) n, rank")
      #expect(batch.residualDegreesOfFreedom == alone.residualDegreesOfFreedom, "\(context) df")
      #expect(batch.warnings == alone.warnings, "\(context) warnings")
      #expect(batch.conditionNumber == alone.conditionNumber, "\(context) condition number (same factorization)")
      #expect(batch.weights == alone.weights)
      for (b, a) in zip(batch.parameters, alone.parameters) {
        #expect(b.name == a.name)
        #expect(close(b.estimate, a.estimate, scale: 0), "\(context) \(a.name) estimate \(b.estimate) vs \(a.estimate)")
        let seScale = alone.residualStandardError
        #expect(close(b.standardError, a.standardError, scale: seScale * 1e-8), "\(context) \(a.name) se")
        #expect(close(b.t, a.t, scale: 0) || (a.t.isInfinite && b.t.isInfinite), "\(context) \(a.name) t")
        #expect(close(b.p, a.p, scale: 1e-300), "\(context) \(a.name) p \(b.p) vs \(a.p)")
      }
      #expect(
        zip(batch.coefficients, alone.coefficients).allSatisfy { close($0, $1, scale: 0) }, "\(context) coefficients")
      let covScale = alone.covariance.storage.filter(\.isFinite).map(abs).max() ?? 0
      #expect(
        zip(batch.covariance.storage, alone.covariance.storage).allSatisfy { close($0, $1, scale: covScale) },
        "\(context) covariance")
      #expect(close(batch.residualStandardError, alone.residualStandardError, scale: yScale * 1e-12), "\(context) sigma")
      #expect(close(batch.rSquared, alone.rSquared, scale: 0), "\(context) R²")
      #expect(close(batch.adjustedRSquared, alone.adjustedRSquared, scale: 0), "\(context) adjusted R²")
      #expect(close(batch.logLikelihood, alone.logLikelihood, scale: 0), "\(context) log L")
      #expect(close(batch.aic, alone.aic, scale: 0), "\(context) AIC")
      #expect(close(batch.bic, alone.bic, scale: 0), "\(context) BIC")
      #expect((batch.aicc == nil) == (alone.aicc == nil), "\(context) AICc defined")
      if let b = batch.aicc, let a = alone.aicc { #expect(close(b, a, scale: 0), "\(context) AICc") }
      #expect(
        zip(batch.fittedValues, alone.fittedValues).allSatisfy { close($0, $1, scale: yScale) }, "\(context) fitted")
      #expect(zip(batch.residuals, alone.residuals).allSatisfy { close($0, $1, scale: yScale) }, "\(context) residuals")
      // The accessors are the same numbers as the assembled result.
      #expect(fits.rSquared(series: s) == batch.rSquared && fits.aicc(series: s) == batch.aicc)
      let lastSE = fits.standardError(names.count - 1, series: s)
      #expect(lastSE.bitPattern == batch.parameters.last!.standardError.bitPattern)
    }
  }

  /// `count` responses from `y`: itself, then deterministic variants (scaled, shifted, with a
  /// small wiggle), so that the batch is more than one column and the columns differ.
  static func variants(of y: [Double], count: Int) -> [[Double]] {
    (0..<count).map { k in
      if k == 0 { return y }
      let scale = 1 + 0.01 * Double(k)
      return y.enumerated().map { i, v in v * scale + Double(k) + 1e-3 * abs(v) * sin(Double(i * (k + 1))) }
    }
  }
}

/// Every NIST StRD set, in its raw design (the polynomials as raw powers), with 40 responses
/// (the set's y and 39 variants): more than 32 right-hand sides, so DORMQR's driver path is
/// taken, and the rank-deficient raw Filip design among them.
@Test(arguments: try NISTDataset.loadAll())
func sharedDesignMatchesOneAtATimeOnNIST(_ set: NISTDataset) throws {
  let n = set.data.y.count
  var columns: [[Double]] = set.model.intercept ? [[Double](repeating: 1, count: n)] : []
  var names: [String] = set.model.intercept ? ["(Intercept)"] : []
  if set.model.kind == "polynomial", let x = set.data.x["x"] {
    for k in 1...(set.model.degree ?? 1) {
      columns.append(x.map { pow($0, Double(k)) })
      names.append("x^\(k)")
    }
  } else {
    for name in set.data.x_names {
      columns.append(set.data.x[name] ?? [])
      names.append(name)
    }
  }
  try SharedDesignComparison.check(
    design: Matrix(columns: columns), names: names, intercept: set.model.intercept,
    responses: SharedDesignComparison.variants(of: set.data.y, count: 40), label: set.name)
}

/// The SEN2 local authorities with all eleven counts 2010-2020 (`../shared/data/sen2`):
/// linear and quadratic trends in the centred year, on counts and on log counts, and a
/// rank-deficient design (the year twice) whose aliased column both paths report.
@Test func sharedDesignMatchesOneAtATimeOnSEN2() throws {
  let series = try SEN2Authorities.load()
  #expect(series.count == 147)
  let u = (2010...2020).map { Double($0 - 2015) }
  let ones = [Double](repeating: 1, count: u.count)
  let logs = series.map { $0.map { log($0) } }
  try SharedDesignComparison.check(
    design: Matrix(columns: [ones, u]), names: ["(Intercept)", "u"], intercept: true, responses: series, label: "linear"
  )
  try SharedDesignComparison.check(
    design: Matrix(columns: [ones, u, u.map { $0 * $0 }]), names: ["(Intercept)", "u", "u^2"], intercept: true,
    responses: logs, label: "log quadratic")
  try SharedDesignComparison.check(
    design: Matrix(columns: [ones, u, u.map { 2 * $0 }]), names: ["(Intercept)", "u", "2u"], intercept: true,
    responses: series, label: "rank deficient")
  let deficient = try SharedDesignRegression(
    design: Matrix(columns: [ones, u, u.map { 2 * $0 }]), parameterNames: ["(Intercept)", "u", "2u"], hasIntercept: true
  )
  let fits = try deficient.fit(responses: series)
  #expect(fits.rank == 2)
  #expect(fits.result(series: 0).warnings.first?.contains("2u is a linear combination") == true)
  // No intercept: R² uncentred in both.
  try SharedDesignComparison.check(
    design: Matrix(columns: [u.map { $0 + 6 }]), names: ["t"], intercept: false, responses: series,
    label: "no intercept")
}

/// An exact fit in the batch (RSS zero: standard errors zero, p-values and the exact-fit
/// warning as alone), beside series that are not.
@Test func sharedDesignExactFitInABatch() throws {
  let t = (0..<8).map(Double.init)
  let design = Matrix(columns: [[Double](repeating: 1, count: 8), t])
  let exact = t.map { 3 + 2 * $0 }
  let noisy = t.map { 3 + 2 * $0 + sin($0) }
  try SharedDesignComparison.check(
    design: design, names: ["(Intercept)", "t"], intercept: true, responses: [noisy, exact, noisy], label: "exact")
}

@Test func sharedDesignRefusesBadInput() throws {
  let design = Matrix(columns: [[1, 1, 1], [1, 2, 3]])
  let shared = try SharedDesignRegression(design: design, parameterNames: ["(Intercept)", "t"], hasIntercept: true)
  #expect(throws: RegressionError.nonFinite("the response of series 1")) {
    try shared.fit(responses: [[1, 2, 3], [1, .nan, 3]])
  }
  #expect(throws: RegressionError.self) { try shared.fit(responses: [[1, 2]]) }
  #expect(throws: RegressionError.tooFewObservations(observations: 2, parameters: 2)) {
    try SharedDesignRegression(
      design: Matrix(columns: [[1, 1], [1, 2]]), parameterNames: ["a", "b"], hasIntercept: true)
  }
  #expect(throws: RegressionError.nonFinite("the design matrix")) {
    try SharedDesignRegression(
      design: Matrix(columns: [[1, .infinity, 1], [1, 2, 3]]), parameterNames: ["a", "b"], hasIntercept: true)
  }
  // No series at all: an empty batch, not a crash.
  #expect(try shared.fit(responses: [[Double]]()).series == 0)
}

/// The local-authority rows of SEN2 2010-2020 whose eleven counts are all present and positive.
enum SEN2Authorities {
  static func load() throws -> [[Double]] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let text = try String(
      contentsOf: root.appendingPathComponent("shared/data/sen2/ehcp_caseload_2010_2020.csv"), encoding: .utf8)
    var result: [[Double]] = []
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      // Names may hold quoted commas ("Bristol, City of"): the eleven counts are the last fields.
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.first == "Local authority", fields.count >= 15 else { continue }
      let values = fields.suffix(11).compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
      if values.count == 11, values.allSatisfy({ $0 > 0 }) { result.append(values) }
    }
    return result
  }
}
