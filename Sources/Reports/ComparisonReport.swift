import Forecasting
import Projection
import HighNeeds
/// The report of `highneeds compare`: options side by side with a baseline, each option's
/// saving split into its levers (attributed in the order listed) and other changes.
public struct ComparisonReport: Report {
  /// The comparison.
  public let comparison: Comparison

  /// The report of `comparison`.
  public init(_ comparison: Comparison) { self.comparison = comparison }

  public var title: String { "Options against \(comparison.baseline.scenario.name)" }

  public func json() -> JSONValue { comparison.reportJSON }
  public func csv() -> CSVDocument { comparison.reportCSV }
  public func blocks() -> [ReportBlock] { comparison.reportBlocks }
  /// The page with the options chart first.
  public func htmlPage() -> String? { LedgerPage.html(comparison) }
}

extension Comparison {
  /// The comparison as JSON: the baseline and each option by year, with savings split into
  /// levers and other changes. Money in whole pounds.
  var reportJSON: JSONValue {
    func yearRows(_ ledger: Ledger, savings: Bool) -> JSONValue {
      .array(
        ledger.years.map { year in
          var pairs: [(String, JSONValue)] = [
            ("year", .string(year.year.description)),
            ("spend", .pounds(year.spend)),
            ("funding", .pounds(year.funding)),
            ("inYearBalance", .pounds(year.inYearBalance)),
            ("reserve", .pounds(year.reserve)),
            ("actual", .bool(year.actual)),
          ]
          if savings {
            pairs.append(("saving", .pounds(saving(ledger, in: year.year))))
            pairs.append(("otherChanges", .pounds(otherChanges(ledger, in: year.year))))
          }
          return .object(pairs)
        })
    }
    func summary(_ ledger: Ledger) -> [(String, JSONValue)] {
      [
        ("scenario", .string(ledger.scenario.name)),
        ("file", .string(ledger.scenario.location(of: "").file)),
        ("firstInYearBalanceYear", ledger.firstInYearBalanceYear.map { .string($0.description) } ?? .null),
        ("reserveAtHorizon", .pounds(ledger.reserveAtHorizon)),
      ]
    }
    return .object([
      ("baseline", .object(summary(baseline) + [("years", yearRows(baseline, savings: false))])),
      (
        "options",
        .array(
          options.map { option in
            .object(
              summary(option) + [
                ("totalSaving", .pounds(totalSaving(option))),
                ("years", yearRows(option, savings: true)),
                ("levers", option.leversJSON),
              ])
          })
      ),
    ])
  }

  /// The comparison as CSV, one row per scenario and year (long format, for pivot tables),
  /// then a `saving_<lever name>` column for every lever of any option (empty where the row's
  /// option has no such lever, and for the baseline).
  var reportCSV: CSVDocument {
    var leverNames: [String] = []
    for option in options {
      for saving in option.leverSavings where !leverNames.contains(saving.name) { leverNames.append(saving.name) }
    }
    var document = CSVDocument(
      header: [
        "scenario", "file", "year", "actual", "spend", "funding", "in_year_balance", "reserve", "saving_vs_baseline",
        "other_changes",
      ] + leverNames.map { "saving_\($0)" })
    for ledger in [baseline] + options {
      let isBaseline =
        ledger.scenario.location(of: "") == baseline.scenario.location(of: "")
        && ledger.years.count == baseline.years.count
      for year in ledger.years {
        func money(_ amount: Pounds?) -> String { amount.map { String($0.wholePounds) } ?? "" }
        let cells = [
          ledger.scenario.name, ledger.scenario.location(of: "").file, year.year.description, String(year.actual),
          money(year.spend), money(year.funding), money(year.inYearBalance), money(year.reserve),
          isBaseline ? "" : money(saving(ledger, in: year.year)),
          isBaseline ? "" : money(otherChanges(ledger, in: year.year)),
        ]
        let levers = leverNames.map { name -> String in
          guard !isBaseline, let saving = ledger.leverSavings.first(where: { $0.name == name }) else { return "" }
          return money(saving.byYear[year.year])
        }
        document.rows.append(cells + levers)
      }
    }
    return document
  }

  /// The comparison as tables in £m: in-year balance, reserve and saving by year for every
  /// scenario, then a summary with the first year in balance and the reserve at the horizon.
  var reportBlocks: [ReportBlock] {
    let years = allYears
    let ledgers = [baseline] + options
    let labels = ["Baseline"] + options.indices.map { "Option \($0 + 1)" }
    func millions(_ amount: Pounds?) -> String { amount.map { FixedPoint.format($0.millions, places: 3) } ?? "n/a" }
    var blocks: [ReportBlock] = [
      .heading("Options against the baseline (£m)"),
      .bullets(ledgers.indices.map { "\(labels[$0]): \(ledgers[$0].scenario.name)" }),
    ]
    for (title, value) in [
      ("Spend", { (l: Ledger, y: FinancialYear) in millions(l.entry(y)?.spend) }),
      ("In-year balance", { (l: Ledger, y: FinancialYear) in millions(l.entry(y)?.inYearBalance) }),
      ("Reserve at year end", { (l: Ledger, y: FinancialYear) in millions(l.entry(y)?.reserve) }),
    ] {
      var table = TextTable(header: ["Year"] + labels, rightAligned: Set(1...ledgers.count))
      for year in years { table.rows.append([year.description] + ledgers.map { value($0, year) }) }
      blocks += [.gap, .heading(title), .table(table)]
    }
    var savings = TextTable(header: ["Year"] + labels.dropFirst(), rightAligned: Set(1...max(1, options.count)))
    for year in years { savings.rows.append([year.description] + options.map { millions(saving($0, in: year)) }) }
    blocks += [.gap, .heading("Saving against the baseline (better in-year balance)"), .table(savings)]

    var summary = TextTable(
      header: ["Scenario", "First year in balance", "Reserve at horizon", "Total saving"], rightAligned: [2, 3])
    for (index, ledger) in ledgers.enumerated() {
      summary.rows.append([
        labels[index], ledger.firstInYearBalanceYear?.description ?? "none", millions(ledger.reserveAtHorizon),
        index == 0 ? "" : millions(totalSaving(ledger)),
      ])
    }
    blocks += [.gap, .heading("Summary"), .table(summary)]
    for (index, option) in options.enumerated() where !option.leverSavings.isEmpty {
      blocks += [
        .gap, .paragraph("\(labels[index + 1]) saving by lever (attributed in the order listed) and other changes:"),
      ]
      let other = years.compactMap { otherChanges(option, in: $0) }.reduce(.zero, +)
      blocks.append(
        .bullets(
          option.leverSavings.map { "\($0.name): \(millions($0.total))" } + [
            "other changes (places, funding, costs): \(millions(other))"
          ]))
    }
    return blocks
  }
}
