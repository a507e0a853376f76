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

extension DemandRange {
  /// JSON: by year, plans and reserve at each end of each level's interval.
  public func json(years: [LedgerYear]) -> JSONValue {
    .object([
      ("levels", .array(bands.map { .number($0.level, places: 1) })),
      (
        "method",
        .string(
          "ledger rebuilt with every projected year's plans at the lower and at the upper end of the forecast interval")
      ),
      (
        "years",
        .array(
          years.map { year in
            var pairs: [(String, JSONValue)] = [("year", .string(year.year.description))]
            for band in bands {
              let level = FixedPoint.format(band.level, places: 0)
              let low = band.lowDemand.entry(year.year)
              let high = band.highDemand.entry(year.year)
              pairs += [
                ("plansLo\(level)", low.map { .number($0.demand.plans, places: 1) } ?? .null),
                ("plansHi\(level)", high.map { .number($0.demand.plans, places: 1) } ?? .null),
                ("reserveAtLowDemand\(level)", .pounds(low?.reserve)),
                ("reserveAtHighDemand\(level)", .pounds(high?.reserve)),
              ]
            }
            return .object(pairs)
          })
      ),
    ])
  }

  /// A table of the reserve (£m) at the ends of each interval, projected years only.
  func table(years: [LedgerYear], style: TableStyle) -> String {
    let writer = ReportWriter(style: style)
    var header = ["Year", "Reserve"]
    for band in bands {
      let level = FixedPoint.format(band.level, places: 0)
      header += ["high demand \(level)%", "low demand \(level)%"]
    }
    var table = TextTable(header: header, rightAligned: Set(1..<header.count))
    for year in years where !year.actual {
      var row = [year.year.description, FixedPoint.format(year.reserve.millions, places: 3)]
      for band in bands {
        row.append(band.highDemand.entry(year.year).map { FixedPoint.format($0.reserve.millions, places: 3) } ?? "n/a")
        row.append(band.lowDemand.entry(year.year).map { FixedPoint.format($0.reserve.millions, places: 3) } ?? "n/a")
      }
      table.rows.append(row)
    }
    return writer.heading("Reserve (£m) if plans run along the edges of the forecast's prediction intervals")
      + writer.table(table)
  }
}
