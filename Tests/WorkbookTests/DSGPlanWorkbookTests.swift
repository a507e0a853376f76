import Testing

@testable import Workbook

/// The plan's layout, checked on the values before anything is written.
@Suite struct DSGPlanWorkbookTests {
  @Test func sixSheetsInTemplateOrder() {
    let names = DSGPlanWorkbook.build(SamplePlan.input()).sheets.map(\.name)
    #expect(
      names == [
        "Summary", "High needs financial plan", "Children and young people", "Mitigations", "Places", "Assumptions",
      ])
  }

  @Test func unmitigatedColumnsOnlyWhenLeversExist() {
    let header = { (levers: Bool) -> [String] in
      let sheet = DSGPlanWorkbook.build(SamplePlan.input(levers: levers)).sheets[0]
      return sheet.rows[DSGPlanWorkbook.headerRow].compactMap { if case .text(let t) = $0.value { t } else { nil } }
    }
    #expect(header(true).contains("Reserve at year end before mitigations"))
    #expect(header(true).contains("Reserve at year end after mitigations"))
    #expect(!header(false).contains { $0.contains("mitigations") })
    #expect(header(false).contains("Reserve at year end"))
  }

  @Test func headersFrozenAndChartsPointAtTheirTables() throws {
    let workbook = DSGPlanWorkbook.build(SamplePlan.input())
    let summary = try #require(workbook.sheet(named: "Summary"))
    #expect(summary.frozenRows == DSGPlanWorkbook.headerRow + 1)
    let reserve = try #require(summary.charts.first)
    #expect(reserve.kind == .line && reserve.series.count == 2)
    // The categories are the four year rows under the header.
    #expect(reserve.categories.firstRow == DSGPlanWorkbook.headerRow + 1)
    #expect(reserve.categories.lastRow == DSGPlanWorkbook.headerRow + 4)
    let plan = try #require(workbook.sheet(named: "High needs financial plan"))
    #expect(plan.frozenColumns == 1 && plan.frozenRows == DSGPlanWorkbook.headerRow + 2)
    let children = try #require(workbook.sheet(named: "Children and young people"))
    let plans = try #require(children.charts.first)
    #expect(
      plans.kind == .stackedArea
        && plans.series.map(\.name) == ["Mainstream", "Maintained special", "Independent special"])
    #expect(children[plans.series[2].values.firstRow, plans.series[2].values.firstColumn] == .count(180))
  }

  @Test func yearsAreTextAndMoneyIsWholePounds() throws {
    let summary = DSGPlanWorkbook.build(SamplePlan.input()).sheets[0]
    let row = DSGPlanWorkbook.headerRow + 3  // 2020-21
    #expect(summary[row, 0] == .text("2020-21"))
    #expect(summary[row, 5] == .pounds(-2_517_623))  // -2,517,622.75 rounds away from zero
    #expect(summary[row, 5].style.format.code == "£#,##0;[Red]-£#,##0")
  }

  @Test func roundedLinesAddUpToTheRoundedTotal() {
    let parts = [6_692_040.5, 24_003_351.5, 11_002_230.25]
    let rounded = RoundedLines.addingUp(parts, to: 41_697_622.25)
    #expect(rounded.reduce(0, +) == 41_697_622)
    for (line, exact) in zip(rounded, parts) { #expect(abs(line - exact) < 1) }
    #expect(rounded == [6_692_040, 24_003_352, 11_002_230])
    // Negative lines (savings) and a total that the lines do not make are left as rounded.
    #expect(RoundedLines.addingUp([10.5, -0.5], to: 10) == [11, -1])
    #expect(RoundedLines.addingUp([10.4, -0.4, 0.4], to: 10.4) == [10, 0, 0])
    #expect(RoundedLines.addingUp([1.4, 2.4], to: 100) == [1, 2])
    #expect(RoundedLines.addingUp([.nan, 2], to: 2).count == 2)
  }
}
