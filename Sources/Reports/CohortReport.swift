import Forecasting
import ReportFormatting

/// The report of `highneeds forecast --authority NAME --cohort`: the stock identity of the
/// fitted history with its residual per year and band, the fitted rates, and plans by census
/// year × age band × placement group with 80% and 95% bounds, special-school plans by phase.
public struct CohortReport: Report {
  /// The authority's name.
  public let authority: String
  /// The fitted model.
  public let model: CohortModel
  /// The simulated projection.
  public let projection: CohortProjection
  /// Placement labels for tables, in the model's placement order.
  public let placementLabels: [String]

  /// The report of `model` and its `projection` for `authority`.
  public init(authority: String, model: CohortModel, projection: CohortProjection, placementLabels: [String]) {
    self.authority = authority
    self.model = model
    self.projection = projection
    self.placementLabels = placementLabels
  }

  public var title: String { "\(authority): cohort-flow projection of EHC plans by age band and placement" }

  /// Bound columns' names for the levels (`lo80`, `hi80`, `lo95`, `hi95`).
  var boundNames: [String] {
    projection.levels.flatMap { level in
      let l = level == level.rounded() ? String(Int(level)) : String(level)
      return ["lo\(l)", "hi\(l)"]
    }
  }

  /// Rows of the projection: (year, band label, placement name or `all`, mean, bounds).
  func projectionRows() -> [(Int, String, String, Double, [(Double, Double)])] {
    var rows: [(Int, String, String, Double, [(Double, Double)])] = []
    for year in projection.years {
      for band in CohortBand.allCases {
        let b = band.rawValue
        for (p, name) in model.placements.enumerated() where model.start[b][p] > 0 || year.mean[b][p] > 0 {
          rows.append((year.year, band.label, name, year.mean[b][p], year.bounds[b][p]))
        }
        rows.append((year.year, band.label, "all", year.bandTotals[b].mean, year.bandTotals[b].bounds))
      }
      rows.append((year.year, "all", "all", year.total.mean, year.total.bounds))
    }
    return rows
  }

  public func json() -> JSONValue {
    let identity = model.identity.map { row -> JSONValue in
      .object([
        ("year", .integer(Int64(row.year))), ("band", .string(row.band.label)), ("opening", .double(row.opening)),
        ("newPlans", .double(row.newPlans)), ("ceased", .double(row.ceased)),
        ("ceasedAllocated", .bool(row.ceasedAllocated)), ("agedOut", .double(row.agedOut)),
        ("agedIn", .double(row.agedIn)), ("closing", .double(row.closing)), ("residual", .double(row.residual)),
      ])
    }
    let rates = CohortBand.allCases.map { band -> JSONValue in
      let b = band.rawValue
      return .object([
        ("band", .string(band.label)), ("ceasingRate", .double(model.ceasing[b].mean)),
        ("ceasingRateSD", .double(model.ceasing[b].standardDeviation)),
        ("residualRate", .double(model.residual[b].mean)),
        ("residualRateSD", .double(model.residual[b].standardDeviation)),
        (
          "newPlans",
          .array(
            model.newPlans[b].points.map { .object([("year", .integer(Int64($0.time))), ("mean", .double($0.mean))]) })
        ),
      ])
    }
    let rows = projectionRows().map { row -> JSONValue in
      var fields: [(String, JSONValue)] = [
        ("year", .integer(Int64(row.0))), ("band", .string(row.1)), ("placement", .string(row.2)),
        ("mean", .number(row.3, places: 1)),
      ]
      for (name, value) in zip(boundNames, row.4.flatMap { [$0.0, $0.1] }) {
        fields.append((name, .number(value, places: 1)))
      }
      return .object(fields)
    }
    return .object([
      ("model", .string("cohort")), ("authority", .string(authority)), ("startYear", .integer(Int64(model.startYear))),
      ("paths", .integer(Int64(projection.paths))), ("seed", .integer(Int64(projection.seed))),
      ("identity", .array(identity)), ("rates", .array(rates)), ("projection", .array(rows)),
    ])
  }

  public func csv() -> CSVDocument {
    var document = CSVDocument(header: ["year", "band", "placement", "mean"] + boundNames)
    for row in projectionRows() {
      document.rows.append(
        [String(row.0), row.1, row.2, NumberText.count(row.3, places: 1)]
          + row.4.flatMap { [NumberText.count($0.0, places: 1), NumberText.count($0.1, places: 1)] })
    }
    return document
  }

  public func blocks() -> [ReportBlock] {
    [
      .heading(title),
      .paragraph(
        "Stock identity S(t+1) = S(t) - ceased - aged out + aged in + new + residual, by SEN2 age band; ageing on moves 1/width of a band up each year (ages spread evenly in a band); the residual is what the published flows do not explain. \(projection.paths) simulated paths, seed \(projection.seed)."
      ),
      .heading("History: the identity by year and band"), .table(identityTable()), .gap,
      .heading("Fitted rates (per plan in the band at the January census)"), .table(ratesTable()), .gap,
      .heading("Plans by age band"), .table(bandTable()), .gap,
      .heading("Special school plans by phase (age band)"), .table(specialTable()),
    ]
  }
}
