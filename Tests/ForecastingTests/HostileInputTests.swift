import Foundation
import LinearAlgebra
import Testing

@testable import Forecasting
import Statistics

/// Inputs found by fuzzing `highneeds fit` and `forecast` that trapped or printed numbers
/// that were not numbers: each is now a clear error or a finite, explained result.
struct HostileInputTests {
  /// A column of zeros makes the condition number infinite; the warning used to compute
  /// Int(log10(∞)) and trap.
  @Test func zeroColumnDoesNotTrap() throws {
    let years = (0..<6).map { Double(2010 + $0) }
    let result = try RegressionSpecification(
      response: [1500, 1540, 1600, 1650, 1700, 1820],
      columns: [.init(name: "year", values: years), .init(name: "zero", values: [0, 0, 0, 0, 0, 0])]
    ).fit()
    #expect(result.rank == 2)
    #expect(result.warnings.contains { $0.contains("singular design") })
  }

  /// The same through `LinearRegression` directly, with an all-zero design.
  @Test func allZeroDesignDoesNotTrap() throws {
    let design = Matrix(columns: [[0, 0, 0, 0]])
    let result = try LinearRegression.fit(
      design: design, response: [1, 2, 3, 4], parameterNames: ["z"], hasIntercept: false)
    #expect(result.rank == 0)
  }

  /// An actual of 1e-300 against any forecast makes the percentage error overflow: the
  /// score is unknown (nil), not infinity.
  @Test func overflowingMAPEIsNil() {
    let law = Predictive(location: 1e10, scale: 1, degreesOfFreedom: nil, logScale: false)
    let errors = [RollingOrigin.Error(origin: 4, step: 1, actual: 1e-300, predictive: law)]
    #expect(RollingOrigin.meanAbsolutePercentageError(errors) == nil)
  }

  /// A population so small that the rate per 10,000 overflows is named as such, not as a
  /// "value that is not finite" the user never gave.
  @Test func tinyPopulationIsExplained() throws {
    let plans = try TimeSeries(times: [2018, 2019, 2020], values: [100, 110, 120])
    let people = try TimeSeries(times: Array(2018...2024), values: [Double](repeating: Double.leastNonzeroMagnitude * 2000, count: 7))
    #expect {
      _ = try Forecaster.forecast(plans, population: people, model: .linear, horizon: 2)
    } throws: { error in
      guard case ForecastingError.modelNotApplicable(_, let reason) = error else { return false }
      return reason.contains("overflows")
    }
  }

  /// Counts near the top of double precision: every model either throws or returns finite
  /// numbers that are not the largest Double standing in for infinity.
  @Test(arguments: ForecastModel.allCases)
  func hugeCountsGiveFiniteForecastsOrAnError(_ model: ForecastModel) throws {
    let series = try TimeSeries(
      times: Array(2010...2020), values: [1e300, 1e305, 1e307, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308, 1e308])
    guard let f = try? Forecaster.forecast(series, model: model, horizon: 4) else { return }
    for p in f.points {
      for x in [p.mean] + p.lower + p.upper {
        #expect(x.isFinite && x < Double.greatestFiniteMagnitude, "\(model): \(x)")
      }
    }
  }

  /// A polynomial on a column spanning ±1e308: the half-range (hi − lo)/2 overflowed to
  /// infinity, every z was 0, and the linear term came out "aliased" with estimate 0.
  @Test func polynomialOnHugeRangeIsNotAliased() throws {
    let x = [-1e308, 1e308, 0, 5e307, -5e307, 2e307]
    let result = try RegressionSpecification(
      response: [1, 2, 3, 4, 2, 5], polynomials: [.init(column: .init(name: "x", values: x), degree: 1)]
    ).fit()
    #expect(result.rank == 2)
    #expect(!result.parameters[1].isAliased)
    #expect(result.parameters[1].estimate.isFinite && result.parameters[1].estimate != 0)
  }

  /// A long series (300 annual rows, or monthly data given by mistake) took most of a minute
  /// in a debug build, every origin refitting every model: only the last
  /// `RollingOrigin.maximumOrigins` origins are scored now; short series are unchanged.
  @Test func longSeriesScoresABoundedNumberOfOrigins() throws {
    let n = 300
    let series = try TimeSeries(
      times: Array(1700..<(1700 + n)), values: (0..<n).map { 1000 + 3 * Double($0) + Double($0 % 7) })
    var origins: Set<Int> = []
    let errors = RollingOrigin.errors(series, horizon: 4, minimumTraining: 4) { prefix, steps in
      origins.insert(prefix.count)
      return try Forecaster.fitCandidate(.linear, prefix, horizon: steps)
    }
    #expect(origins.count == RollingOrigin.maximumOrigins)
    #expect(origins.min() == n - RollingOrigin.maximumOrigins)
    #expect(!errors.isEmpty)
    let short = try TimeSeries(times: Array(2000..<2015), values: (0..<15).map { 100 + Double($0) })
    var shortOrigins: Set<Int> = []
    _ = RollingOrigin.errors(short, horizon: 4, minimumTraining: 4) { prefix, steps in
      shortOrigins.insert(prefix.count)
      return try Forecaster.fitCandidate(.linear, prefix, horizon: steps)
    }
    #expect(shortOrigins == Set(4..<15))
    // How long this takes is measured in benchmarks/; here only that it finishes and answers.
    let f = try Forecaster.forecast(series, horizon: 4)
    #expect(f.points.count == 4)
    #expect(!f.candidates.isEmpty)
  }
}
