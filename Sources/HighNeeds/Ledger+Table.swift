/// How a report is rendered for people: aligned text, Markdown or HTML.
public enum TableStyle: Sendable {
  /// Columns aligned with spaces, for a terminal or a printout.
  case aligned
  /// GitHub-flavoured Markdown tables.
  case markdown
  /// HTML fragments (``Ledger/htmlDocument`` wraps them in a page).
  case html
}

extension Ledger {
  /// The ledger as tables: the main ledger (£m to three decimals, as the seed report writes
  /// money), plans and spend by placement, then notes that name every input a figure comes from.
  public func table(style: TableStyle) -> String { table(style: style, range: nil) }

  /// The tables, with the reserve at the ends of the demand forecast's intervals when `range` is
  /// given, and the Monte Carlo summary when `simulation` is.
  public func table(style: TableStyle, range: DemandRange?, simulation: DemandSimulation? = nil) -> String {
    let writer = ReportWriter(style: style)
    func millions(_ amount: Pounds?) -> String { amount.map { FixedPoint.format($0.millions, places: 3) } ?? "n/a" }
    var out = writer.heading(scenario.name)
    out += writer.paragraph(
      "Authority: \(scenario.authority). Money in £m; A = actual outturn, F = forecast plans, I = interpolated.")

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
    out += writer.table(main)

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
    out += writer.heading("Plans × cost per plan by placement; other and modelled spend in £m") + writer.table(mix)
    out += writer.bullets(notes)
    if let range { out += "\n" + range.table(years: years, style: style) }
    if let simulation { out += "\n" + simulation.table(style: style) }
    if !demand.authorities.isEmpty { out += "\n" + authoritiesTable(style: style) }
    if !leverSavings.isEmpty { out += "\n" + leversTable(style: style) }
    if scenario.places != nil { out += "\n" + placesTable(style: style) }
    return out
  }

  /// The whole report as an HTML page (the `--format html` output).
  public var htmlDocument: String { htmlDocument(range: nil) }

  /// The whole report as an HTML page, with the demand range when given.
  public func htmlDocument(range: DemandRange?, simulation: DemandSimulation? = nil) -> String {
    ReportWriter.document(title: scenario.name, body: table(style: .html, range: range, simulation: simulation))
  }

  /// Each lever's saving by year in £m (improvement in the in-year balance), attributed in
  /// the order the levers are listed.
  public func leversTable(style: TableStyle) -> String {
    let projected = years.filter { !$0.actual }
    var table = TextTable(
      header: ["Lever", "Type"] + projected.map(\.year.description) + ["Total"],
      rightAligned: Set(2..<(projected.count + 3)))
    for saving in leverSavings {
      table.rows.append(
        [saving.name, saving.type]
          + projected.map { FixedPoint.format((saving.byYear[$0.year] ?? .zero).millions, places: 3) }
          + [FixedPoint.format(saving.total.millions, places: 3)])
    }
    let writer = ReportWriter(style: style)
    return writer.heading("Lever savings in £m (better in-year balance; attributed in the order listed)")
      + writer.table(table)
  }

  /// Sentences that explain the figures: calibration, deficit, the 1% rule, the forecast.
  public var notes: [String] {
    var notes: [String] = []
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
