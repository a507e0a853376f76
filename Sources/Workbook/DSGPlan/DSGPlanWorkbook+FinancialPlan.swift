extension DSGPlanWorkbook {
  /// One line of the financial plan: a label and a cell per year.
  struct PlanLine {
    let label: String
    let bold: Bool
    let cell: (DSGPlanYear) -> Cell

    init(_ label: String, bold: Bool = false, cell: @escaping (DSGPlanYear) -> Cell) {
      self.label = label
      self.bold = bold
      self.cell = cell
    }
  }

  /// The high needs lines down the side and the years across, as the DfE template sets them out.
  static func financialPlan(_ input: DSGPlanInput) -> Worksheet {
    var sheet = titled(financialPlanSheet, input)
    sheet.append(
      [.header("High needs block (£)")]
        + input.years.map { Cell(.text($0.year), style: CellStyle(header: true, alignRight: true)) })
    sheet.append(
      [.text("Outturn or forecast", italic: true)]
        + input.years.map { .text(status($0), italic: true, alignRight: true) })
    for section in planSections(input) {
      sheet.append([.text(section.title, bold: true)])
      for line in section.lines {
        sheet.append([.text(line.label, bold: line.bold)] + input.years.map(line.cell))
      }
      sheet.appendBlankRow()
    }
    sheet.columnWidths = [46] + Array(repeating: 14, count: input.years.count)
    sheet.frozenRows = headerRow + 2
    sheet.frozenColumns = 1
    return sheet
  }

  /// The expenditure lines of `year` in order (placements, other, one-off savings as a
  /// negative, outturn difference), rounded so that they add up to the rounded total.
  static func spendLines(_ year: DSGPlanYear, _ input: DSGPlanInput) -> [Double] {
    var parts = input.placements.map { year.placementSpend[$0] ?? 0 } + [year.otherSpend, -year.oneOffSavings]
    if year.actual { return parts.map(wholePounds) + [outturnDifference(year, input) ?? 0] }
    parts.append(0)
    return RoundedLines.addingUp(parts, to: year.totalSpend)
  }

  /// The income lines of `year` (allocation, transfers, other, mitigations), adding up to the total.
  static func incomeLines(_ year: DSGPlanYear) -> [Double?] {
    guard let allocation = year.highNeedsBlock else {
      return [
        nil, wholePounds(year.blockTransfers), wholePounds(year.otherIncome), wholePounds(year.mitigationFunding),
      ]
    }
    let parts = [allocation, year.blockTransfers, year.otherIncome, year.mitigationFunding]
    return RoundedLines.addingUp(parts, to: year.totalFunding)
  }

  /// Expenditure, income, the balance and reserve, and (with levers) the unmitigated position.
  static func planSections(_ input: DSGPlanInput) -> [(title: String, lines: [PlanLine])] {
    let spendByYear = Dictionary(input.years.map { ($0.year, spendLines($0, input)) }) { first, _ in first }
    let incomeByYear = Dictionary(input.years.map { ($0.year, incomeLines($0)) }) { first, _ in first }
    func spendLine(_ label: String, _ index: Int) -> PlanLine {
      PlanLine(label) { money(spendByYear[$0.year]?[index]) }
    }
    func incomeLine(_ label: String, _ index: Int) -> PlanLine {
      PlanLine(label) { money(incomeByYear[$0.year]?[index] ?? nil) }
    }
    let count = input.placements.count
    var spend = input.placements.enumerated().map { spendLine(name($1), $0) }
    spend.append(spendLine("Other high needs spend", count))
    if input.years.contains(where: { $0.oneOffSavings != 0 }) { spend.append(spendLine("One-off savings", count + 1)) }
    if input.years.contains(where: { outturnDifference($0, input) != nil }) {
      spend.append(spendLine("Outturn above (below) the model", count + 2))
    }
    spend.append(PlanLine("Total expenditure", bold: true) { money($0.totalSpend, bold: true) })
    var income = [
      incomeLine("High Needs Block allocation", 0), incomeLine("Block transfers", 1), incomeLine("Other income", 2),
    ]
    if input.years.contains(where: { $0.mitigationFunding != 0 }) {
      income.append(incomeLine("Funding from mitigations", 3))
    }
    income.append(PlanLine("Total funding", bold: true) { money($0.totalFunding, bold: true) })
    let position = [
      PlanLine("In-year balance (funding less expenditure)", bold: true) { money($0.inYearBalance, bold: true) },
      PlanLine("DSG reserve at start of year") { money($0.openingReserve) },
      PlanLine("DSG reserve at end of year", bold: true) { money($0.reserve, bold: true) },
      PlanLine("Total DSG") { money($0.dsgTotal) },
      PlanLine("Reserve as % of total DSG") { year in
        .optional(year.reservePercentOfDSG) { .percent($0 / 100, places: 2) }
      },
      PlanLine("Recovery plan required (1% rule)") { yesNo($0.recoveryPlanRequired) },
    ]
    var sections = [("Expenditure", spend), ("Income", income), ("Position", position)]
    if input.hasMitigations {
      sections.append(
        (
          "Before and after mitigations",
          [
            PlanLine("In-year balance before mitigations") { money($0.unmitigated?.inYearBalance ?? $0.inYearBalance) },
            PlanLine("Savings from mitigations") {
              money($0.inYearBalance - ($0.unmitigated?.inYearBalance ?? $0.inYearBalance))
            },
            PlanLine("In-year balance after mitigations") { money($0.inYearBalance) },
            PlanLine("Reserve at year end before mitigations") { money($0.unmitigated?.reserve ?? $0.reserve) },
            PlanLine("Reserve at year end after mitigations") { money($0.reserve) },
          ]
        ))
    }
    return sections
  }

  /// In an outturn year, total spend less the modelled lines (so the column adds up); else nil.
  ///
  /// Computed on whole pounds, the way the cells show the lines, so the column adds up to the pound.
  static func outturnDifference(_ year: DSGPlanYear, _ input: DSGPlanInput) -> Double? {
    guard year.actual, let total = year.totalSpend else { return nil }
    let lines = input.placements.map { wholePounds(year.placementSpend[$0] ?? 0) }
    let modelled = lines.reduce(0, +) + wholePounds(year.otherSpend) - wholePounds(year.oneOffSavings)
    let difference = wholePounds(total) - modelled
    return difference == 0 ? nil : difference
  }
}
