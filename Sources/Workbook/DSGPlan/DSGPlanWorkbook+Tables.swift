extension DSGPlanWorkbook {
  /// One row per lever: name, type, start, end, saving by year, total; and a total row.
  static func mitigations(_ input: DSGPlanInput) -> Worksheet {
    var sheet = titled(mitigationsSheet, input)
    let years = input.years.map(\.year)
    sheet.append(
      [.header("Mitigation"), .header("Type"), .header("Start"), .header("End")] + years.map { .header($0) }
        + [.header("Total")])
    for lever in input.mitigations {
      let savings = years.map { wholePounds(lever.savings[$0] ?? 0) }
      sheet.append(
        [.text(lever.name), .text(name(lever.type)), .text(lever.start), .text(lever.end ?? "")]
          + savings.map { money($0) } + [money(savings.reduce(0, +), bold: true)])
    }
    if input.mitigations.isEmpty {
      sheet.append([.text("The scenario has no mitigations (levers).", italic: true)])
    } else {
      let totals = years.map { year in input.mitigations.map { wholePounds($0.savings[year] ?? 0) }.reduce(0, +) }
      sheet.append(
        [.text("Total savings", bold: true), .empty, .empty, .empty] + totals.map { money($0, bold: true) }
          + [money(totals.reduce(0, +), bold: true)])
    }
    if let note = input.mitigationNote {
      sheet.appendBlankRow()
      sheet.append([.text(note, italic: true)])
    }
    sheet.columnWidths = [34, 22, 10, 10] + Array(repeating: 14, count: years.count + 1)
    sheet.fitHeight(ofRow: headerRow)
    sheet.frozenRows = headerRow + 1
    sheet.frozenColumns = 1
    return sheet
  }

  /// Capacity against demand by setting (and group) and year.
  static func places(_ input: DSGPlanInput) -> Worksheet {
    var sheet = titled(placesSheet, input)
    sheet.append(
      [.header("Setting"), .header("Need or phase"), .header("Financial year"), .header("Places available")]
        + [.header("Plans wanting a place"), .header("Surplus (shortfall negative)"), .header("Use of places")])
    for line in input.places {
      let use: Cell = line.capacity > 0 ? .percent(line.demand / line.capacity, places: 1) : .empty
      sheet.append(
        [.text(name(line.setting)), .text(line.group.map(name) ?? "All"), .text(line.year), .count(line.capacity)]
          + [.count(line.demand), .count(line.capacity - line.demand), use])
    }
    if input.places.isEmpty {
      sheet.append([.text("The scenario gives no places (capacity by setting).", italic: true)])
    }
    sheet.columnWidths = [24, 16, 14, 14, 14, 16, 12]
    sheet.fitHeight(ofRow: headerRow)
    sheet.frozenRows = headerRow + 1
    return sheet
  }

  /// Every input with its value and source.
  static func assumptions(_ input: DSGPlanInput) -> Worksheet {
    var sheet = titled(assumptionsSheet, input)
    sheet.append([.header("Input"), .header("Value"), .header("Source")])
    for assumption in input.assumptions {
      let value: Cell
      switch assumption.value {
      case .pounds(let amount): value = money(amount)
      case .percent(let fraction): value = .percent(fraction, places: 2)
      case .count(let count): value = .count(count, places: count.rounded() == count ? 0 : 2)
      case .text(let text): value = .text(text)
      }
      sheet.append([.text(assumption.input, wrap: true), value, .text(assumption.source, wrap: true)])
    }
    sheet.columnWidths = [44, 16, 80]
    for row in (headerRow + 1)..<sheet.nextRow { sheet.fitHeight(ofRow: row) }
    sheet.fitHeight(ofRow: headerRow)
    sheet.frozenRows = headerRow + 1
    return sheet
  }
}
