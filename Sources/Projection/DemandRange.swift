import Forecasting
import HighNeeds
/// The ledger at the ends of the demand forecast's prediction intervals.
///
/// Method: every projected year's plans are set to the lower (then the upper) bound of the
/// forecast's interval at one level (an outturn year keeps its central plans even when its
/// census is forecast: its figures are actual), and the whole ledger is rebuilt: placements, capacity
/// overflow, levers, costs and the reserve. This treats the forecast error as the same
/// quantile in every year (a path that stays high stays high), so the reserve range at a year
/// is the range of ledgers whose plans run along the interval's edges. It is a range for demand
/// uncertainty only: costs, funding and outturns are as in the scenario.
public struct DemandRange: Sendable {
  /// One level's pair of ledgers.
  public struct Band: Sendable {
    /// The interval level in percent (80, 95).
    public let level: Double
    /// The ledger with plans at the lower end of the interval.
    public let lowDemand: Ledger
    /// The ledger with plans at the upper end of the interval.
    public let highDemand: Ledger
  }

  /// Bands by level, in increasing level.
  public let bands: [Band]
}

extension Ledger {
  /// The census years of the outturn years: their plans stay central in the demand range and
  /// in simulated draws, so an actual year's figures (and the calibration) never move.
  var outturnCensusYears: Set<CensusYear> { Set(years.filter(\.actual).map(\.census)) }

  /// The ledger rebuilt at the ends of each forecast interval, or nil when the forecast gives
  /// no intervals (a constant `demand.growth`, or no forecast years).
  ///
  /// - Throws: ``ScenarioError`` if a rebuilt ledger fails (as the central one did not, it cannot
  ///   in practice: calibration uses an outturn year, whose plans the bounds do not move).
  public func demandRange() throws -> DemandRange? {
    let levels = demand.intervalLevels
    guard !levels.isEmpty else { return nil }
    var bands: [DemandRange.Band] = []
    for level in levels.sorted() {
      guard let low = demand.bound(level: level, upper: false, keeping: outturnCensusYears),
        let high = demand.bound(level: level, upper: true, keeping: outturnCensusYears)
      else {
        continue
      }
      bands.append(
        DemandRange.Band(
          level: level, lowDemand: try Ledger(scenario: scenario, demand: low),
          highDemand: try Ledger(scenario: scenario, demand: high)))
    }
    return bands.isEmpty ? nil : DemandRange(bands: bands)
  }
}
