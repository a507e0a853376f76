import Foundation
import Testing

@testable import Statistics
import TestSupport

/// Reference values from R 4.2.2 (`Fixtures/make_distributions.R`).
struct DistributionFixture: Decodable {
  struct PNorm: Decodable { let x: Double; let p: Double }
  struct QNorm: Decodable { let p: Double; let x: Double }
  struct PT: Decodable { let t: Double; let df: Double; let p: Double }
  struct QT: Decodable { let p: Double; let df: Double; let t: Double }
  let pnorm: [PNorm]
  let qnorm: [QNorm]
  let pt: [PT]
  let qt: [QT]
  let pt_upper: [PT]

  static func load() throws -> DistributionFixture {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/distributions.json")
    return try JSONDecoder().decode(DistributionFixture.self, from: Data(contentsOf: url))
  }
}

// The bar: 1e-10 relative against R. R itself is accurate to about 1e-15 here, so
// any larger difference is ours.
let distributionTolerance = 1e-10

@Test func normalCDFMatchesR() throws {
  let fixture = try DistributionFixture.load()
  for c in fixture.pnorm {
    let value = Normal.cdf(c.x)
    if c.p == 0 {
      // R flushes pnorm(x) to 0 below about −37.5; the true value is subnormal.
      #expect(value < 1e-300, "pnorm(\(c.x))")
    } else {
      #expect(relativeError(value, c.p) < distributionTolerance, "pnorm(\(c.x)) = \(value), R \(c.p)")
    }
  }
}

@Test func normalQuantileMatchesR() throws {
  let fixture = try DistributionFixture.load()
  for c in fixture.qnorm {
    let value = Normal.quantile(c.p)
    #expect(relativeError(value, c.x) < distributionTolerance, "qnorm(\(c.p)) = \(value), R \(c.x)")
  }
}

@Test func studentTCDFMatchesR() throws {
  let fixture = try DistributionFixture.load()
  #expect(fixture.pt.count == 180)
  for c in fixture.pt {
    let value = StudentT.cdf(c.t, degreesOfFreedom: c.df)
    #expect(relativeError(value, c.p) < distributionTolerance, "pt(\(c.t), \(c.df)) = \(value), R \(c.p)")
  }
  for c in fixture.pt_upper {
    let value = StudentT.survival(c.t, degreesOfFreedom: c.df)
    #expect(relativeError(value, c.p) < distributionTolerance, "pt(\(c.t), \(c.df), lower = FALSE) = \(value), R \(c.p)")
  }
}

@Test func studentTQuantileMatchesR() throws {
  let fixture = try DistributionFixture.load()
  #expect(fixture.qt.count == 255)
  for c in fixture.qt {
    let value = StudentT.quantile(c.p, degreesOfFreedom: c.df)
    #expect(relativeError(value, c.t) < distributionTolerance, "qt(\(c.p), \(c.df)) = \(value), R \(c.t)")
  }
}

@Test func edgeCasesGiveLimitsOrNaN() {
  #expect(Normal.quantile(0) == -.infinity)
  #expect(Normal.quantile(1) == .infinity)
  #expect(Normal.quantile(-0.1).isNaN)
  #expect(Normal.quantile(.nan).isNaN)
  #expect(Normal.cdf(.infinity) == 1)
  #expect(Normal.cdf(-.infinity) == 0)
  #expect(StudentT.cdf(0, degreesOfFreedom: 3) == 0.5)
  #expect(StudentT.cdf(-0.0, degreesOfFreedom: 3) == 0.5)
  #expect(StudentT.cdf(1, degreesOfFreedom: 0).isNaN)
  #expect(StudentT.cdf(1, degreesOfFreedom: -2).isNaN)
  #expect(StudentT.cdf(.nan, degreesOfFreedom: 2).isNaN)
  #expect(StudentT.cdf(.infinity, degreesOfFreedom: 2) == 1)
  #expect(StudentT.quantile(1, degreesOfFreedom: 5) == .infinity)
  #expect(StudentT.quantile(0.5, degreesOfFreedom: 5) == 0)
  #expect(StudentT.quantile(1.5, degreesOfFreedom: 5).isNaN)
  #expect(StudentT.twoSidedPValue(0, degreesOfFreedom: 4) == 1)
}

@Test func quantileInvertsCDF() {
  // Round trip over a grid: cdf(quantile(p)) = p to 1e-12 relative (no R needed).
  for df in [1.0, 2.5, 3, 8, 40, 1e4] {
    for p in [1e-9, 0.003, 0.2, 0.5, 0.77, 0.999] {
      let t = StudentT.quantile(p, degreesOfFreedom: df)
      #expect(relativeError(StudentT.cdf(t, degreesOfFreedom: df), p) < 1e-12, "df \(df) p \(p)")
    }
  }
}

@Test func fisherFMatchesStudentTSquared() {
  // F(1, ν) = T(ν)²: P(F > t²) = 2·P(T > |t|). Identity, tolerance 1e-12 relative.
  for df in [2.0, 7, 30] {
    for t in [0.5, 2.0, 6.0] {
      let f = FisherF.survival(t * t, numeratorDegreesOfFreedom: 1, denominatorDegreesOfFreedom: df)
      #expect(relativeError(f, StudentT.twoSidedPValue(t, degreesOfFreedom: df)) < 1e-12)
    }
  }
}

@Test func fixedDegreesPValuesAreTheSameNumbersAsTwoSidedPValue() {
  // StudentT.FixedDegrees only computes log B(ν/2, ½) once: tolerance zero.
  for nu in [0.5, 1, 2, 3, 10, 57.5, 1e6] {
    let fixed = StudentT.FixedDegrees(nu)
    for t in [0, 1e-300, -0.3, 1, -2.5, 12, 1e3, -1e200, .infinity, .nan] {
      let expected = StudentT.twoSidedPValue(t, degreesOfFreedom: nu)
      let actual = fixed.twoSidedPValue(t)
      #expect(actual.bitPattern == expected.bitPattern || (actual.isNaN && expected.isNaN), "t \(t), ν \(nu)")
    }
  }
}
