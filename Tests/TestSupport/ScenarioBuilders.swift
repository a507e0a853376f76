/// Scenario text the tests build on.

/// The part of the places and lever test scenarios that they share: 1,000 plans in January
/// 2020 growing 10% a year; 50% mainstream (£5,000), 40% special (£20,000), 10% independent
/// (£50,000); a £20m allocation; no inflation.
public let smallScenarioBody = """
  authority: Testshire
  years: 2019-20 to 2022-23
  demand:
    census:
      2020: 1000
    growth: 10%
    placements:
      mainstream: 50%
      special: 40%
      independent: 10%
  costs:
    per_plan:
      mainstream: £5,000
      special: £20,000
      independent: £50,000
  funding:
    high_needs_block:
      2019-20: £20m
  """

/// A whole scenario: `smallScenarioBody` under a title, then `extra` YAML (places, levers,
/// reserve) appended as written.
public func smallScenario(title: String, extra: String = "") -> String {
  "scenario: \(title)\n" + smallScenarioBody + "\n" + extra
}
