extension DSGPlanWorkbook {
  /// End-of-year positions by year (years down the side), key dates, and a chart of the reserve.
  static func summary(_ input: DSGPlanInput) -> Worksheet {
    var sheet = titled(summarySheet, input)
    let levers = input.hasMitigations
    var header: [Cell] = [
      .header("Financial year"), .header("Status"), .header("Total DSG"), .header("High needs funding"),
    ]
    header += [.header("High needs spend")]
    header +=
      levers
      ? [
        .header("In-year balance before mitigations"), .header("In-year balance after mitigations"),
        .header("Reserve at year end before mitigations"), .header("Reserve at year end after mitigations"),
      ]
      : [.header("In-year balance"), .header("Reserve at year end")]
    header += [.header("Reserve as % of total DSG"), .header("Recovery plan required (1% rule)")]
    sheet.append(header)
    let firstDataRow = sheet.nextRow
    for year in input.years {
      var row: [Cell] = [.text(year.year), .text(status(year)), money(year.dsgTotal), money(year.totalFunding)]
      row.append(money(year.totalSpend))
      if levers {
        row += [
          money(year.unmitigated?.inYearBalance ?? year.inYearBalance), money(year.inYearBalance),
          money(year.unmitigated?.reserve ?? year.reserve), money(year.reserve),
        ]
      } else {
        row += [money(year.inYearBalance), money(year.reserve)]
      }
      row += [.optional(year.reservePercentOfDSG) { .percent($0 / 100, places: 2) }, yesNo(year.recoveryPlanRequired)]
      sheet.append(row)
    }
    let lastDataRow = sheet.nextRow - 1
    sheet.appendBlankRow()
    appendKeyDates(input, to: &sheet)
    sheet.columnWidths = [14, 10] + Array(repeating: 16, count: header.count - 2)
    sheet.fitHeight(ofRow: headerRow)
    sheet.frozenRows = headerRow + 1
    guard lastDataRow >= firstDataRow else { return sheet }
    let rows = firstDataRow...lastDataRow
    let reserveColumns =
      levers ? [(7, "Reserve before mitigations"), (8, "Reserve after mitigations")] : [(6, "Reserve")]
    sheet.charts.append(
      WorksheetChart(
        kind: .line, title: "DSG reserve at year end (negative is a deficit)",
        categories: .column(0, rows: rows, on: summarySheet),
        series: reserveColumns.map { WorksheetSeries(name: $0.1, values: .column($0.0, rows: rows, on: summarySheet)) },
        valueAxisTitle: "£ million", valueAxisFormat: .pounds, anchorRow: sheet.nextRow + 1, anchorColumn: 0))
    return sheet
  }

  /// First year in deficit, first year the 1% rule applies, first projected year in balance.
  static func appendKeyDates(_ input: DSGPlanInput, to sheet: inout Worksheet) {
    let deficit = input.years.first { wholePounds($0.reserve) < 0 }?.year
    let recovery = input.years.first { $0.recoveryPlanRequired }?.year
    let balance = input.years.first { !$0.actual && wholePounds($0.inYearBalance) >= 0 }?.year
    sheet.append([.text("Key dates", bold: true)])
    sheet.append([.text("First year ending in deficit"), .empty, .empty, .empty, .text(deficit ?? "none in the plan")])
    sheet.append([
      .text("First year the 1% rule requires a recovery plan"), .empty, .empty, .empty,
      .text(recovery ?? "none in the plan"),
    ])
    sheet.append([
      .text("First forecast year in in-year balance"), .empty, .empty, .empty, .text(balance ?? "none in the plan"),
    ])
  }
}
