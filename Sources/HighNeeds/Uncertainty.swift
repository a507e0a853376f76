/// Uncertainty beyond demand, for `highneeds run --simulate` (the scenario's `uncertainty:`
/// section). Every part is optional and defaults to none: without the section only demand is
/// drawn, and authorities in a multi-authority scenario move together, as before.
///
/// Standard deviations are of annual rates, as fractions (0.01 is one percentage point), and
/// apply to projected years only (outturn years are actual). A year not listed has none.
public struct UncertaintySpec: Sendable, Equatable {
  /// Standard deviation of unit-cost inflation by year, one deviation a year common to every
  /// setting (and to other spend): the year's inflation is `costs.inflation` + sd × ε, ε
  /// standard normal, independent from year to year, and the price index compounds it.
  public var unitCostInflation: [FinancialYear: Double]
  /// Settings whose unit costs inflate on their own: each listed setting draws its own
  /// deviations with these standard deviations (by year) instead of the common ones.
  public var unitCostInflationBySetting: [Placement: [FinancialYear: Double]]
  /// Standard deviation of High Needs Block growth by year, for years whose allocation is grown
  /// from the latest one given (`funding.growth` + sd × η, compounding until the next given year).
  public var highNeedsBlockGrowth: [FinancialYear: Double]
  /// For a scenario with `demand.authorities`: the share of each authority's forecast error (on
  /// the normal scale of the copula) that is common to all authorities. 1 (or nil) puts every
  /// authority at the same quantile; 0 makes them independent. Correlation between two
  /// authorities' deviates in a year equals this share.
  public var nationalShock: Double?

  /// No uncertainty beyond demand.
  public static let none = UncertaintySpec()

  /// Creates the value from its parts (the loader and tests build them; nothing is checked here).
  public init(
    unitCostInflation: [FinancialYear: Double] = [:],
    unitCostInflationBySetting: [Placement: [FinancialYear: Double]] = [:],
    highNeedsBlockGrowth: [FinancialYear: Double] = [:], nationalShock: Double? = nil
  ) {
    self.unitCostInflation = unitCostInflation
    self.unitCostInflationBySetting = unitCostInflationBySetting
    self.highNeedsBlockGrowth = highNeedsBlockGrowth
    self.nationalShock = nationalShock
  }

  /// True when unit-cost inflation is drawn in some year.
  public var drawsInflation: Bool {
    unitCostInflation.values.contains { $0 > 0 }
      || unitCostInflationBySetting.values.contains { $0.values.contains { $0 > 0 } }
  }

  /// True when High Needs Block growth is drawn in some year.
  public var drawsGrowth: Bool { highNeedsBlockGrowth.values.contains { $0 > 0 } }
}
