/// The estimation choices of the cohort model: how many years of history its rates and
/// new-plan trends are estimated from, which model projects new plans, how ages are spread
/// inside a band, and how the simulation's draws are linked across bands.
///
/// `CohortSettings()` is the first version's behaviour (every identity step from `fitFrom`,
/// a linear trend through every year of new plans from `fitFrom`, ages spread evenly,
/// independent draws per band). The rolling-origin backtest (README, "Cohort model:
/// backtest") found no other choice better on the origins it held out, so this stays the default.
public struct CohortSettings: Sendable, Equatable {
  /// The last this many identity steps give the ceasing and residual rates (nil: all from `fitFrom`).
  public var rateWindow: Int?
  /// The last this many calendar years of new plans give each band's trend (nil: all from `fitFrom`).
  public var trendWindow: Int?
  /// The model projecting each band's new plans (any of `Forecaster`'s; `auto` combines).
  public var newPlanModel: ForecastModel
  /// Per band, the share of its plans that moves up a band in a year (its oldest single
  /// year's share); nil: `1 / width` (`CohortBand.ageingShare`), the top band 0.
  public var ageingShares: [Double]?
  /// True: one uniform draw per year is shared by every band's new plans, ceasing and
  /// residual rates (a year that is high in one band is high in all); false: each band draws
  /// its own.
  public var commonShocks: Bool

  /// Settings (defaults: the first version's).
  public init(
    rateWindow: Int? = nil, trendWindow: Int? = nil, newPlanModel: ForecastModel = .linear,
    ageingShares: [Double]? = nil, commonShocks: Bool = false
  ) {
    self.rateWindow = rateWindow
    self.trendWindow = trendWindow
    self.newPlanModel = newPlanModel
    self.ageingShares = ageingShares
    self.commonShocks = commonShocks
  }

  /// The ageing share of each band these settings use.
  public var ageing: [Double] { ageingShares ?? CohortBand.allCases.map(\.ageingShare) }

  /// `rates=3 trend=5 newplans=linear ageing=uniform shocks=independent`: what a report prints.
  public var summary: String {
    let ages = ageingShares.map { "(" + $0.map { String(format: "%.3f", $0) }.joined(separator: ",") + ")" } ?? "uniform"
    return "rates=\(rateWindow.map(String.init) ?? "all") trend=\(trendWindow.map(String.init) ?? "all") "
      + "newplans=\(newPlanModel.rawValue) ageing=\(ages) shocks=\(commonShocks ? "common" : "independent")"
  }
}
