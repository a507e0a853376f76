import HighNeeds
import Forecasting
import Projection
import ReportFormatting
import SVGCharts

/// The run report as a self-contained HTML page for people: headline figures, a plain-English
/// summary, the charts, tables in readable units, and the statistics in a closed "method"
/// section at the end.
///
/// Money shows in whole pounds with separators (`-£9,604,000`), placements by name
/// ("Independent special"), years as `2024-25`. The figures are the ledger's, rounded to the
/// pound as the JSON report rounds them.
public enum LedgerPage {
  /// The page for `ledger`, with the demand range's fan and the simulation's percentiles when given.
  public static func html(_ ledger: Ledger, range: DemandRange? = nil, simulation: DemandSimulation? = nil) -> String {
    var blocks: [HTMLBlock] = [.keyFigures(keyFigures(ledger)), .paragraph(summary(ledger))]
    blocks.append(.heading("DSG reserve"))
    blocks.append(
      .figure(
        svg: LedgerCharts.reserve(ledger, range: range, simulation: simulation).svg(),
        caption: range == nil
          ? "Reserve at the end of each financial year; below zero is a deficit."
          : "Reserve at the end of each year; the shaded ranges are the reserve if plans follow the low or high "
            + "end of the demand forecast's range."))
    blocks.append(.table(yearTable(ledger)))
    blocks.append(.heading("Children and young people with plans"))
    blocks.append(.figure(svg: LedgerCharts.plansByPlacement(ledger).svg(), caption: "Plans by placement, each year."))
    if let waterfall = LedgerCharts.mitigations(ledger) {
      blocks.append(.heading("Mitigations"))
      blocks.append(.figure(svg: waterfall.svg(), caption: "What each lever adds to the reserve, in the order listed."))
      blocks.append(.table(leverTable(ledger)))
    }
    if let places = LedgerCharts.places(ledger) {
      blocks.append(.heading("Specialist places"))
      blocks.append(.figure(svg: places.svg(), caption: "Places available against plans wanting a place."))
      blocks += ledger.placeSummaries.filter { $0.need == nil && $0.phase == nil }.map { .paragraph(sufficiency($0)) }
    }
    blocks.append(.method(title: "Method and notes", blocks: ledger.notes.map { .paragraph($0) }))
    return HTMLPage(
      title: "\(ledger.scenario.authority): high needs and the DSG reserve", subtitle: ledger.scenario.name,
      blocks: blocks
    ).render()
  }

  /// The page comparing `comparison`'s options with its baseline.
  public static func html(_ comparison: Comparison) -> String {
    let ledgers = [comparison.baseline] + comparison.options
    let last = comparison.baseline.years.last?.year
    let rows = ledgers.enumerated().map { index, ledger -> [HTMLCell] in
      let year = ledger.years.first { $0.year == last }
      let saving = index == 0 ? nil : last.flatMap { comparison.saving(ledger, in: $0) }
      return [
        .text(ledger.scenario.name), money(year?.reserve.value), money(year?.inYearBalance.value),
        saving.map { money($0.value) } ?? .text(""),
      ]
    }
    let table = HTMLTable(
      caption: "Options at the end of \(last?.description ?? "the plan")",
      columns: ["Option", "Reserve at year end", "In-year balance", "In-year saving against the baseline"], rows: rows)
    return HTMLPage(
      title: "\(comparison.baseline.scenario.authority): options compared", subtitle: comparison.baseline.scenario.name,
      blocks: [
        .figure(svg: LedgerCharts.options(comparison).svg(), caption: "Each option against the baseline."),
        .table(table),
      ]
    ).render()
  }

  /// A number cell of whole pounds, or `n/a`.
  static func money(_ value: Double?) -> HTMLCell {
    guard let value else { return HTMLCell("n/a", numeric: true) }
    return .number(NumberText.pounds(value), value: value.rounded(.toNearestOrAwayFromZero))
  }

  /// The headline boxes: the reserve now and at the end, and the key years.
  static func keyFigures(_ ledger: Ledger) -> [(label: String, value: String)] {
    var figures: [(label: String, value: String)] = []
    if let outturn = ledger.years.last(where: \.actual) {
      figures.append(("Reserve at the end of \(outturn.year) (outturn)", NumberText.pounds(outturn.reserve.value)))
    }
    if let last = ledger.years.last {
      figures.append(("Reserve at the end of \(last.year) (forecast)", NumberText.pounds(last.reserve.value)))
    }
    figures.append(("First year ending in deficit", ledger.firstDeficitYear?.description ?? "none in the plan"))
    figures.append(
      (
        "First year a recovery plan is needed (1% rule)",
        ledger.firstRecoveryPlanYear?.description ?? "none in the plan"
      ))
    return figures
  }

  /// A setting's place sufficiency in a sentence.
  static func sufficiency(_ summary: PlaceSummary) -> String {
    let name = DisplayName.of(summary.setting.name)
    guard let first = summary.firstShortfallYear else { return "\(name): enough places in every year of the plan." }
    let peak = summary.peakShortfall.map {
      "; the largest shortfall is \(NumberText.count($0.places)) places, in \($0.year)"
    }
    return "\(name): short of places from \(first)\(peak ?? "")."
  }

  /// One or two sentences that say what the ledger shows.
  static func summary(_ ledger: Ledger) -> String {
    guard let last = ledger.years.last else { return "The ledger has no years." }
    let position =
      last.reserve.value < 0
      ? "a deficit of \(NumberText.pounds(-last.reserve.value))"
      : "a surplus of \(NumberText.pounds(last.reserve.value))"
    let share = last.reservePercentOfDSG.map { " (\(NumberText.percentPoints(abs($0))) of total DSG)" } ?? ""
    var text = "By the end of \(last.year) the DSG reserve is forecast to stand at \(position)\(share)."
    if let first = ledger.years.first(where: { $0.spend != nil && $0.funding != nil && $0.year < last.year }),
      let spendFrom = first.spend, let spendTo = last.spend
    {
      text +=
        " High needs spending goes from \(NumberText.poundsMillions(spendFrom.value, places: 1)) in \(first.year) to "
        + "\(NumberText.poundsMillions(spendTo.value, places: 1)) in \(last.year)"
      if let fundingFrom = first.funding, let fundingTo = last.funding {
        text +=
          "; funding from \(NumberText.poundsMillions(fundingFrom.value, places: 1)) to "
          + "\(NumberText.poundsMillions(fundingTo.value, places: 1))"
      }
      text += "."
    }
    if let balance = ledger.firstInYearBalanceYear {
      text += " Spending is within funding again from \(balance)."
    } else {
      text += " Spending stays above funding in every forecast year."
    }
    return text
  }

  /// The ledger by year.
  static func yearTable(_ ledger: Ledger) -> HTMLTable {
    HTMLTable(
      caption: "High needs by financial year",
      columns: ["Year", "Status", "Plans", "Spend", "Funding", "In-year balance", "Reserve at year end", "% of DSG"],
      rows: ledger.years.map { year in
        [
          .text(year.year.description), .text(year.actual ? "Outturn" : "Forecast"),
          .number(NumberText.count(year.demand.plans), value: year.demand.plans), money(year.spend?.value),
          money(year.funding?.value), money(year.inYearBalance.value), money(year.reserve.value),
          year.reservePercentOfDSG.map { .number(NumberText.percentPoints($0, places: 2), value: $0) }
            ?? HTMLCell("n/a", numeric: true),
        ]
      })
  }

  /// One row per lever: name, type, start, total saving.
  static func leverTable(_ ledger: Ledger) -> HTMLTable {
    HTMLTable(
      caption: "Mitigations",
      columns: ["Mitigation", "Type", "Start", "Saving over the plan"],
      rows: zip(ledger.scenario.levers, ledger.leverSavings).map { lever, saving in
        [
          .text(lever.name), .text(DisplayName.of(saving.type.rawValue)), .text(lever.start.description),
          money(saving.total.value),
        ]
      })
  }
}
