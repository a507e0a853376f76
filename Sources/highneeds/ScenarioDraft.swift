import Foundation
import HighNeeds
import ScenarioFiles
import OfficialData

/// The text of a scenario for one authority written from the official-data store (`init`).
///
/// Demand is the store's: every census count cites its release, file and line, and the
/// placement mix is the latest census's. The store has no money, so every amount is an
/// assumption marked `PLACEHOLDER` with a note saying what to put there; the placeholders are
/// valid amounts (the loader refuses a zero allocation), chosen so the first year roughly
/// balances, not figures for the authority.
struct ScenarioDraft {
  /// Placeholder unit costs at 2023-24 prices, with where each comes from.
  static let unitCosts: [(PlacementGroup, Int, String)] = [
    (.mainstream, 8_000, "assumption: top-up above the £6,000 a mainstream school meets itself (element 2)"),
    (.resourcedProvision, 14_000, "assumption: no published average for resourced provision / SEN units"),
    (
      .maintainedSpecial, 26_000,
      "DfE parliamentary answer (PQ 50389): maintained special schools and academies, 2023-24"
    ),
    (
      .independentSpecial, 63_000,
      "DfE parliamentary answer (PQ 50389): non-maintained and independent special, 2023-24"
    ),
    (.alternativeProvision, 18_000, "assumption: AP place funding plus a top-up"),
    (.post16, 9_000, "assumption: element 2 £6,000 plus a £3,000 top-up (no published average)"),
    (.elsewhere, 5_000, "assumption: no published figure"),
    (.neetOther, 5_000, "assumption: NEET, early years and other arrangements; no published figure"),
  ]

  let figures: AuthorityFigures
  /// The census series used (the authority's own, or its lineage group's).
  let census: [Int: OfficialCount]
  /// Plans by placement group at each census (the authority's, or its successors' added up).
  let placements: [Int: [PlacementGroup: OfficialCount]]
  /// The name written as `authority:`.
  let name: String
  /// Financial years after the base year to project.
  let horizon: Int
  /// The DfE finance figures for the authority (or its reorganisation group), when the store
  /// has them.
  var money: ScenarioMoney? = nil

  /// The scenario text, or nil (with a reason) when the store has too little to write one.
  func text() throws -> String {
    let published = census.filter { $0.value.value != nil }
    guard let latest = published.keys.max(), let latestCount = published[latest]?.value else {
      throw Failure.dataInvalid("\(name): the store has no published census count to write a scenario from")
    }
    let base = CensusYear(latest).financialYear
    let last = FinancialYear(startYear: base.startYear + horizon)
    // The mix of the latest census with placements published (Hackney and Peterborough gave
    // totals only in 2024; a later year may do the same).
    let placedYears = placements.filter { $0.value.contains { $0.key != .unknown && ($0.value.value ?? 0) > 0 } }
    let mixYear = placedYears.keys.filter { $0 <= latest }.max() ?? latest
    let (placementLines, costLines, placedSpend, placed) = try mix(latestCensus: mixYear)
    // Plans with no placement recorded are placed as the others are (the shares leave them out);
    // the latest census's plans at the mix's costs per plan.
    let spend = placedSpend * Double(latestCount) / Double(placed)
    let allocation = max(100_000, (spend / 100_000).rounded() * 100_000)
    let draft = money.map { MoneyDraft(money: $0, placeholders: ScenarioDraft.unitCosts) }.flatMap { $0.usable ? $0 : nil }
    if let draft { return try moneyText(draft, latest: latest, latestCount: latestCount, mixYear: mixYear) }
    var lines = header(latest: latest)
    lines += [
      "scenario: \(quoted(name + " high needs on SEN2 counts (money: placeholders)"))",
      "authority: \(quoted(name))",
      "years: \(base) to \(last)".padded(33) + "# assumption: the latest census's financial year and \(horizon) more",
      "",
      "demand:",
    ]
    lines += demandLines(latest: latest, latestCount: latestCount, placementLines: placementLines)
    lines += ["", "costs:"]
    lines.append("  price_year: 2023-24".padded(33) + "# assumption: the unit costs below are 2023-24 prices")
    lines.append("  per_plan:".padded(33) + "# PLACEHOLDER unit costs: replace with the authority's own")
    lines += costLines
    lines.append("  inflation: 2%".padded(33) + "# assumption: cost inflation a year from 2023-24")
    lines.append("  other: £0".padded(33) + "# PLACEHOLDER: high needs spend not tied to a plan (not in the store)")
    lines += [
      "", "funding:", "  high_needs_block:",
      "    \(base): \(money(allocation))".padded(33) + "# PLACEHOLDER: not in the store. Set to the modelled spend",
      "".padded(33) + "#   of the plans above at the placeholder costs, so \(base) roughly",
      "".padded(33) + "#   balances; replace with the DfE DSG allocation (after deductions)",
      "  growth: 3%".padded(33) + "# assumption: allocation growth a year after \(base)",
      "  dsg_total: \(money(allocation * 6))".padded(33)
        + "# PLACEHOLDER: 6 x the High Needs Block placeholder; replace",
      "".padded(33) + "#   with the authority's total DSG (for the 1% test)",
      "", "reserve:",
      "  opening: £0".padded(33) + "# PLACEHOLDER: the DSG reserve at 1 April \(base.startYear) (negative: deficit)",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// The scenario with its money from the DfE finance files in the store.
  private func moneyText(_ draft: MoneyDraft, latest: Int, latestCount: Int, mixYear: Int) throws -> String {
    let base = CensusYear(latest).financialYear
    let last = FinancialYear(startYear: base.startYear + horizon)
    let first = draft.firstYear(base: base)
    let (placementLines, _, _, _) = try mix(latestCensus: mixYear)
    var lines = header(latest: latest, money: true)
    lines += [
      "scenario: \(quoted(name + " high needs on SEN2 counts and DfE finance files"))",
      "authority: \(quoted(name))",
      "years: \(first) to \(last)".padded(33)
        + "# from the year the DfE files give an opening reserve (or allocation); assumption: \(horizon) years",
      "".padded(33) + "#   after the latest census's financial year (\(base))",
      "",
      "demand:",
    ]
    lines += demandLines(latest: latest, latestCount: latestCount, placementLines: placementLines)
    let price = draft.priceYear ?? FinancialYear(startYear: 2023)
    lines += ["", "costs:"]
    lines.append(
      "  price_year: \(price)".padded(33)
        + (draft.priceYear == nil ? "# assumption: the placeholder costs' prices" : "# \(draft.priceYearNote)"))
    lines.append("  per_plan:".padded(33) + "# cost per plan a year: s251 outturn lines / SEN2 plans")
    lines += draft.costLines(priceYear: price)
    lines.append("  inflation: 2%".padded(33) + "# assumption: cost inflation a year from \(price)")
    lines += draft.otherLine()
    lines += draft.fundingLines(first: first, last: last)
    lines += draft.reserveLines(first: first)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The `demand:` body: census counts with their sources, the model and the placement shares.
  private func demandLines(latest: Int, latestCount: Int, placementLines: [String]) -> [String] {
    var lines = ["  census:".padded(33) + "# SEN2: statements (to 2014) and EHC plans at January"]
    for year in census.keys.sorted() {
      let count = census[year]!
      if let value = count.value {
        lines.append("    \(year): \(value)".padded(33) + "# \(count.source)")
      } else {
        lines.append("    # \(year): not published (\(count.missingCode ?? "")) in the \(count.source)")
      }
      if let note = figures.breaks[year] { lines.append("    # break: \(note)") }
    }
    lines.append("  model: auto".padded(33) + "# assumption: let the forecasting module choose the trend")
    lines.append(
      "  placements:".padded(33)
        + "# share by placement group at January \(latest) (\(grouped(latest)) of \(latestCount))")
    return lines + placementLines
  }

  private func header(latest: Int, money: Bool = false) -> [String] {
    guard money else { return header(latest: latest) }
    let releases = figures.releases.map { "\($0.name) (\($0.archive))" }.joined(separator: ", ")
    return [
      "# \(name): SEND high needs, written by `highneeds init` from the official-data store.",
      "#",
      "# Demand: the DfE's SEN2 counts (\"Education, health and care plans\"; store releases: \(releases)).",
      "# Each count cites its release, file and line. Where releases overlap the newer is used.",
      "# Money: the DfE finance files in the store. Each amount cites file:sheet:row:column, or is",
      "# derived (formula and inputs shown), or is marked as an assumption. Amounts are rounded to",
      "# the pound.",
      "#",
      "# Run:  highneeds run THIS-FILE.yaml",
      "",
    ]
  }

  private func header(latest: Int) -> [String] {
    let releases = figures.releases.map { "\($0.name) (\($0.archive))" }.joined(separator: ", ")
    return [
      "# \(name): SEND high needs, written by `highneeds init` from the official-data store.",
      "#",
      "# Demand: the DfE's SEN2 counts (\"Education, health and care plans\"; store releases: \(releases)).",
      "# Each count cites its release, file and line. Where releases overlap the newer is used.",
      "# Money: the store has none. Every amount is a PLACEHOLDER (an assumption) with a note: replace",
      "# them with the authority's High Needs Block allocation, outturns and unit costs before relying",
      "# on the ledger. Everything else not from the store is marked as an assumption.",
      "#",
      "# Run:  highneeds run THIS-FILE.yaml",
      "",
    ]
  }

  private func grouped(_ year: Int) -> String {
    let groups = placements[year] ?? [:]
    let known = groups.filter { $0.key != .unknown }.compactMap(\.value.value).reduce(0, +)
    return "\(known) placed"
  }

  /// The placement lines, the cost lines, the modelled spend of the placed plans at the
  /// placeholder costs (at 2024-25 prices: 2023-24 plus 2%) and the number of placed plans.
  private func mix(latestCensus year: Int) throws -> ([String], [String], Double, Int) {
    let groups = (placements[year] ?? [:]).filter { $0.key != .unknown }
    let counts = ScenarioDraft.unitCosts.map { (group, cost, note) in (group, groups[group]?.value ?? 0, cost, note) }
    let total = counts.map(\.1).reduce(0, +)
    let source = groups.values.first.map { "\($0.source.release) release, \($0.source.member)" } ?? "no release"
    guard total > 0 else {
      // No placements published: a whole-plan mix cannot be read, so say so.
      throw Failure.dataInvalid(
        "\(name): the store has no placements for January \(year); write the placements by hand")
    }
    // Shares in hundredths of a percent that add up to exactly 100% (largest remainder).
    let exact = counts.map { Double($0.1) * 10_000 / Double(total) }
    var hundredths = exact.map { Int($0.rounded(.down)) }
    let order = exact.indices.sorted { exact[$0] - Double(hundredths[$0]) > exact[$1] - Double(hundredths[$1]) }
    for index in order.prefix(10_000 - hundredths.reduce(0, +)) { hundredths[index] += 1 }
    var placementLines: [String] = []
    var costLines: [String] = []
    var spend = 0.0
    for (index, (group, count, cost, note)) in counts.enumerated() {
      let share = String(format: "%d.%02d%%", hundredths[index] / 100, hundredths[index] % 100)
      placementLines.append(
        "    \(group.rawValue): \(share)".padded(33) + "# \(group.label): \(count) / \(total) (\(source))")
      costLines.append("    \(group.rawValue): \(money(Double(cost)))".padded(33) + "# \(note)")
      spend += Double(count) * Double(cost) * 1.02
    }
    if let unknown = (placements[year] ?? [:])[.unknown]?.value, unknown > 0 {
      placementLines.append("    # \(unknown) plans with no placement recorded are left out of the shares (assumption:")
      placementLines.append("    #   they are placed as the others are)")
    }
    return (placementLines, costLines, spend, total)
  }

  private func money(_ pounds: Double) -> String {
    let whole = Int(pounds.rounded())
    if whole >= 1_000_000, whole % 100_000 == 0 { return String(format: "£%.1fm", Double(whole) / 1_000_000) }
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.groupingSeparator = ","
    formatter.usesGroupingSeparator = true
    return "£" + (formatter.string(from: NSNumber(value: whole)) ?? String(whole))
  }

  private func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}

extension String {
  /// The string padded with spaces to `width` (one space at least, so a comment can follow).
  func padded(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
