import HighNeeds
/// Checks that need more than one section: do the years, census counts, funding and
/// calibration fit together?
struct ScenarioChecks {
  let reader: NodeReader
  let scenario: Scenario
  let top: MappingView

  /// True when a value under `field` was already reported: a check built on it would only
  /// repeat that problem in other words.
  private func alreadyReported(_ field: String) -> Bool {
    reader.issues.contains { $0.field == field || $0.field.hasPrefix(field + ".") }
  }

  func run() {
    let years = scenario.years
    let firstCensus = scenario.demand.census.keys.min()
    if let firstCensus, years.lowerBound.census < firstCensus, let node = top.value("years") {
      reader.report(
        node,
        "\(years.lowerBound) uses the January \(years.lowerBound.census) census, earlier than the first count given (\(firstCensus))",
        expected:
          "a first year of \(firstCensus.financialYear) or later, or a census count for \(years.lowerBound.census)")
    }

    if let firstAllocation = scenario.funding.highNeedsBlock.keys.min(), !alreadyReported("funding.high_needs_block") {
      let unfunded = scenario.financialYears.filter { $0 < firstAllocation && scenario.reserve.outturn[$0] == nil }
      if let year = unfunded.first {
        reader.report(
          at: mark("funding.high_needs_block"), field: "funding.high_needs_block",
          "no allocation for \(year) (the first given is \(firstAllocation)) and no outturn for it",
          expected: "an allocation for \(year), an outturn in reserve.outturn, or a first year of \(firstAllocation)")
      }
    }

    if let year = scenario.calibrate, let node = top.value("calibrate") {
      if !years.contains(year) {
        reader.report(
          node, "\(year) is outside the scenario's years",
          expected: "a year from \(years.lowerBound) to \(years.upperBound)")
      } else if scenario.reserve.outturn[year] == nil, !alreadyReported("reserve.outturn") {
        reader.report(
          node, "no outturn for \(year) to calibrate against",
          expected: "an outturn for \(year) under reserve.outturn (calibration matches that year's actual spend)")
      } else if scenario.funding.highNeedsBlock.keys.allSatisfy({ $0 > year }),
        !alreadyReported("funding.high_needs_block")
      {
        reader.report(
          node, "the allocation for \(year) is unknown, so its actual spend is unknown",
          expected: "funding.high_needs_block for \(year) or earlier")
      }
    }
  }

  /// The mark of a field, from the locations the section readers recorded.
  private func mark(_ field: String) -> SourceLocation {
    scenario.location(of: field)
  }
}
