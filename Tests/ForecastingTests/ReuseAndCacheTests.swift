import Foundation
import Synchronization
import Testing

@testable import Forecasting
@testable import Statistics
import TestSupport

/// The shortcuts that make `auto` fast give the numbers of the plain computations they
/// replace: exactly (bit for bit) where the arithmetic is the same, to 1e-12 relative where
/// the comparison goes through a second, independent computation.
struct ReuseAndCacheTests {
  static let medway = try! TimeSeries(
    times: Array(2010...2020),
    values: [1507, 1531, 1550, 1560, 1602, 1675, 1790, 1950, 2123, 2328, 2540])

  /// `StudentT.quantile` asked twice gives the same bits, for both tails and non-integer ν.
  @Test func studentQuantileRepeatable() {
    for nu in [3.0, 4.5, 9, 17, 120] {
      for p in [0.025, 0.1, 0.9, 0.975] {
        let a = StudentT.quantile(p, degreesOfFreedom: nu)
        let b = StudentT.quantile(p, degreesOfFreedom: nu)
        #expect(a.bitPattern == b.bitPattern)
        #expect(abs(StudentT.cdf(a, degreesOfFreedom: nu) - p) < 1e-12)
      }
    }
  }

  /// Many threads asking the shared cache at once all get the single right answer.
  @Test func cacheIsThreadSafe() async {
    let probabilities = [0.95, 0.05, 0.9, 0.1]
    let expected = probabilities.map { StudentT.quantile($0, degreesOfFreedom: 11) }
    let results = await withTaskGroup(of: (Int, Double).self) { group in
      for i in 0..<64 {
        group.addTask { (i % 4, StudentT.quantile(probabilities[i % 4], degreesOfFreedom: 11)) }
      }
      var all: [(Int, Double)] = []
      for await r in group { all.append(r) }
      return all
    }
    #expect(results.count == 64)
    #expect(results.allSatisfy { $0.1.bitPattern == expected[$0.0].bitPattern })
  }

  /// The damped trend's likelihood, without storing fitted values, is `filter`'s SSE exactly.
  @Test func dampedSumOfSquaresIsTheFilters() {
    let y = Self.medway.values
    for p in [
      DampedTrend.Parameters(alpha: 0.2, beta: 0.02, phi: 0.978, level0: 1480, trend0: 20),
      DampedTrend.Parameters(alpha: 0.9, beta: 0.5, phi: 0.8, level0: 1500, trend0: -3),
    ] {
      #expect(DampedTrend.sumOfSquaredErrors(y, p).bitPattern == DampedTrend.filter(y, p).sse.bitPattern)
    }
  }

  /// The flat, allocation-free Nelder–Mead takes exactly the steps of the textbook loop
  /// (`referenceMinimize`, the previous implementation kept here): same point, value and
  /// iteration count, bit for bit, on Rosenbrock and on the damped trend's likelihood.
  @Test func nelderMeadMatchesTextbookLoop() {
    let rosenbrock: ([Double]) -> Double = { x in
      100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0])
    }
    let y = Self.medway.values
    let damped: ([Double]) -> Double = { x in
      Double(y.count)
        * log(max(DampedTrend.sumOfSquaredErrors(y, DampedTrend.parameters(from: x, scale: 2540)), 1e-300))
    }
    let cases: [(start: [Double], step: [Double]?, f: ([Double]) -> Double)] = [
      ([-1.2, 1], nil, rosenbrock),
      ([0, 0.5], [0.1, 0.1], rosenbrock),
      ([-1.386, -2.197, 4.595, 0.59, 0.0076], [0.5, 0.5, 0.5, 0.05, 0.05], damped),
      ([0, -1, 0, 0.59, 0.0076], [0.5, 0.5, 0.5, 0.05, 0.05], damped),
    ]
    for c in cases {
      let fast = NelderMead.minimize(start: c.start, step: c.step, objective: c.f)
      let slow = Self.referenceMinimize(start: c.start, step: c.step, objective: c.f)
      #expect(fast.point.map(\.bitPattern) == slow.point.map(\.bitPattern))
      #expect(fast.value.bitPattern == slow.value.bitPattern)
      #expect(fast.iterations == slow.iterations && fast.converged == slow.converged)
    }
  }

  /// `auto`'s intervals, built from pooled fits kept from the candidates' backtests, equal
  /// those built by refitting every member at every origin (the plain computation).
  @Test func autoIntervalsEqualRefittedOnes() throws {
    let series = Self.medway
    let horizon = 4
    let levels = [80.0, 95.0]
    let f = try Forecaster.forecast(series, horizon: horizon, levels: levels)
    let scores = Dictionary(uniqueKeysWithValues: f.candidates.map { ($0.model, $0.backtestMAPE) })
    let members = AutoSelection.pool
    let weights = AutoSelection.combinationWeights(members.map { scores[$0.rawValue] ?? nil })
    // A member that cannot be fitted at an origin (piecewise needs six points) sits it out.
    func means(_ s: TimeSeries, _ h: Int) throws -> [Double] {
      var total = [Double](repeating: 0, count: h)
      var weightSum = 0.0
      for (m, w) in zip(members, weights) {
        guard let fit = try? Forecaster.fitCandidate(m, s, horizon: h) else { continue }
        for k in 0..<h { total[k] += w * fit.predictive[k].mean }
        weightSum += w
      }
      return total.map { $0 / weightSum }
    }
    var errors: [Double] = []
    for origin in AutoSelection.minimumTraining..<series.count {
      let steps = min(AutoSelection.validationHorizon, series.count - origin)
      let m = try means(series.prefix(origin), steps)
      for k in 0..<steps {
        if let e = IntervalCalibration.scaledError(actual: series.values[origin + k], forecast: m[k], step: k + 1) {
          errors.append(e)
        }
      }
    }
    let laws = IntervalCalibration.laws(means: try means(series, horizon), errors: errors)
    for (point, law) in zip(f.points, laws) {
      #expect(relativeError(point.mean, law.mean) < 1e-12)
      for (i, level) in levels.enumerated() {
        let tail = (1 - level / 100) / 2
        #expect(relativeError(point.lower[i], law.quantile(tail)) < 1e-12)
        #expect(relativeError(point.upper[i], law.quantile(1 - tail)) < 1e-12)
      }
    }
  }

  /// The Nelder–Mead loop as it was written before it was made allocation-free.
  static func referenceMinimize(
    start: [Double], step: [Double]?, tolerance: Double = 1e-10, maxIterations: Int = 2000,
    objective: ([Double]) -> Double
  ) -> NelderMead.Result {
    let n = start.count
    func f(_ x: [Double]) -> Double {
      let v = objective(x)
      return v.isNaN ? .infinity : v
    }
    var simplex = [start]
    for i in 0..<n {
      var v = start
      v[i] += step?[i] ?? (start[i] != 0 ? 0.05 * start[i] : 0.00025)
      simplex.append(v)
    }
    var values = simplex.map(f)
    var iterations = 0
    var converged = false
    while iterations < maxIterations {
      let order = values.indices.sorted { values[$0] < values[$1] }
      simplex = order.map { simplex[$0] }
      values = order.map { values[$0] }
      let best = values[0]
      let spread = values[n] - best
      var size = 0.0
      for v in simplex.dropFirst() {
        for j in 0..<n { size = max(size, abs(v[j] - simplex[0][j]) / (1 + abs(simplex[0][j]))) }
      }
      if (spread.isFinite && spread <= tolerance * (abs(best) + tolerance)) && size <= tolerance {
        converged = true
        break
      }
      if !spread.isFinite && size <= tolerance {
        converged = best.isFinite
        break
      }
      iterations += 1
      var centroid = [Double](repeating: 0, count: n)
      for v in simplex.prefix(n) { for j in 0..<n { centroid[j] += v[j] / Double(n) } }
      func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
      let reflected = along(-1)
      let fr = f(reflected)
      if fr < values[0] {
        let expanded = along(-2)
        let fe = f(expanded)
        (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
        continue
      }
      if fr < values[n - 1] {
        (simplex[n], values[n]) = (reflected, fr)
        continue
      }
      let outside = fr < values[n]
      let contracted = along(outside ? -0.5 : 0.5)
      let fc = f(contracted)
      if fc < (outside ? fr : values[n]) {
        (simplex[n], values[n]) = (contracted, fc)
        continue
      }
      for i in 1...n {
        simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
        values[i] = f(simplex[i])
      }
    }
    let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
    return NelderMead.Result(
      point: simplex[bestIndex], value: values[bestIndex], iterations: iterations, converged: converged)
  }
}

/// The candidate table of `auto`: computed on first read, once, with the numbers an eager
/// computation gives.
struct CandidateTableTests {
  /// Not computed by the forecast itself; computed by the first read; equal to the ranking
  /// computed directly from every candidate's fit and backtest.
  @Test func computedOnFirstReadWithTheEagerNumbers() throws {
    let series = ReuseAndCacheTests.medway
    let f = try Forecaster.forecast(series, horizon: 4)
    #expect(!f.candidateTable.isComputed)
    let scores = f.candidates
    #expect(f.candidateTable.isComputed)
    var fits: [ForecastModel: CandidateFit] = [:]
    var mapes: [ForecastModel: Double] = [:]
    for model in AutoSelection.candidates {
      guard let fit = try? Forecaster.fitCandidate(model, series, horizon: 4) else { continue }
      fits[model] = fit
      mapes[model] = RollingOrigin.meanAbsolutePercentageError(
        RollingOrigin.errors(series, horizon: 4, minimumTraining: AutoSelection.minimumTraining) {
          try Forecaster.fitCandidate(model, $0, horizon: $1)
        })
    }
    #expect(scores.count == fits.count)
    #expect(scores.map(\.model).contains(ForecastModel.damped.rawValue))
    for c in scores {
      let model = try #require(ForecastModel(rawValue: c.model))
      #expect(c.backtestMAPE == mapes[model])
      #expect(c.aicc == fits[model]?.aicc)
    }
    let ranked = scores.compactMap(\.backtestMAPE)
    #expect(ranked == ranked.sorted())
    // A second read returns the same table.
    #expect(f.candidates.map(\.backtestMAPE) == scores.map(\.backtestMAPE))
  }

  /// Concurrent first reads compute the table once and all see it.
  @Test func concurrentReads() async throws {
    let calls = Mutex(0)
    let table = CandidateTable {
      calls.withLock { $0 += 1 }
      return [CandidateScore(model: "linear", aicc: 1, backtestMAPE: 2)]
    }
    let counts = await withTaskGroup(of: Int.self) { group in
      for _ in 0..<32 { group.addTask { table.scores.count } }
      var all: [Int] = []
      for await c in group { all.append(c) }
      return all
    }
    #expect(counts == [Int](repeating: 1, count: 32))
    #expect(calls.withLock { $0 } == 1)
  }

  /// A given table is ready at once; a forecast built by the public initialiser keeps it.
  @Test func givenTable() {
    let score = CandidateScore(model: "naive", aicc: nil, backtestMAPE: 3)
    let f = Forecast(
      model: "naive", selection: "user", levels: [80], fitted: [], points: [], candidates: [score], notes: [])
    #expect(f.candidateTable.isComputed)
    #expect(f.candidates.map(\.model) == ["naive"])
  }
}

/// `DampedTrend.reportsAICc`, which lets `auto` defer the damped fit, agrees with the fit.
struct DampedDeferralTests {
  /// On every prefix of a real series, and on random series, the answer is the fit's.
  @Test func agreesWithTheFit() throws {
    var rng = SplitMix64(seed: 11)
    var series = (4...11).map { ReuseAndCacheTests.medway.prefix($0) }
    for _ in 0..<20 { series.append(try RobustnessTests.randomSeries(&rng)) }
    for s in series {
      let fit = Result { try DampedTrend.fit(s, horizon: 4) }
      let cheap = Result { try DampedTrend.reportsAICc(s) }
      switch (fit, cheap) {
      case (.success(let f), .success(let answer)):
        if let answer { #expect(answer == (f.aicc != nil)) }
      case (.failure(let a), .failure(let b)):
        #expect(String(describing: a) == String(describing: b))
      default:
        Issue.record("fit and reportsAICc disagree on whether \(s.values) can be fitted")
      }
    }
  }

  /// Counts whose sum of squares overflows leave the answer to the fit.
  @Test func hugeCountsUndecided() throws {
    let s = try TimeSeries(times: Array(2010...2019), values: (0..<10).map { 1e300 * (1 + Double($0)) / 10 })
    #expect(try DampedTrend.reportsAICc(s) == nil)
    let f = try Forecaster.forecast(s, horizon: 2)
    #expect(f.candidateTable.isComputed == false)
    #expect(f.candidates.contains { $0.model == "damped" })
  }

  /// Too short for the damped trend's AICc (n − 7 ≤ 0): auto says so without fitting it,
  /// and still reports its score when asked.
  @Test func shortSeriesNote() throws {
    let s = ReuseAndCacheTests.medway.prefix(7)
    let f = try Forecaster.forecast(s, horizon: 3)
    #expect(f.notes.contains { $0.hasPrefix("damped: AICc undefined") })
    let damped = try #require(f.candidates.first { $0.model == "damped" })
    #expect(damped.aicc == nil && damped.backtestMAPE != nil)
  }
}
