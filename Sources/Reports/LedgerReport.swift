import Forecasting
import HighNeeds
import Projection
import Workbook

/// The report of `highneeds run`: the DSG high needs ledger by financial year, with the demand
/// range and the Monte Carlo summary when they were computed.
///
/// JSON is the `run --format json` contract of DESIGN.md; CSV has one row per financial year;
/// the text forms show money in £m to three decimals, as the seed report writes it.
public struct LedgerReport: Report {
  /// The ledger.
  public let ledger: Ledger
  /// The ledger at the ends of the demand forecast's intervals, if computed.
  public let range: DemandRange?
  /// The Monte Carlo summary, if simulated.
  public let simulation: DemandSimulation?
  /// The scenario files' texts by the path the loader was given (the workbook's Assumptions
  /// sheet quotes the comment written beside each input).
  public let sources: [String: String]

  /// The report of `ledger`, with its demand range and simulation when given.
  public init(
    _ ledger: Ledger, range: DemandRange? = nil, simulation: DemandSimulation? = nil, sources: [String: String] = [:]
  ) {
    self.ledger = ledger
    self.range = range
    self.simulation = simulation
    self.sources = sources
  }

  public static var formats: [ReportFormat] { ReportFormat.text + [.xlsx] }

  /// The page with the charts: the reserve with its range as a fan (and the simulation's
  /// percentiles), plans by placement, each lever's saving, places against capacity.
  public func htmlPage() -> String? { LedgerPage.html(ledger, range: range, simulation: simulation) }

  /// The DSG management plan workbook.
  public func workbook() -> Workbook? { DSGPlanWorkbook.build(DSGPlanInput(ledger: ledger, sources: sources)) }

  public var title: String { ledger.scenario.name }

  public func json() -> JSONValue { ledger.reportJSON(range: range, simulation: simulation) }

  public func csv() -> CSVDocument { ledger.reportCSV(range: range, simulation: simulation) }

  /// The main ledger, plans and spend by placement, notes that name every input a figure comes
  /// from, then the range, the simulation, the authorities, the levers and the places.
  public func blocks() -> [ReportBlock] {
    func millions(_ amount: Pounds?) -> String { amount.map { FixedPoint.format($0.millions, places: 3) } ?? "n/a" }
    let years = ledger.years
    let placements = ledger.placements
    var blocks: [ReportBlock] = [
      .heading(ledger.scenario.name),
      .paragraph(
        "Authority: \(ledger.scenario.authority). Money in £m; A = actual outturn, F = forecast plans, I = interpolated."
      ),
    ]
    var main = TextTable(
      header: ["Year", "", "Plans", "Spend", "Funding", "In-year", "Reserve", "% DSG", "1% rule"],
      rightAligned: [2, 3, 4, 5, 6, 7])
    for year in years {
      let marks =
        (year.actual ? "A" : "")
        + (year.demand.source == .forecast ? "F" : year.demand.source == .interpolated ? "I" : "")
      main.rows.append([
        year.year.description, marks, FixedPoint.format(year.demand.plans, places: 0), millions(year.spend),
        millions(year.funding), millions(year.inYearBalance), millions(year.reserve),
        year.reservePercentOfDSG.map { FixedPoint.format($0, places: 2) } ?? "n/a",
        year.recoveryPlanRequired ? "plan needed" : "",
      ])
    }
    blocks.append(.table(main))

    var mix = TextTable(
      header: ["Year"] + placements.map(\.name) + ["other", "modelled"],
      rightAligned: Set(1...(placements.count + 2)))
    for year in years {
      mix.rows.append(
        [year.year.description]
          + placements.map {
            "\(FixedPoint.format(year.plansByPlacement[$0] ?? 0, places: 0)) × £\(FixedPoint.format(year.unitCost[$0]?.value ?? 0, places: 0))"
          } + [millions(year.otherSpend), millions(year.modelledSpend)])
    }
    blocks += [
      .heading("Plans × cost per plan by placement; other and modelled spend in £m"), .table(mix),
      .bullets(ledger.notes),
    ]
    if let range { blocks += [.gap] + range.blocks(years: years) }
    if let simulation { blocks += [.gap] + simulation.blocks() }
    if !ledger.demand.authorities.isEmpty { blocks += [.gap] + ledger.authoritiesBlocks() }
    if !ledger.leverSavings.isEmpty { blocks += [.gap] + ledger.leverBlocks() }
    if ledger.scenario.places != nil { blocks += [.gap] + ledger.placesBlocks() }
    return blocks
  }
}

extension Ledger {
  /// Each lever's saving by year in £m (improvement in the in-year balance), attributed in
  /// the order the levers are listed.
  func leverBlocks() -> [ReportBlock] {
    let projected = years.filter { !$0.actual }
    var table = TextTable(
      header: ["Lever", "Type"] + projected.map(\.year.description) + ["Total"],
      rightAligned: Set(2..<(projected.count + 3)))
    for saving in leverSavings {
      table.rows.append(
        [saving.name, saving.type.rawValue]
          + projected.map { FixedPoint.format((saving.byYear[$0.year] ?? .zero).millions, places: 3) }
          + [FixedPoint.format(saving.total.millions, places: 3)])
    }
    return [.heading("Lever savings in £m (better in-year balance; attributed in the order listed)"), .table(table)]
  }

  /// Sentences that explain the figures: calibration, deficit, the 1% rule, the forecast.
  var notes: [String] {
    var notes: [String] = plausibilityWarnings.map { "Warning: \($0)." }
    if let calibration {
      notes.append(
        "Calibration: unit costs × \(FixedPoint.format(calibration.factor, places: 4)) so that modelled spend in \(calibration.year) equals actual spend \(calibration.targetSpend) (before: \(calibration.modelledSpendBefore))."
      )
    }
    if let year = firstDeficitYear {
      notes.append("The reserve is first in deficit at the end of \(year).")
    } else {
      notes.append("The reserve stays out of deficit in every year.")
    }
    if let year = firstRecoveryPlanYear {
      notes.append(
        "The cumulative deficit first reaches 1% of total DSG in \(year): a deficit recovery plan is required.")
    }
    if let forecast = demand.forecast {
      notes.append("Plans after the last census: model '\(forecast.model)' (\(forecast.selection)).")
      notes += forecast.notes
    }
    if let year = firstInYearBalanceYear {
      notes.append("First projected year in balance or surplus: \(year).")
    } else {
      notes.append("No projected year is in balance.")
    }
    return notes
  }
}
