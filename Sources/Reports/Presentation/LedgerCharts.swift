import HighNeeds
import Forecasting
import Projection
import ReportFormatting
import SVGCharts
import Workbook

/// The report's charts drawn from a ledger (and, when run, its demand range and simulation).
///
/// Each function returns a chart value; call `svg()` on it for the inline SVG. Money is drawn
/// in £m; years are the ledger's financial years (`2024-25`); placements and settings take
/// their readable names.
public enum LedgerCharts {
  /// The reserve at year end: the ledger's line; with levers, the line before mitigations too;
  /// with a demand range, its bands (widest first) as the fan; with a simulation, its 5th,
  /// 50th and 95th percentiles as thin lines.
  public static func reserve(_ ledger: Ledger, range: DemandRange? = nil, simulation: DemandSimulation? = nil)
    -> LineChart
  {
    let years = ledger.years.map(\.year)
    var series = [
      ChartSeries(
        name: ledger.leverSavings.isEmpty ? "Reserve" : "After mitigations",
        values: ledger.years.map { $0.reserve.value })
    ]
    if !ledger.leverSavings.isEmpty {
      series.append(
        ChartSeries(name: "Before mitigations", values: (DSGPlanInput.unmitigated(ledger) ?? []).map(\.reserve)))
    }
    let bands = (range?.bands ?? []).sorted { $0.level > $1.level }.map { band in
      ChartBand(
        name: "\(NumberText.count(band.level))% range of demand",  // level is in percent (80, 95)
        lower: band.lowDemand.years.map { $0.reserve.value }, upper: band.highDemand.years.map { $0.reserve.value })
    }
    var percentiles: [ChartSeries] = []
    if let simulation {
      let byYear = Dictionary(simulation.years.map { ($0.year, $0.reserve) }) { first, _ in first }
      let paths: [(String, KeyPath<DemandSimulation.Percentiles<Pounds>, Pounds>)] = [
        ("5th percentile", \.p5), ("Median", \.p50), ("95th percentile", \.p95),
      ]
      percentiles = paths.map { name, path in
        ChartSeries(
          name: "\(name) of \(NumberText.count(Double(simulation.draws))) runs",
          values: years.map { year -> Double? in byYear[year].map { $0[keyPath: path].value } })
      }
    }
    let last = ledger.years.last
    let description =
      "The DSG reserve at the end of each year from \(years.first?.description ?? "") to \(years.last?.description ?? ""); "
      + "it ends \(last.map { NumberText.poundsMillions($0.reserve.value, places: 1) } ?? "n/a") in \(last?.year.description ?? "")."
    return LineChart(
      text: ChartText(
        title: "DSG reserve at year end", description: description, valueAxis: "Reserve (£m, negative is a deficit)"),
      categories: years.map(\.description), series: series, bands: bands, percentiles: percentiles)
  }

  /// Plans by placement, year by year, as stacked areas.
  public static func plansByPlacement(_ ledger: Ledger) -> StackedAreaChart {
    let total = ledger.years.last.map { $0.plansByPlacement.values.reduce(0, +) } ?? 0
    return StackedAreaChart(
      text: ChartText(
        title: "Plans by placement",
        description:
          "Plans by placement each year; \(NumberText.count(total)) in \(ledger.years.last?.year.description ?? "").",
        valueAxis: "Plans"),
      categories: ledger.years.map(\.year.description),
      series: ledger.placements.map { placement in
        ChartSeries(name: DisplayName.of(placement.name), values: ledger.years.map { $0.plansByPlacement[placement] })
      })
  }

  /// Places available against demand by setting in `year` (the last year when nil); nil
  /// when the scenario gives no places.
  public static func places(_ ledger: Ledger, in year: FinancialYear? = nil) -> BarChart? {
    let rows = ledger.places.filter { $0.need == nil && $0.phase == nil }
    guard let year = year ?? rows.map(\.year).max() else { return nil }
    let chosen = rows.filter { $0.year == year }
    guard !chosen.isEmpty else { return nil }
    return BarChart(
      text: ChartText(
        title: "Places and demand by setting, \(year)",
        description: "Places available and plans wanting a place in \(year), by setting.",
        valueAxis: "Places"),
      categories: chosen.map { DisplayName.of($0.setting.name) },
      series: [
        ChartSeries(name: "Places available", values: chosen.map(\.capacity)),
        ChartSeries(name: "Demand", values: chosen.map(\.demand)),
      ])
  }

  /// From the reserve before mitigations to after, in `year` (the last year when nil), one
  /// step per lever's cumulative saving; nil without levers.
  public static func mitigations(_ ledger: Ledger, at year: FinancialYear? = nil) -> WaterfallChart? {
    guard !ledger.leverSavings.isEmpty, let year = year ?? ledger.years.last?.year,
      let after = ledger.years.first(where: { $0.year == year })?.reserve.value
    else { return nil }
    let steps = ledger.leverSavings.map { saving in
      WaterfallStep(name: saving.name, value: saving.byYear.filter { $0.key <= year }.map(\.value.value).reduce(0, +))
    }
    let before = after - steps.map(\.value).reduce(0, +)
    return WaterfallChart(
      text: ChartText(
        title: "Reserve at the end of \(year), before and after mitigations",
        description: "Mitigations move the reserve from \(NumberText.poundsMillions(before, places: 1)) to "
          + "\(NumberText.poundsMillions(after, places: 1)) by the end of \(year).", valueAxis: "Reserve (£m)"),
      startLabel: "Before mitigations", start: before, steps: steps, endLabel: "After mitigations")
  }

  /// Options side by side: each one's reserve at the end of `year` (the last year when nil) as
  /// bars, its in-year balance that year as a line.
  public static func options(_ comparison: Comparison, at year: FinancialYear? = nil) -> BarChart {
    let ledgers = [comparison.baseline] + comparison.options
    let year = year ?? comparison.baseline.years.last?.year
    let entry = { (ledger: Ledger) in ledger.years.first { $0.year == year } }
    return BarChart(
      text: ChartText(
        title: "Options compared, \(year?.description ?? "")",
        description: "Each option's reserve and in-year balance in \(year?.description ?? "the last year").",
        valueAxis: "£m"),
      categories: ledgers.map(\.scenario.name),
      series: [ChartSeries(name: "Reserve at year end", values: ledgers.map { entry($0)?.reserve.value })],
      lines: [ChartSeries(name: "In-year balance", values: ledgers.map { entry($0)?.inYearBalance.value })],
      format: .poundsMillions)
  }
}
