extension Comparison {
  /// The comparison as JSON: the baseline and each option by year, with savings split into
  /// levers and other changes. Money in whole pounds.
  public var json: JSONValue {
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

  /// The comparison as CSV, one row per scenario and year (long format, for pivot tables).
  public var csv: String {
    var lines = ["scenario,file,year,actual,spend,funding,in_year_balance,reserve,saving_vs_baseline,other_changes"]
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
        lines.append(cells.map(CSV.field).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The comparison as tables in £m: in-year balance, reserve and saving by year for every
  /// scenario, then a summary with the first year in balance and the reserve at the horizon.
  public func table(style: TableStyle) -> String {
    let years = allYears
    let ledgers = [baseline] + options
    let labels = ["Baseline"] + options.indices.map { "Option \($0 + 1)" }
    func millions(_ amount: Pounds?) -> String { amount.map { FixedPoint.format($0.millions, places: 3) } ?? "n/a" }
    let writer = ReportWriter(style: style)
    var out = writer.heading("Options against the baseline (£m)")
    out += writer.bullets(ledgers.indices.map { "\(labels[$0]): \(ledgers[$0].scenario.name)" })
    for (title, value) in [
      ("Spend", { (l: Ledger, y: FinancialYear) in millions(l.entry(y)?.spend) }),
      ("In-year balance", { (l: Ledger, y: FinancialYear) in millions(l.entry(y)?.inYearBalance) }),
      ("Reserve at year end", { (l: Ledger, y: FinancialYear) in millions(l.entry(y)?.reserve) }),
    ] {
      var table = TextTable(header: ["Year"] + labels, rightAligned: Set(1...ledgers.count))
      for year in years { table.rows.append([year.description] + ledgers.map { value($0, year) }) }
      out += "\n" + writer.heading(title) + writer.table(table)
    }
    var savings = TextTable(header: ["Year"] + labels.dropFirst(), rightAligned: Set(1...max(1, options.count)))
    for year in years { savings.rows.append([year.description] + options.map { millions(saving($0, in: year)) }) }
    out += "\n" + writer.heading("Saving against the baseline (better in-year balance)") + writer.table(savings)

    var summary = TextTable(
      header: ["Scenario", "First year in balance", "Reserve at horizon", "Total saving"], rightAligned: [2, 3])
    for (index, ledger) in ledgers.enumerated() {
      summary.rows.append([
        labels[index], ledger.firstInYearBalanceYear?.description ?? "none", millions(ledger.reserveAtHorizon),
        index == 0 ? "" : millions(totalSaving(ledger)),
      ])
    }
    out += "\n" + writer.heading("Summary") + writer.table(summary)
    for (index, option) in options.enumerated() where !option.leverSavings.isEmpty {
      out +=
        "\n"
        + writer.paragraph("\(labels[index + 1]) saving by lever (attributed in the order listed) and other changes:")
      let other = years.compactMap { otherChanges(option, in: $0) }.reduce(.zero, +)
      out += writer.bullets(
        option.leverSavings.map { "\($0.name): \(millions($0.total))" } + [
          "other changes (places, funding, costs): \(millions(other))"
        ])
    }
    return out
  }

  /// The comparison as an HTML page.
  public var htmlDocument: String {
    ReportWriter.document(title: "Options against \(baseline.scenario.name)", body: table(style: .html))
  }
}
