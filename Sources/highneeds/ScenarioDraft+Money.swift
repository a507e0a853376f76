import FinanceData
import Foundation
import HighNeeds
import OfficialData

/// The money sections `init` writes when the store holds the DfE finance files: every amount
/// cites its file, sheet, row and column, or shows its derivation with its inputs, or says it is
/// an assumption.
struct MoneyDraft {
  let money: AuthorityMoney
  /// The placement groups and the placeholder costs (2023-24 prices) of ``ScenarioDraft/unitCosts``.
  let placeholders: [(PlacementGroup, Int, String)]

  /// Whether there is enough to write a ledger from the files: a High Needs Block for some year.
  var usable: Bool { !money.highNeedsBlock.filter { $0.value.value != nil }.isEmpty }

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

  /// `costs.per_plan` lines and the `other` line, at ``priceYear`` prices.
  func costLines(priceYear: FinancialYear) -> [String] {
    var lines: [String] = []
    let deflate = pow(1.02, Double(FinancialYear(startYear: 2023).startYear - priceYear.startYear))
    for (group, placeholder, note) in placeholders {
      let recipe = AuthorityMoney.recipeGroups.first { $0.value.contains(group) }?.key
      if let recipe, let cost = money.unitCosts[recipe] {
        lines.append("    \(group.rawValue): \(Self.money(cost.value))".padded(33) + "# derived: \(Self.source(cost))")
        lines += Self.continuation(cost.formula)
        for parameter in cost.parameters { lines += Self.continuation("\(parameter.name): \(parameter.source)") }
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
    return ["  other: \(Self.money(other.value))".padded(33) + "# derived: \(Self.source(other))"]
      + Self.continuation(other.formula)
  }

  /// The `funding:` section from `first` on.
  func fundingLines(first: FinancialYear, last: FinancialYear) -> [String] {
    var lines = [
      "", "funding:", "  high_needs_block:".padded(33) + "# DfE DSG allocations, BEFORE deductions: the gross",
    ]
    lines.append("".padded(33) + "#   block, as the seed's £38.226m for Medway 2019-20 is")
    let years = money.highNeedsBlock.filter { $0.key >= first && $0.key <= last && $0.value.value != nil }
    let given = years.isEmpty ? money.highNeedsBlock.filter { $0.value.value != nil && $0.key <= first } : years
    let shown = years.isEmpty ? given.keys.max().map { [$0] } ?? [] : years.keys.sorted()
    for year in shown {
      let record = given[year]!
      lines.append("    \(year): \(Self.money(record.value ?? 0))".padded(33) + "# DfE \(record.source.location)")
    }
    let lastGiven = shown.max()
    lines.append(
      "  growth: 3%".padded(33) + "# assumption: allocation growth a year after \(lastGiven.map(\.description) ?? "")")
    let dsg = money.totalDSG.filter { $0.key >= first && $0.key <= last && $0.value.value != nil }
    if dsg.isEmpty {
      let latest = money.totalDSG.filter { $0.value.value != nil }.max { $0.key < $1.key }
      if let latest {
        lines.append(
          "  dsg_total: \(Self.money(latest.value.value ?? 0))".padded(33)
            + "# DfE \(latest.value.source.location) (\(latest.key), before deductions), for the 1% test")
      }
    } else {
      lines.append("  dsg_total:".padded(33) + "# total DSG before deductions, for the 1% test")
      for year in dsg.keys.sorted() {
        let record = dsg[year]!
        lines.append("    \(year): \(Self.money(record.value ?? 0))".padded(33) + "# DfE \(record.source.location)")
      }
      lines.append("".padded(33) + "# later years: the last given (assumption)")
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
      lines += Self.continuation(reserve.formula)
    } else {
      lines.append(
        "  opening: £0".padded(33) + "# assumption: no DSG balance % published for the end of \(first.advanced(by: -1))"
      )
    }
    return lines
  }

  /// The files a figure used, `file:sheet:row:column` each.
  static func source(_ figure: DerivedFigure) -> String {
    figure.inputs.map { "DfE \($0.source.location)" }.joined(separator: ", ")
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
  static func money(_ pounds: Double) -> String {
    let whole = Int(pounds.rounded())
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.groupingSeparator = ","
    formatter.usesGroupingSeparator = true
    let digits = formatter.string(from: NSNumber(value: abs(whole))) ?? String(abs(whole))
    return (whole < 0 ? "-£" : "£") + digits
  }
}
