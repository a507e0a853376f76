import HighNeeds

extension SectionReader {
  static let uncertaintyKeys = [
    "unit_cost_inflation", "unit_cost_inflation_by_setting", "high_needs_block_growth", "national_shock",
  ]
  /// The largest standard deviation of an annual rate accepted (25 points a year).
  static let largestRateDeviation = 0.25

  /// Reads `uncertainty:`, the inputs the Monte Carlo draws besides demand (all optional):
  ///
  /// ```yaml
  /// uncertainty:
  ///   unit_cost_inflation: 1%            # sd of each year's inflation, common to every setting
  ///   unit_cost_inflation_by_setting:    # settings that inflate on their own
  ///     independent_special: {2021-22: 2%, 2022-23: 3%}
  ///   high_needs_block_growth: 1.5%      # sd of each grown year's allocation growth
  ///   national_shock: 60%                # share of each authority's error common to all
  /// ```
  ///
  /// A standard deviation is one rate for every year or a mapping by financial year.
  /// `costed` names the placements with a cost; `authorities` tells whether the scenario has
  /// `demand.authorities` (a national shock needs them).
  func uncertainty(
    _ value: Located, costed: [String]?, authorities: Bool, locations: inout [String: SourceLocation]
  ) -> UncertaintySpec {
    guard
      let map = reader.mapping(
        value,
        expected:
          "a mapping with unit_cost_inflation, unit_cost_inflation_by_setting, high_needs_block_growth and national_shock"
      )
    else { return .none }
    map.rejectUnknownKeys(allowed: Self.uncertaintyKeys)
    for entry in map.entries { locations[entry.value.path] = reader.location(entry.value.mark) }
    var spec = UncertaintySpec()
    if let node = map.value("unit_cost_inflation") {
      spec.unitCostInflation = deviations(node, what: "unit-cost inflation") ?? [:]
    }
    if let node = map.value("unit_cost_inflation_by_setting"),
      let settings = reader.mapping(node, expected: "standard deviations by setting, such as independent_special: 2%")
    {
      for entry in settings.entries {
        if let costed, !costed.contains(entry.key) {
          reader.report(
            at: entry.keyMark, field: entry.value.path,
            "setting '\(entry.key)' has no cost in costs.per_plan\(Suggestion.hint(for: entry.key, among: costed))",
            expected: "one of: \(costed.joined(separator: ", "))")
          continue
        }
        if let read = deviations(entry.value, what: "unit-cost inflation of \(entry.key)") {
          spec.unitCostInflationBySetting[Placement(entry.key)] = read
        }
      }
    }
    if let node = map.value("high_needs_block_growth") {
      spec.highNeedsBlockGrowth = deviations(node, what: "High Needs Block growth") ?? [:]
    }
    if let node = map.value("national_shock") {
      spec.nationalShock = nationalShock(node, authorities: authorities)
    }
    return spec
  }

  /// A standard deviation for every ledger year, or a mapping of them by financial year.
  private func deviations(_ value: Located, what: String) -> [FinancialYear: Double]? {
    if case .mapping = value.node {
      return byFinancialYear(
        value, expected: "standard deviations by financial year, such as 2021-22: 1%",
        twice: "a standard deviation for %@ is given twice"
      ) { deviation($0, what: what) }
    }
    guard let sd = deviation(value, what: what), let years else { return nil }
    return Dictionary(uniqueKeysWithValues: Array(years.lowerBound...years.upperBound).map { ($0, sd) })
  }

  /// One standard deviation of an annual rate, from 0 to ``largestRateDeviation``.
  private func deviation(_ value: Located, what: String) -> Double? {
    guard let sd = reader.scalar(value, expected: FriendlyValues.shareForms, FriendlyValues.share) else { return nil }
    guard (0...Self.largestRateDeviation).contains(sd) else {
      reader.report(
        value,
        "a standard deviation of \(FixedPoint.format(sd * 100, places: 1)) points a year for \(what) is out of range",
        expected:
          "from 0% to \(FixedPoint.format(Self.largestRateDeviation * 100, places: 0))% a year, such as 1%")
      return nil
    }
    return sd
  }

  /// The share of each authority's forecast error common to all: 0% to 100%, with authorities.
  private func nationalShock(_ value: Located, authorities: Bool) -> Double? {
    guard let share = reader.scalar(value, expected: FriendlyValues.shareForms, FriendlyValues.share) else {
      return nil
    }
    guard (0...1).contains(share) else {
      reader.report(
        value, "a common share of \(FixedPoint.format(share * 100, places: 1))% is out of range",
        expected: "from 0% (authorities independent) to 100% (all at the same quantile)")
      return nil
    }
    guard authorities else {
      reader.report(
        value, "a national shock needs several authorities, and this scenario has none under demand.authorities",
        expected: "demand.authorities with each authority's census series, or no national_shock")
      return nil
    }
    return share
  }
}
