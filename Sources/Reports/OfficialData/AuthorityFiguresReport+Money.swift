import FinanceData
import HighNeeds
import OfficialData

extension AuthorityFiguresReport {
  /// The `money` field of `data show --format json`: allocations by year with their cells,
  /// derived opening reserves and unit costs with formulas, and England's national checks.
  static func moneyJSON(_ money: AuthorityMoney) -> JSONValue {
    func record(_ r: FinanceRecord) -> JSONValue {
      var fields: [(String, JSONValue)] = [("year", .string(r.period.description))]
      fields.append(("value", r.value.map(JSONValue.double) ?? .null))
      if let missing = r.missing { fields.append(("missing", .string(missing.description))) }
      fields.append(("source", .string(r.source.location.description)))
      return .object(fields)
    }
    func series(_ s: [FinancialYear: FinanceRecord]) -> JSONValue {
      .array(s.sorted { $0.key < $1.key }.map { record($0.value) })
    }
    func derived(_ d: DerivedFigure) -> JSONValue {
      .object([
        ("year", .string(d.period.description)), ("value", .double(d.value)), ("derived", .bool(true)),
        ("formula", .string(d.formula)), ("inputs", .array(d.inputs.map { .string($0.source.location.description) })),
      ])
    }
    var check: [(String, JSONValue)] = []
    if let c = money.outturnCheck {
      check = [
        (
          "outturnCheck",
          .object([
            ("year", .string(c.year.description)), ("spend", derived(c.spend)),
            ("highNeedsBlock", record(c.block)), ("over", .double(c.over)),
            ("deficitGrowth", .double(c.deficitGrowth)), ("unexplained", .double(c.unexplained)),
            ("reconcilingIncome", derived(c.reconcilingIncome)),
          ])
        )
      ]
    }
    return .object([
      ("highNeedsBlock", series(money.highNeedsBlock)),
      ("highNeedsBlockAfterDeductions", series(money.highNeedsBlockAfterDeductions)),
      ("totalDSG", series(money.totalDSG)), ("dsgBalancePercent", series(money.balancePercent)),
      ("openingReserves", .array(money.openingReserves.sorted { $0.key < $1.key }.map { derived($0.value) })),
      (
        "unitCosts",
        .array(
          money.unitCosts.sorted { $0.key < $1.key }.map { name, d in
            .object([("placement", .string(name)), ("cost", derived(d))])
          })
      ),
      (
        "nationalChecks",
        .array(
          money.nationalChecks.map { c in
            .object([
              ("year", .string(c.period.description)), ("file", .string(c.edition.file)),
              ("sheet", .string(c.edition.sheet)), ("england", .double(c.national)),
              ("sumOfAuthorities", .double(c.sumOfAuthorities)), ("difference", .double(c.difference)),
              ("tolerance", .double(c.tolerance)), ("passes", .bool(c.passes)),
            ])
          })
      ),
    ] + check)
  }

  /// The money blocks of the text forms.
  static func moneyBlocks(_ money: AuthorityMoney) -> [ReportBlock] {
    var table = TextTable(
      header: ["year", "HNB before deductions", "HNB after", "total DSG", "balance %", "source"],
      rightAligned: [1, 2, 3, 4])
    let years = Set(money.highNeedsBlock.keys).union(money.totalDSG.keys).union(money.balancePercent.keys).sorted()
    func cell(_ r: FinanceRecord?) -> String {
      guard let r else { return "" }
      guard let v = r.value else { return r.missing?.description ?? "missing" }
      return r.measure.unit == .pounds ? String(format: "%.3f", v / 1_000_000) : String(format: "%.2f", v)
    }
    for year in years {
      table.rows.append([
        year.description, cell(money.highNeedsBlock[year]), cell(money.highNeedsBlockAfterDeductions[year]),
        cell(money.totalDSG[year]), cell(money.balancePercent[year]),
        money.highNeedsBlock[year]?.source.location.description ?? "",
      ])
    }
    var notes = money.openingReserves.sorted { $0.key < $1.key }.map {
      "opening reserve \($0.key) (derived): \($0.value.formula)"
    }
    notes += money.unitCosts.sorted { $0.key < $1.key }.map { "unit cost \($0.key) (derived): \($0.value.formula)" }
    if let c = money.outturnCheck {
      let m = { (value: Double) in String(format: "£%.3fm", value / 1_000_000) }
      notes.append(
        "check, outturn \(c.year): spend (s251 outturn + ESFA place funding) \(m(c.spend.value)) − High Needs Block "
          + "\(m(c.block.value ?? 0)) = \(m(c.over)) over; the DSG deficit grew \(m(c.deficitGrowth)); "
          + "\(m(c.unexplained)) met from elsewhere or not block-funded (\(c.spend.formula))")
      notes.append(
        "reconciling income \(c.year) (derived, the calibration init writes as funding.other_income, flat cash "
          + "after it): \(c.reconcilingIncome.formula)")
    }
    notes += money.nationalChecks.map { ($0.passes ? "check passes: " : "CHECK FAILS: ") + $0.description }
    return [.heading("Money (DfE finance files; £m, balance as % of income)"), .table(table), .bullets(notes)]
  }
}
