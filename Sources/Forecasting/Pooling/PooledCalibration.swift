import Foundation
import Statistics

/// Prediction intervals for the pooled growth model, calibrated on its own out-of-sample
/// errors pooled across every member of the panel and every earlier origin.
///
/// At the origin T the model is refitted on the panel as known at each earlier year t (the
/// members with `PooledGrowth.ownWindow` + 1 consecutive years ending at t), and its log
/// errors e(i,t,h) = ℓ(i,t+h) − ℓ̂(i,t+h) are kept for t + h ≤ T. Each error is split into
/// the part common to all members at that origin and horizon, c(t,h) = mean over i of
/// e(i,t,h) (a national shock: all authorities missed together), and the member's own part
/// u(i,t,h) = e(i,t,h) − c(t,h). The law of a new error at horizon h is taken as
///
///     q(p) = sign(p − ½) · √( Q_|u|(|2p − 1|)² + (t_ν(p) · σ_c(h))² )
///
/// where Q_|u| is the empirical quantile of the pooled |u| (heavy tails kept as they are: a t
/// law fitted to their variance covered 88-92% at 80% in development), and
/// σ_c(h)² = (ν₀ (s₀h)² + Σ c(t,h)²) / (ν₀ + n) the conjugate estimate of the common shock's
/// variance from its n past values and a prior s₀ = 0.03 a year worth ν₀ = 2 origins,
/// ν = ν₀ + n (Gelman et al., *Bayesian Data Analysis*, 3rd ed., §3.3). The two parts are
/// combined as independent normal half-widths would be (root sum of squares).
///
/// The sum of the members' forecasts gets its own law, calibrated the same way on the past
/// log errors of the sum (Σ actual against Σ forecast over the members in both), so that it
/// carries the national shock and not the members' own errors, which mostly cancel.
///
/// Where the constants come from: s₀ = 0.03 is about the root-mean-square error of the
/// national growth forecast (mean growth of the last two years) over the 2013-2020 census
/// years of SEN2 (0.034); ν₀ = 2 keeps it a weak prior. Both were chosen looking at the
/// one-year-ahead coverage from the 2015-2019 origins only (`benchmarks/backtest/RESULTS.md`).
/// Horizons with no past errors yet borrow the longest horizon that has them, scaled by
/// h / h* (a growth error persists: its effect on the level grows in proportion).
struct PooledCalibration: Sendable {
  /// Prior common (national) one-year log error scale s₀.
  static let commonPriorScale = 0.03
  /// Weight of that prior, in origins (ν₀).
  static let commonPriorWeight = 2.0
  /// Fewest members forecast at an origin for its errors to count.
  static let minimumMembers = 10

  /// The calibrated law at one horizon.
  struct HorizonLaw: Sendable {
    /// Sorted |u|, the members' own errors.
    let idiosyncratic: [Double]
    /// σ_c and its degrees of freedom.
    let commonScale: Double
    let degreesOfFreedom: Double
    /// The sum's scale and degrees of freedom.
    let sumScale: Double
    let sumDegreesOfFreedom: Double
    /// Multiplier for a horizon borrowed from a shorter one (1 otherwise).
    let stretch: Double

    /// The log-scale offset from the point forecast at probability p for one member.
    func quantile(_ p: Double, cached: Bool = true) -> Double {
      let level = abs(2 * p - 1)
      let own = PooledCalibration.empiricalQuantile(idiosyncratic, level) * stretch
      let common = StudentT.quantile(p, degreesOfFreedom: degreesOfFreedom, cached: cached) * commonScale * stretch
      let q = (own * own + common * common).squareRoot()
      return p < 0.5 ? -q : q
    }

    /// The log-scale offset at probability p for the sum of the members.
    func sumQuantile(_ p: Double, cached: Bool = true) -> Double {
      StudentT.quantile(p, degreesOfFreedom: sumDegreesOfFreedom, cached: cached) * sumScale * stretch
    }
  }

  /// One law per horizon 1…H.
  let laws: [HorizonLaw]
  /// Earlier origins whose errors were used (at one year ahead).
  let origins: [Int]
  /// Number of member errors used at one year ahead.
  let errorCount: Int
  /// Mean absolute percentage error of the past forecasts, the mean over horizons
  /// 1…min(H, 4) of each horizon's mean (as `RollingOrigin.meanAbsolutePercentageError`).
  let backtestMAPE: Double?
  /// One-year-ahead forecasts from earlier origins, by member name and year (count scale).
  let oneStep: [String: [Int: Double]]
  /// Each member's own absolute percentage errors from earlier origins, by horizon.
  let memberErrors: [String: [Int: [Double]]]

  /// A member's own rolling-origin MAPE under the pooled model, scored as the single-series
  /// candidates are (`RollingOrigin.meanAbsolutePercentageError`: the mean over horizons
  /// 1…min(H, 4) of each horizon's mean); nil when it has no past forecast.
  func backtestMAPE(of name: String) -> Double? {
    guard let byStep = memberErrors[name] else { return nil }
    let means = byStep.keys.sorted().filter { $0 <= min(laws.count, 4) }.map {
      byStep[$0]!.reduce(0, +) / Double(byStep[$0]!.count)
    }
    return means.isEmpty ? nil : means.reduce(0, +) / Double(means.count)
  }

  /// Calibrates on `panel` (cut at its origin, its last year) for horizons 1…`horizon`;
  /// nil when there are no usable past errors one year ahead.
  static func calibrate(_ panel: Panel, horizon: Int) -> PooledCalibration? {
    let origin = panel.lastYear
    var actual: [String: PooledGrowth.Lookup] = [:]
    for m in panel.members { actual[m.name] = PooledGrowth.Lookup(m) }
    var common: [[Double]] = Array(repeating: [], count: horizon)
    var sums: [[Double]] = Array(repeating: [], count: horizon)
    var own: [[Double]] = Array(repeating: [], count: horizon)
    var apes: [[Double]] = Array(repeating: [], count: horizon)
    var usedOrigins: [Int] = []
    var oneStep: [String: [Int: Double]] = [:]
    var memberErrors: [String: [Int: [Double]]] = [:]
    let first = panel.firstYear + PooledGrowth.ownWindow
    guard first < origin else { return nil }
    for t in first..<origin {
      guard let cut = panel.through(t) else { continue }
      let steps = min(horizon, origin - t)
      let model = PooledGrowth.fit(cut, horizon: steps)
      var errors: [[Double]] = Array(repeating: [], count: steps)
      var sumActual = [Double](repeating: 0, count: steps)
      var sumForecast = [Double](repeating: 0, count: steps)
      for m in cut.members {
        let years = m.series.times
        guard years.count > PooledGrowth.ownWindow, years[years.count - 1] == t,
          years[years.count - 1 - PooledGrowth.ownWindow] == t - PooledGrowth.ownWindow,
          let path = model.logPath(m.series)
        else { continue }
        for h in 1...steps {
          guard let a = actual[m.name]?.values[t + h] else { continue }
          let e = PooledGrowth.level(a) - path[h - 1]
          guard e.isFinite else { continue }
          errors[h - 1].append(e)
          let f = Foundation.exp(path[h - 1]) - 1
          sumActual[h - 1] += a
          sumForecast[h - 1] += max(0, f)
          if a > 0 {
            apes[h - 1].append(100 * abs(f - a) / a)
            memberErrors[m.name, default: [:]][h, default: []].append(100 * abs(f - a) / a)
          }
          if h == 1 { oneStep[m.name, default: [:]][t + 1] = max(0, f) }
        }
      }
      for h in 0..<steps where errors[h].count >= minimumMembers {
        let c = errors[h].reduce(0, +) / Double(errors[h].count)
        common[h].append(c)
        own[h] += errors[h].map { abs($0 - c) }
        let s = Foundation.log((sumActual[h] + 1) / (sumForecast[h] + 1))
        if s.isFinite { sums[h].append(s) }
        if h == 0 { usedOrigins.append(t) }
      }
    }
    guard !own[0].isEmpty else { return nil }
    let laws = horizonLaws(own: own, common: common, sums: sums, horizon: horizon)
    let scored = apes.prefix(min(horizon, 4)).filter { !$0.isEmpty }
    let mape =
      scored.isEmpty ? nil : scored.map { $0.reduce(0, +) / Double($0.count) }.reduce(0, +) / Double(scored.count)
    return PooledCalibration(
      laws: laws, origins: usedOrigins, errorCount: own[0].count, backtestMAPE: mape, oneStep: oneStep,
      memberErrors: memberErrors)
  }

  /// One law per horizon from the pooled own errors |u|, the common errors c and the sum's
  /// errors at each horizon; a horizon without errors borrows the longest one with them.
  static func horizonLaws(own: [[Double]], common: [[Double]], sums: [[Double]], horizon: Int) -> [HorizonLaw] {
    var laws: [HorizonLaw] = []
    var lastWithData = 0
    for h in 0..<horizon {
      if !own[h].isEmpty { lastWithData = h }
      let k = lastWithData
      let years = Double(k + 1)
      func conjugate(_ values: [Double]) -> (Double, Double) {
        let prior = commonPriorScale * years
        let s2 =
          (commonPriorWeight * prior * prior + values.map { $0 * $0 }.reduce(0, +))
          / (commonPriorWeight + Double(values.count))
        return (s2.squareRoot(), commonPriorWeight + Double(values.count))
      }
      let (sc, nu) = conjugate(common[k])
      let (ss, nus) = conjugate(sums[k])
      laws.append(
        HorizonLaw(
          idiosyncratic: own[k].sorted(), commonScale: sc, degreesOfFreedom: nu, sumScale: ss,
          sumDegreesOfFreedom: nus, stretch: Double(h + 1) / years))
    }
    return laws
  }

  /// The empirical quantile (R's type 7: linear interpolation) of `sorted` at probability p.
  static func empiricalQuantile(_ sorted: [Double], _ p: Double) -> Double {
    guard let last = sorted.last else { return 0 }
    let position = min(max(p, 0), 1) * Double(sorted.count - 1)
    let below = Int(position.rounded(.down))
    guard below + 1 < sorted.count else { return last }
    let fraction = position - Double(below)
    return sorted[below] + fraction * (sorted[below + 1] - sorted[below])
  }
}
