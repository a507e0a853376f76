extension DSGPlanWorkbook {
  /// Plans by year × placement (and by group when given), with a stacked area chart.
  static func children(_ input: DSGPlanInput) -> Worksheet {
    var sheet = titled(childrenSheet, input)
    sheet.append(
      [.header("Financial year"), .header("January census"), .header("Status")]
        + input.placements.map { .header(name($0)) } + [.header("Total plans")])
    let first = sheet.nextRow
    for year in input.years {
      sheet.append(
        [.text(year.year), .text(year.census ?? ""), .text(status(year))]
          + input.placements.map { .count(year.plans[$0] ?? 0) } + [.count(year.totalPlans, bold: true)])
    }
    let last = sheet.nextRow - 1
    sheet.columnWidths = [14, 14, 10] + Array(repeating: 14, count: input.placements.count + 1)
    sheet.fitHeight(ofRow: headerRow)
    sheet.frozenRows = headerRow + 1
    if let grouped = input.plansByGroup { appendGroups(grouped, input, to: &sheet) }
    guard last >= first, !input.placements.isEmpty else { return sheet }
    let rows = first...last
    sheet.charts.append(
      WorksheetChart(
        kind: .stackedArea, title: "Plans by placement",
        categories: .column(0, rows: rows, on: childrenSheet),
        series: input.placements.enumerated().map { index, key in
          WorksheetSeries(name: name(key), values: .column(3 + index, rows: rows, on: childrenSheet))
        },
        valueAxisTitle: "Plans", valueAxisFormat: .count(places: 0), anchorRow: sheet.nextRow + 1, anchorColumn: 0))
    return sheet
  }

  /// The second table: plans by year × group.
  static func appendGroups(_ grouped: GroupedPlans, _ input: DSGPlanInput, to sheet: inout Worksheet) {
    sheet.appendBlankRow()
    sheet.append([.text("Plans by \(grouped.dimension.lowercased())", bold: true)])
    sheet.append([.header("Financial year")] + grouped.groups.map { .header(name($0)) } + [.header("Total plans")])
    for year in input.years {
      let counts = grouped.groups.map { grouped.byYear[year.year]?[$0] ?? 0 }
      sheet.append([.text(year.year)] + counts.map { .count($0) } + [.count(counts.reduce(0, +), bold: true)])
    }
  }
}
