import Foundation

/// The pooled growth model: every series grows at the cross-section's recent growth plus a
/// shrunk share of its own recent departure from it.
///
/// On the scale ℓ = log(y + 1), with G(t) the log growth of the panel's total from t − 1 to
/// t (summed over the members observed in both years, so reorganised authorities neither add
/// nor remove plans), and for a member i observed at the origin T:
///
///     x(i)   = [ℓ(i,T) − ℓ(i,T−k)] / k − mean(G(T−k+1…T))      own relative growth, k = 2
///     Ĝ      = mean(G(T−m+1…T))                                 national growth, m = 2
///     ℓ̂(i,T+h) = ℓ(i,T) + h · (Ĝ + κ(h) · x(i))
///
/// κ(h) is the pooled (weighted, see `persistence`) least-squares slope, through the origin, of the realised relative
/// growth over the next h years, [ℓ(i,t+h) − ℓ(i,t)]/h − mean(G(t+1…t+h)), on x(i) at t, over
/// every member and every earlier origin t with t + h ≤ T: an empirical-Bayes shrinkage
/// factor (how much of an authority's own recent departure from the national trend has
/// persisted), estimated on the panel's history only. It is kept in [0, 1]; with fewer than
/// `minimumPairs` pairs the previous horizon's κ is used (0 at h = 1: national growth).
/// A member with fewer than k + 1 consecutive years ending at T uses what it has (x = 0
/// with one year: it grows at the national rate).
///
/// Why this model: on SEN2 (`benchmarks/backtest/RESULTS.md`) an authority's growth next
/// year is mostly the national growth: κ(1) was 0.16 to 0.45 at the 2015-2024 origins. The
/// windows k = 2 and m = 2 were chosen on one-year-ahead accuracy at those origins only.
struct PooledGrowth: Sendable {
  /// Years of own growth averaged (k).
  static let ownWindow = 2
  /// Years of national growth averaged for the forecast (m).
  static let nationalWindow = 2
  /// Fewest (member, origin) pairs for estimating κ(h).
  static let minimumPairs = 20

  /// The origin: the last year of the data the model was fitted on.
  let origin: Int
  /// G(t) for each year t the panel's total can be compared with the year before.
  let nationalGrowth: [Int: Double]
  /// κ(h), h = 1…horizon.
  let persistence: [Double]
  /// Ĝ.
  let growthForecast: Double

  /// The scale the model works on.
  static func level(_ y: Double) -> Double { Foundation.log(max(0, y) + 1) }

  /// Fits the model to `panel` (already cut at its origin, its last year) for `horizon` years.
  static func fit(_ panel: Panel, horizon: Int) -> PooledGrowth {
    let origin = panel.lastYear
    let lookup = panel.members.map(Lookup.init)
    var g: [Int: Double] = [:]
    for t in (panel.firstYear + 1)...max(panel.firstYear + 1, origin) {
      var now = 0.0
      var before = 0.0
      for m in lookup {
        if let a = m.values[t], let b = m.values[t - 1] {
          now += a
          before += b
        }
      }
      if before > 0 { g[t] = Foundation.log((now + 1) / (before + 1)) }
    }
    let recent = (0..<nationalWindow).compactMap { g[origin - $0] }
    let forecast = recent.isEmpty ? 0 : recent.reduce(0, +) / Double(recent.count)
    var kappa: [Double] = []
    for h in 1...horizon {
      let previous = kappa.last ?? 0
      let estimate = persistence(lookup, g, firstYear: panel.firstYear, origin: origin, h: h) ?? previous
      kappa.append(estimate.isFinite ? min(1, max(0, estimate)) : previous)
    }
    return PooledGrowth(origin: origin, nationalGrowth: g, persistence: kappa, growthForecast: forecast)
  }

  /// ℓ̂ for h = 1…horizon for `series`, or nil when it is not observed at the origin.
  func logPath(_ series: TimeSeries) -> [Double]? {
    let m = Lookup(series)
    guard let last = m.values[origin] else { return nil }
    let x =
      PooledGrowth.relativeGrowth(m, at: origin, nationalGrowth, window: PooledGrowth.ownWindow, exact: false) ?? 0
    let start = PooledGrowth.level(last)
    return persistence.indices.map { i in start + Double(i + 1) * (growthForecast + persistence[i] * x) }
  }

  /// κ(h): the weighted least-squares slope through the origin of the realised relative
  /// growth over h years on x, over every member and earlier origin t with t + h ≤ origin;
  /// nil with fewer than `minimumPairs` pairs.
  ///
  /// Each pair is weighted by 1/(s² + v): v = (1/(y(t) + 1) + 1/(y(t−k) + 1))/k² is the
  /// variance that counting noise (Poisson) alone gives x, and s² = mean(x²) − mean(v) the
  /// variance of the members' real departures (at least 1e-6). An authority of 20 plans,
  /// whose x is mostly noise, would otherwise weigh as much as one of 20,000 and attenuate
  /// the slope (errors in the regressor; on SEN2 the Isles of Scilly and the City of London
  /// moved κ(1) from 0.46 to 0.33 at the 2015 origin).
  static func persistence(_ lookup: [Lookup], _ g: [Int: Double], firstYear: Int, origin: Int, h: Int) -> Double? {
    let last = origin - h
    guard last >= firstYear else { return nil }
    var pairs: [(x: Double, y: Double, v: Double)] = []
    for t in firstYear...last {
      guard let future = meanGrowth(g, from: t + 1, through: t + h) else { continue }
      for m in lookup {
        guard let x = relativeGrowth(m, at: t, g, window: ownWindow, exact: true),
          let a = m.values[t + h], let b = m.values[t], let before = m.values[t - ownWindow]
        else { continue }
        let y = (level(a) - level(b)) / Double(h) - future
        let v = (1 / (b + 1) + 1 / (before + 1)) / Double(ownWindow * ownWindow)
        pairs.append((x, y, v))
      }
    }
    guard pairs.count >= minimumPairs else { return nil }
    let n = Double(pairs.count)
    let spread = max(1e-6, pairs.map { $0.x * $0.x }.reduce(0, +) / n - pairs.map(\.v).reduce(0, +) / n)
    var sxy = 0.0
    var sxx = 0.0
    for p in pairs {
      let w = 1 / (spread + p.v)
      sxy += w * p.x * p.y
      sxx += w * p.x * p.x
    }
    return sxx > 0 ? sxy / sxx : nil
  }

  /// The mean of G over t = from…through, nil if a year is missing.
  static func meanGrowth(_ g: [Int: Double], from: Int, through: Int) -> Double? {
    var sum = 0.0
    for t in from...through {
      guard let v = g[t] else { return nil }
      sum += v
    }
    return sum / Double(through - from + 1)
  }

  /// x at year t over `window` years (fewer, down to one, unless `exact`); nil when the
  /// member or the national growth is missing.
  static func relativeGrowth(_ m: Lookup, at t: Int, _ g: [Int: Double], window: Int, exact: Bool) -> Double? {
    guard let now = m.values[t] else { return nil }
    var k = 0
    while k < window, m.values[t - k - 1] != nil, g[t - k] != nil { k += 1 }
    if k == 0 || (exact && k < window) { return exact ? nil : 0 }
    guard let before = m.values[t - k], let national = meanGrowth(g, from: t - k + 1, through: t) else { return nil }
    return (level(now) - level(before)) / Double(k) - national
  }

  /// A member's values by year.
  struct Lookup {
    let values: [Int: Double]
    init(_ series: TimeSeries) {
      var v: [Int: Double] = [:]
      for (t, y) in zip(series.times, series.values) { v[t] = y }
      values = v
    }
    init(_ member: Panel.Member) { self.init(member.series) }
  }
}
