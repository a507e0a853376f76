import ReportFormatting
import SVGCharts

/// A report page with every sample chart, a key-figures row and a table, as a report would be.
enum SamplePage {
  static var html: String {
    let figures = SampleCharts.all.map { HTMLBlock.figure(svg: $0.svg, caption: "Figure: \($0.name)") }
    let table = HTMLTable(
      caption: "High needs by year", columns: ["Financial year", "Spend", "Funding", "Reserve at year end"],
      rows: [
        [
          .text("2018-19"), .number("£39,688,000", value: 1), .number("£36,000,000", value: 1),
          .number("-£3,688,000", value: -1),
        ],
        [
          .text("2019-20"), .number("£44,142,000", value: 1), .number("£38,226,000", value: 1),
          .number("-£9,604,000", value: -1),
        ],
      ])
    return HTMLPage(
      title: "Medway: high needs and the DSG reserve", subtitle: "Sample page for the browser test",
      blocks: [
        .keyFigures([
          ("Deficit at March 2020", NumberText.pounds(-9_604_000)),
          ("Cost of an independent special place", NumberText.pounds(54_000)),
        ]),
        .heading("Charts"),
      ] + figures + [
        .table(table), .method(title: "Method", blocks: [.paragraph("Forecasts at 80% and 95%.")]),
      ]
    ).render()
  }
}
