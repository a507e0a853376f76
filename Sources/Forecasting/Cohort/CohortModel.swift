import Statistics

/// A rate estimated from a few years of history: its mean, the standard deviation of the
/// yearly values (what a single future year may do) and the standard error of the mean.
public struct CohortRate: Sendable, Equatable {
  /// The yearly values the rate is estimated from.
  public let values: [Double]
  /// Their mean.
  public let mean: Double
  /// Their sample standard deviation (0 for a single value).
  public let standardDeviation: Double

  /// The rate of `values` (at least one value).
  public init(_ values: [Double]) {
    self.values = values
    let n = Double(values.count)
    let m = values.reduce(0, +) / n
    mean = m
    standardDeviation = values.count < 2 ? 0 : (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / (n - 1)).squareRoot()
  }

  /// The standard error of the mean, `sd / √n`.
  public var standardError: Double { standardDeviation / Double(values.count).squareRoot() }
}

/// The cohort-flow demand model fitted to a history: per band, new plans as a trended count
/// (a linear trend through the yearly counts, with its prediction intervals), a ceasing rate
/// (ceased ÷ opening stock), and an unexplained net-flow rate (the identity's residual ÷
/// opening stock); per band, the placement mix of new plans and of the stock.
///
/// Each year of a projection, band by band and placement by placement:
/// `X[b][p](t+1) = X[b][p] − c_b·X[b][p] − u_b·X[b][p] + u_{b−1}·S_{b−1}·M[b][p] + N_b·m[b][p] + r_b·X[b][p]`,
/// where `S_b = Σ_p X[b][p]`, `u_b = 1/width` (`CohortBand.ageingShare`), `c_b` the ceasing
/// rate, `r_b` the residual rate, `N_b` new plans, `m[b]` the new plans' placement mix and
/// `M[b]` the placement mix of the band at the start (movers between bands take the mix of the
/// band they move into: the phase-change transition, estimated from the latest census).
public struct CohortModel: Sendable {
  /// The placement groups' names, in the order of the placement arrays.
  public let placements: [String]
  /// The census the projection starts from.
  public let startYear: Int
  /// Plans by band and placement at `startYear`.
  public let start: [[Double]]
  /// New plans' forecast per band (linear trend), from `startYear` (flows of that calendar year) on.
  public let newPlans: [Forecast]
  /// Ceasing rate per band.
  public let ceasing: [CohortRate]
  /// Residual (unexplained net inflow) rate per band.
  public let residual: [CohortRate]
  /// Placement mix of new plans per band (each row sums to 1).
  public let newPlanMix: [[Double]]
  /// Placement mix of the stock per band at `startYear` (each row sums to 1, or is all 0).
  public let stockMix: [[Double]]
  /// The identity rows the rates were estimated from.
  public let identity: [CohortIdentityRow]
  /// The estimation choices the model was fitted with.
  public let settings: CohortSettings
  /// Per band, the share of its plans that moves up a band each year (`settings.ageing`).
  public let ageing: [Double]

  /// Fits the model.
  ///
  /// - Parameters:
  ///   - history: stocks and flows by band.
  ///   - start: plans by band and placement at `startYear` (its band totals are the stock).
  ///   - newPlanMix: new plans by band and placement (counts, any years added up); a band with
  ///     none takes the stock mix.
  ///   - fitFrom: the first year whose identity step is used for the rates.
  ///   - horizon: years ahead the new-plan trends are forecast.
  /// - Throws: `ForecastingError` when a band's new plans cannot be fitted (fewer than three
  ///   years), or `CohortError` when there is no identity step to estimate rates from.
  public init(
    history: CohortHistory, placements: [String], startYear: Int, start: [[Double]], newPlanMix: [[Double]],
    fitFrom: Int, horizon: Int
  ) throws {
    try self.init(
      history: history, placements: placements, startYear: startYear, start: start, newPlanMix: newPlanMix,
      fitFrom: fitFrom, horizon: horizon, settings: CohortSettings())
  }

  /// Fits the model with `settings`' estimation choices (see `CohortSettings`): the ceasing and
  /// residual rates from the last `rateWindow` identity steps (from `fitFrom`, before
  /// `startYear`), each band's new plans by `newPlanModel` on the last `trendWindow` calendar
  /// years before `startYear`, ageing by `settings.ageing`.
  public init(
    history: CohortHistory, placements: [String], startYear: Int, start: [[Double]], newPlanMix: [[Double]],
    fitFrom: Int, horizon: Int, settings: CohortSettings
  ) throws {
    let bands = CohortBand.allCases
    guard start.count == bands.count, start.allSatisfy({ $0.count == placements.count }) else {
      throw CohortError.shape("start stock must be \(bands.count) bands × \(placements.count) placements")
    }
    guard settings.ageing.count == bands.count, settings.ageing.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
      throw CohortError.shape("ageing shares must be \(bands.count) numbers between 0 and 1")
    }
    self.placements = placements
    self.startYear = startYear
    self.start = start
    self.settings = settings
    ageing = settings.ageing
    var rows = history.identity(ageing: ageing).filter { $0.year >= fitFrom && $0.year < startYear }
    if let window = settings.rateWindow {
      let kept = Set(Set(rows.map(\.year)).sorted().suffix(max(1, window)))
      rows = rows.filter { kept.contains($0.year) }
    }
    guard !rows.isEmpty else { throw CohortError.noHistory(fitFrom) }
    identity = rows
    var ceasing: [CohortRate] = []
    var residual: [CohortRate] = []
    var forecasts: [Forecast] = []
    var years = history.newPlans.keys.filter { $0 >= fitFrom && $0 < startYear }.sorted()
    if let window = settings.trendWindow { years = Array(years.suffix(max(1, window))) }
    for band in bands {
      let mine = rows.filter { $0.band == band && $0.opening > 0 }
      ceasing.append(CohortRate(mine.isEmpty ? [0] : mine.map { $0.ceased / $0.opening }))
      residual.append(CohortRate(mine.isEmpty ? [0] : mine.map { $0.residual / $0.opening }))
      let series = try TimeSeries(times: years, values: years.map { history.newPlans[$0]![band.rawValue] })
      // The trend is fitted to flows up to startYear - 1; the first projected step uses startYear's flows.
      forecasts.append(
        try Backtest.heldOutForecast(series, model: settings.newPlanModel, horizon: horizon + 1, levels: [80, 95]))
    }
    self.ceasing = ceasing
    self.residual = residual
    newPlans = forecasts
    stockMix = start.map(Self.shares)
    self.newPlanMix = zip(newPlanMix, start).map { counts, stock in
      counts.reduce(0, +) > 0 ? Self.shares(counts) : Self.shares(stock)
    }
  }

  /// Shares of a row of counts (all 0 when the row is empty).
  static func shares(_ counts: [Double]) -> [Double] {
    let total = counts.reduce(0, +)
    return counts.map { total > 0 ? $0 / total : 0 }
  }
}

/// Why a cohort model could not be built.
public enum CohortError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The arrays do not have the shape the model needs.
  case shape(String)
  /// No year from this one on has stocks and flows by band on both sides of a step.
  case noHistory(Int)

  /// What went wrong, for a person.
  public var description: String {
    switch self {
    case .shape(let what): return "cohort model: \(what)"
    case .noHistory(let year):
      return "cohort model: no year from \(year) on has stocks by age band on both censuses and new and ceased plans"
    }
  }
}
