import Forecasting
import LinearAlgebra
import Statistics

/// W1, batch fit: `count` series of 12 annual points (2009…2020), each fitted with a linear
/// trend, y = β₀ + β₁·year + ε, with full inference (`LinearRegression.fit`: estimates,
/// standard errors, t, p, covariance, R², adjusted R², log-likelihood, AIC, AICc, BIC,
/// condition number, fitted values, residuals).
///
/// The series come from `SplitMix64(seed: 20201)`: per series a level
/// L = 500 + 4500u, a slope L·(−0.02 + 0.12u) per year and uniform noise ±3% of L, drawn in
/// that order. `peers/w1_peers.py` draws the same numbers.
enum W1BatchFit {
  static let years = Array(2009...2020).map(Double.init)
  static let seed: UInt64 = 20201

  /// The response vectors, one per series.
  static func series(count: Int) -> [[Double]] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let level = 500.0 + 4500.0 * rng.uniform()
      let slope = level * (-0.02 + 0.12 * rng.uniform())
      let amplitude = level * 0.03
      return years.map { year in
        level + slope * (year - 2009.0) + amplitude * (2.0 * rng.uniform() - 1.0)
      }
    }
  }

  /// Fits every series; returns sums of β₁, se(β₁), R² and log L over the series.
  static func fitAll(_ responses: [[Double]], design: Matrix) throws -> String {
    var slope = 0.0
    var slopeSE = 0.0
    var r2 = 0.0
    var logLik = 0.0
    for y in responses {
      let fit = try LinearRegression.fit(
        design: design, response: y, parameterNames: ["(Intercept)", "year"], hasIntercept: true)
      slope += fit.parameters[1].estimate
      slopeSE += fit.parameters[1].standardError
      r2 += fit.rSquared
      logLik += fit.logLikelihood
    }
    return
      "sum_slope=\(Harness.format(slope)) sum_se_slope=\(Harness.format(slopeSE)) sum_r2=\(Harness.format(r2)) sum_loglik=\(Harness.format(logLik))"
  }

  /// The same fits through `SharedDesignRegression`: the design factorised once per pass, all
  /// series solved together (`responses` holds them as the columns of one years × series
  /// matrix, as numpy's batched `lstsq` is given them), full inference for each; the same sums.
  static func fitShared(_ responses: Matrix, design: Matrix) throws -> String {
    let shared = try SharedDesignRegression(design: design, parameterNames: ["(Intercept)", "year"], hasIntercept: true)
    let fits = try shared.fit(responses: responses)
    var slope = 0.0
    var slopeSE = 0.0
    var r2 = 0.0
    var logLik = 0.0
    for s in 0..<fits.series {
      slope += fits.estimate(1, series: s)
      slopeSE += fits.standardError(1, series: s)
      r2 += fits.rSquared(series: s)
      logLik += fits.logLikelihood(series: s)
    }
    return
      "sum_slope=\(Harness.format(slope)) sum_se_slope=\(Harness.format(slopeSE)) sum_r2=\(Harness.format(r2)) sum_loglik=\(Harness.format(logLik))"
  }

  static func run(_ options: Options) throws {
    let count = options.int("series", default: 10_000)
    let repetitions = options.int("reps", default: 3)
    let responses = series(count: count)
    let design = Matrix(columns: [[Double](repeating: 1, count: years.count), years])
    let warmUp = Array(responses.prefix(max(1, count / 10)))
    if options.int("shared", default: 0) != 0 {
      let all = Matrix(columns: responses)
      let first = Matrix(columns: warmUp)
      try Harness.measure(
        workload: "w1", tool: "highneeds-shared-design", units: count, repetitions: repetitions,
        warmUp: { _ = try fitShared(first, design: design) },
        body: { try fitShared(all, design: design) })
      return
    }
    try Harness.measure(
      workload: "w1", tool: "highneeds", units: count, repetitions: repetitions,
      warmUp: { _ = try fitAll(warmUp, design: design) },
      body: { try fitAll(responses, design: design) })
  }
}
