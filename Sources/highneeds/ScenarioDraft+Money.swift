import FinanceData
import Foundation
import HighNeeds
import OfficialData

/// The money sections `init` writes when the store holds the DfE finance files: every amount
/// cites its file, sheet, row and column, or shows its derivation with its inputs, or says it is
/// an assumption.
struct MoneyDraft {
  let money: ScenarioMoney
  /// The placement groups and the placeholder costs (2023-24 prices) of ``ScenarioDraft/unitCosts``.
  let placeholders: [(PlacementGroup, Int, String)]

  /// Whether there is enough to write a ledger from the files: a High Needs Block for some year.
  var usable: Bool { !money.highNeedsBlock.isEmpty }

  /// The first ledger year: the latest year up to `base` that opens with a derived reserve, else
  /// the latest allocation year up to `base`, else `base`.
  func firstYear(base: FinancialYear) -> FinancialYear {
    if let year = money.openingReserves.keys.filter({ $0 <= base }).max(),
      money.highNeedsBlock.keys.contains(where: { $0 <= year })
    {
      return year
    }
    return money.highNeedsBlock.keys.filter { $0 <= base }.max() ?? base
  }

  /// The price year of the unit costs: the s251 outturn's year when costs were derived.
  var priceYear: FinancialYear? { money.unitCosts.isEmpty ? nil : money.outturnYear }

  /// The comment for `price_year` when costs are derived: the outturn's year, with a cell of it.
  var priceYearNote: String {
    let cell = money.unitCosts.sorted { $0.key < $1.key }.first?.value.cells.first
    return "derived: the year of the s251 outturn the costs come from"
      + (cell.map { " (\(Self.citation([$0])))" } ?? "")
  }

  /// `costs.per_plan` lines and the `other` line, at ``priceYear`` prices.
  func costLines(priceYear: FinancialYear) -> [String] {
    var lines: [String] = []
    let deflate = pow(1.02, Double(FinancialYear(startYear: 2023).startYear - priceYear.startYear))
    for (group, placeholder, note) in placeholders {
      let recipe = AuthorityMoney.recipeGroups.first { $0.value.contains(group) }?.key
      if let recipe, let cost = money.unitCosts[recipe] {
        lines += Self.line("    \(group.rawValue): \(Self.money(cost.value))", cost)
        if note.contains("(PQ") {
          // The published national average the placeholder is: a derived cost far from it
          // usually means the authority's s251 return files this spend under another line.
          let atPublished = cost.value * deflate
          let ratio = atPublished / Double(placeholder)
          if ratio < 2.0 / 3 || ratio > 1.5 {
            lines += Self.continuation(
              "check: \(Self.money(atPublished)) at 2023-24 prices (2% a year) is \(Int((ratio * 100).rounded()))% of "
                + "the published national average \(Self.money(Double(placeholder))) (\(note)); outside two thirds "
                + "to one and a half times it, so the s251 return may file this placement's spend under another line")
          }
        }
      } else {
        let why = recipe.flatMap { money.unitCostFailures[$0] } ?? "no s251 line pays for this placement alone"
        lines.append(
          "    \(group.rawValue): \(Self.money(Double(placeholder) / deflate))".padded(33)
            + "# assumption: not derivable (\(why));")
        lines += Self.continuation("\(Self.money(Double(placeholder))) at 2023-24 prices, \(note), less 2% a year")
      }
    }
    return lines
  }

  /// The `other:` line.
  func otherLine() -> [String] {
    guard let other = money.otherSpend else {
      return ["  other: £0".padded(33) + "# assumption: no s251 outturn in the store for central spend"]
    }
    return Self.line("  other: \(Self.money(other.value))", other)
  }

  /// The `funding:` section from `first` on.
  func fundingLines(first: FinancialYear, last: FinancialYear) -> [String] {
    var lines = [
      "", "funding:", "  high_needs_block:".padded(33) + "# DfE DSG allocations, BEFORE deductions: the gross",
    ]
    lines.append("".padded(33) + "#   block, as the seed's £38.226m for Medway 2019-20 is")
    for note in money.notes { lines += ["  # group: " + note] }
    let years = money.highNeedsBlock.filter { $0.key >= first && $0.key <= last }
    let given = years.isEmpty ? money.highNeedsBlock.filter { $0.key <= first } : years
    let shown = years.isEmpty ? given.keys.max().map { [$0] } ?? [] : years.keys.sorted()
    for year in shown {
      lines += Self.line("    \(year): \(Self.money(given[year]!.value))", given[year]!)
    }
    let lastGiven = shown.max()
    lines.append(
      "  growth: 3%".padded(33) + "# assumption: allocation growth a year after \(lastGiven.map(\.description) ?? "")")
    let dsg = money.totalDSG.filter { $0.key >= first && $0.key <= last }
    if dsg.isEmpty {
      if let latest = money.totalDSG.max(by: { $0.key < $1.key }) {
        lines += Self.line(
          "  dsg_total: \(Self.money(latest.value.value))", latest.value,
          suffix: " (\(latest.key), before deductions), for the 1% test")
      }
    } else {
      lines.append("  dsg_total:".padded(33) + "# total DSG before deductions, for the 1% test")
      for year in dsg.keys.sorted() { lines += Self.line("    \(year): \(Self.money(dsg[year]!.value))", dsg[year]!) }
      lines.append("".padded(33) + "# later years: the last given (assumption)")
    }
    return lines + otherIncomeLines(first: first, last: last)
  }

  /// The `other_income:` lines: the outturn year's reconciling income (derived, a calibration),
  /// carried into every ledger year as flat cash (an assumption), or a note why there is none.
  func otherIncomeLines(first: FinancialYear, last: FinancialYear) -> [String] {
    guard let income = money.reconcilingIncome, let year = money.outturnYear else {
      return ["  # other_income: none written (no reconciling income):"]
        + Self.continuation(money.reconcilingNote ?? "").map { "  #" + $0.dropFirst(33).dropFirst() }
    }
    var lines = [
      "  other_income:".padded(33) + "# derived: calibration to the \(year) outturn (in-sample by construction):"
    ]
    lines += Self.continuation(
      "reconciling income = published deficit movement − (High Needs Block − (s251 outturn + ESFA place funding)), "
        + "what the files do not show (a schools block transfer, other blocks' balances, other income) and what "
        + "makes \(year)'s in-year balance equal the published movement: \(income.formula ?? "")")
    lines += Self.continuation("cells: \(Self.source(income))")
    var carry =
      "assumption: carried forward as flat cash, the \(year) figure in every year (not inflated, not grown); "
      + "edit or delete any year"
    if let block = money.highNeedsBlock[year], block.value != 0 {
      let share = income.value / block.value * 100
      carry += String(format: "; it is %.2f%% of the %@ block: to carry it as a share of the block instead, ", share, "\(year)")
        + String(format: "replace each year's amount by %.2f%% of that year's High Needs Block", share)
    }
    lines += Self.continuation(carry)
    for forecast in first...last {
      lines.append(
        "    \(forecast): \(Self.money(income.value))".padded(33) + "# assumption: flat cash, the \(year) calibration")
    }
    return lines
  }

  /// The `reserve:` section.
  func reserveLines(first: FinancialYear) -> [String] {
    var lines = ["", "reserve:"]
    if let reserve = money.openingReserves[first] {
      lines.append(
        "  opening: \(Self.money(reserve.value))".padded(33)
          + "# derived: DSG balance at 31 March \(first.startYear) (\(Self.source(reserve)))")
      lines += Self.continuation(reserve.formula ?? "")
    } else {
      lines.append(
        "  opening: £0".padded(33) + "# assumption: no DSG balance % published for the end of \(first.advanced(by: -1))"
      )
    }
    if let check = money.outturnCheck { lines += Self.checkLines(check) }
    return lines
  }

  /// Comment lines comparing the outturn year's spend over the block with the deficit's growth.
  static func checkLines(_ check: OutturnCheck) -> [String] {
    let millions = { (value: Double) in String(format: "£%.1fm", value / 1_000_000) }
    let text =
      "check, outturn \(check.year): high needs spend \(money(check.spend.value)) (s251 outturn totals and the "
      + "ESFA place funding deducted: \(citation(check.spend.inputs))) − High Needs Block \(money(check.block.value ?? 0)) "
      + "(\(citation([check.block]))) = \(millions(check.over)) over the block; the DSG deficit grew "
      + "\(millions(check.deficitGrowth)) that year (reserve \(money(check.opening.value)) at 1 April \(check.year.startYear), "
      + "\(money(check.closing.value)) at 31 March \(check.year.startYear + 1), derived from the balance % as the opening reserve is); so "
      + "\(millions(check.unexplained)) of that spend was met from something these files do not show (a schools "
      + "block transfer, other blocks' balances, other income) or the lines count spend the block does not fund. "
      + "funding.other_income carries it forward (derived, flat cash), so the ledger's in-year balance is not that "
      + "much too deep; delete it there if you know it has stopped."
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.count + word.count > 92, !current.isEmpty {
        lines.append("  # " + current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append("  # " + current) }
    return lines
  }

  /// A scenario line with its comment: `# DfE file:sheet:row:column` for a figure read from one
  /// cell, else `# derived: DfE cells...` and the formula and counts on continuation lines.
  static func line(_ text: String, _ amount: MoneyAmount, suffix: String = "") -> [String] {
    guard let formula = amount.formula else {
      return [text.padded(33) + "# DfE \(amount.cells[0].source.location)" + suffix]
    }
    var lines = [text.padded(33) + "# derived: \(source(amount))" + suffix]
    lines += continuation(formula)
    for parameter in amount.parameters { lines += continuation("\(parameter.name): \(parameter.source)") }
    return lines
  }

  /// The files a figure used, `file:sheet:row:column` each.
  static func source(_ figure: MoneyAmount) -> String {
    citation(figure.cells)
  }

  /// `DfE file:sheet:row:BJ,BK,BL; DfE other-file:sheet:row:E`: the cells a figure used, those of
  /// one row together.
  static func citation(_ cells: [FinanceRecord]) -> String {
    var order: [String] = []
    var columns: [String: [String]] = [:]
    for cell in cells {
      let location = cell.source.location
      let row = "\(location.file):\(location.sheet):\(location.row)"
      if columns[row] == nil { order.append(row) }
      columns[row, default: []].append(location.column)
    }
    return order.map { "DfE \($0):" + columns[$0]!.joined(separator: ",") }.joined(separator: "; ")
  }

  /// Comment lines continuing a note, wrapped at about 60 characters.
  static func continuation(_ text: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.count + word.count > 60, !current.isEmpty {
        lines.append("".padded(33) + "#   " + current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append("".padded(33) + "#   " + current) }
    return lines
  }

  /// Whole pounds, `£38,220,068` or `-£9,345,540`.
  static func money(_ pounds: Double) -> String { FormulaText.pounds(pounds) }
}
