import Forecasting
import HighNeeds
import Projection

extension DemandRange {
  /// JSON: by year, plans and reserve at each end of each level's interval.
  func json(years: [LedgerYear]) -> JSONValue {
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
  func blocks(years: [LedgerYear]) -> [ReportBlock] {
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
    return [.heading("Reserve (£m) if plans run along the edges of the forecast's prediction intervals"), .table(table)]
  }
}
