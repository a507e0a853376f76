import Forecasting
import ReportFormatting

extension CohortReport {
  /// One value with its bounds: `3,041 (2,900-3,200)` at the widest level.
  func withBounds(_ mean: Double, _ bounds: [(Double, Double)]) -> String {
    guard let widest = bounds.last else { return NumberText.count(mean) }
    return "\(NumberText.count(mean)) (\(NumberText.count(widest.0))-\(NumberText.count(widest.1)))"
  }

  /// The history's identity, one row per step and band.
  func identityTable() -> TextTable {
    var table = TextTable(
      header: ["year", "band", "opening", "new", "ceased", "aged out", "aged in", "explained", "closing", "residual"],
      rightAligned: Set(2...9))
    for row in model.identity {
      table.rows.append([
        "\(row.year)-\(row.year + 1)", row.band.label, NumberText.count(row.opening), NumberText.count(row.newPlans),
        NumberText.count(row.ceased, places: row.ceasedAllocated ? 1 : 0) + (row.ceasedAllocated ? "*" : ""),
        NumberText.count(row.agedOut, places: 1), NumberText.count(row.agedIn, places: 1),
        NumberText.count(row.explained, places: 1), NumberText.count(row.closing),
        NumberText.count(row.residual, places: 1),
      ])
    }
    return table
  }

  /// Rates per band: ceasing and residual (mean and yearly SD), the first projected year's new plans.
  func ratesTable() -> TextTable {
    var table = TextTable(
      header: ["band", "ceasing rate", "sd", "residual rate", "sd", "new plans \(model.startYear)"],
      rightAligned: Set(1...5))
    for band in CohortBand.allCases {
      let b = band.rawValue
      table.rows.append([
        band.label, NumberText.percent(model.ceasing[b].mean), NumberText.percent(model.ceasing[b].standardDeviation),
        NumberText.percent(model.residual[b].mean), NumberText.percent(model.residual[b].standardDeviation),
        NumberText.count(model.newPlans[b].points[0].mean, places: 1),
      ])
    }
    return table
  }

  /// Plans by year and band (mean and widest interval), and the total.
  func bandTable() -> TextTable {
    var table = TextTable(
      header: ["year"] + CohortBand.allCases.map(\.label) + ["all"],
      rightAligned: Set(1...CohortBand.allCases.count + 1))
    for year in projection.years {
      table.rows.append(
        [String(year.year)] + year.bandTotals.map { withBounds($0.mean, $0.bounds) }
          + [withBounds(year.total.mean, year.total.bounds)])
    }
    return table
  }

  /// Maintained and independent special plans by year and band (the places needed by phase).
  func specialTable() -> TextTable {
    let wanted = ["maintained_special", "independent_special"]
    let columns = wanted.compactMap { model.placements.firstIndex(of: $0) }
    var table = TextTable(
      header: ["year", "band"] + columns.map { placementLabels[$0] }, rightAligned: Set(2..<(2 + columns.count)))
    for year in projection.years {
      for band in CohortBand.allCases {
        let b = band.rawValue
        table.rows.append(
          [String(year.year), band.label] + columns.map { withBounds(year.mean[b][$0], year.bounds[b][$0]) })
      }
    }
    return table
  }
}
