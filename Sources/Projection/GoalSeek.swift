import Forecasting
import HighNeeds
import Foundation

/// What `solve` aims for.
public enum SolveTarget: Sendable, CustomStringConvertible {
  /// An in-year balance of zero or better in a year.
  case inYearBalance(FinancialYear)
  /// A reserve at the end of a year of at least an amount (negative for "a deficit no deeper than").
  case reserveAtLeast(Pounds, FinancialYear)

  /// Parses `in-year-balance:2024-25` or `reserve-at-least:AMOUNT:YEAR` (amount as in scenarios,
  /// such as `-£5m`).
  ///
  /// - Throws: ``ValueProblem`` describing the accepted forms.
  public init(parsing text: String) throws {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    let forms = "in-year-balance:YEAR or reserve-at-least:AMOUNT:YEAR, such as in-year-balance:2024-25"
    switch (parts.first, parts.count) {
    case ("in-year-balance", 2):
      self = .inYearBalance(try FriendlyValues.financialYear(parts[1]))
    case ("reserve-at-least", 3):
      self = .reserveAtLeast(Pounds(try FriendlyValues.money(parts[1])), try FriendlyValues.financialYear(parts[2]))
    default:
      throw ValueProblem(problem: "'\(text)' is not a target", expected: forms)
    }
  }

  /// The year the target is measured in.
  public var year: FinancialYear {
    switch self {
    case .inYearBalance(let year), .reserveAtLeast(_, let year): return year
    }
  }

  /// How far `ledger` is above the target (negative when it misses it).
  public func margin(_ ledger: Ledger) -> Pounds? {
    guard let entry = ledger.entry(year) else { return nil }
    switch self {
    case .inYearBalance: return entry.inYearBalance
    case .reserveAtLeast(let amount, _): return entry.reserve - amount
    }
  }

  /// `in-year balance in 2024-25` style text.
  public var description: String {
    switch self {
    case .inYearBalance(let year): return "in-year balance in \(year)"
    case .reserveAtLeast(let amount, let year): return "reserve of at least \(amount) at the end of \(year)"
    }
  }
}

/// The lever size that meets a target, or the best a lever can do.
public struct SolveResult: Sendable {
  /// The lever solved for.
  public let lever: Lever
  /// The size found (plans a year, a fraction, pounds: see ``Lever/size``).
  public let value: Double
  /// True when the target is met at `value`.
  public let met: Bool
  /// The target's margin at `value` (zero or more when met).
  public let margin: Pounds
  /// The range of sizes searched.
  public let bounds: ClosedRange<Double>
  /// The ledger with the lever at `value`.
  public let ledger: Ledger
}

/// Why `solve` cannot run.
public struct SolveError: Error, Sendable, CustomStringConvertible {
  /// What went wrong and what to do.
  public let description: String
}

/// Finds the size of one lever that meets a target: a bracketing search.
///
/// Method: the target's margin is evaluated at 21 evenly spaced sizes across the lever's bounds;
/// it must be monotonic there (checked, to £1), or the search stops and says so. Where the
/// margin changes sign, bisection narrows the bracket to 1e-9 of the bounds' width; the size on
/// the side that meets the target is returned, so a ledger rebuilt with it meets the target.
/// Where it never changes sign, the bound with the larger margin is reported as the best.
public enum GoalSeek {
  /// The sizes searched for each lever type.
  public static func bounds(for lever: Lever, scenario: Scenario) -> ClosedRange<Double>? {
    switch lever.kind {
    case .movePlacements: return 0...5000
    case .demandGrowth: return -0.5...0.5
    case .newPlans: return -1...0.5
    case .newPlacementShare, .ceasingRate: return -1...1
    case .unitCost(let placement, _, let isPercent):
      let cost = scenario.costs.perPlan[placement]?.value ?? 0
      return isPercent ? -1...1 : -cost...cost
    case .blockTransfer(let transfer): return transfer.isPercent ? 0...0.1 : 0...1e9
    case .extraFunding, .oneOffSaving: return nil
    }
  }

  /// Solves for the lever called `name` in `scenario`.
  ///
  /// - Throws: ``SolveError`` when there is no such lever, it has no single size, the target
  ///   year is outside the scenario or an outturn year, or the margin is not monotonic;
  ///   ``ScenarioError`` when the ledger cannot be built.
  public static func solve(
    _ scenario: Scenario, lever name: String, target: SolveTarget, forecaster: any TrendForecaster = ForecastingTrend()
  ) throws -> SolveResult {
    guard let index = scenario.levers.firstIndex(where: { $0.name == name }) else {
      let names = scenario.levers.map(\.name)
      throw SolveError(
        description:
          "no lever called '\(name)'\(Suggestion.hint(for: name, among: names)); levers: \(names.isEmpty ? "none" : names.joined(separator: ", "))"
      )
    }
    let lever = scenario.levers[index]
    guard let bounds = bounds(for: lever, scenario: scenario) else {
      throw SolveError(
        description: "lever '\(name)' (\(lever.kind.type.rawValue)) is amounts by year, not one size to solve for")
    }
    guard scenario.years.contains(target.year) else {
      throw SolveError(
        description:
          "\(target.year) is outside the scenario's years \(scenario.years.lowerBound) to \(scenario.years.upperBound)")
    }
    guard
      scenario.reserve.outturn[target.year] == nil
        || { if case .reserveAtLeast = target { return true } else { return false } }()
    else {
      throw SolveError(description: "\(target.year) is an outturn year: no lever changes it")
    }
    let projection = try Ledger.project(
      scenario, forecaster: forecaster, needed: scenario.years.lowerBound.census...scenario.years.upperBound.census)
    func ledger(_ size: Double) throws -> Ledger {
      var changed = scenario
      changed.levers[index] = lever.withSize(size)
      return try Ledger(scenario: changed, forecaster: forecaster, projection: projection, attribute: false)
    }
    func margin(_ size: Double) throws -> Double { try target.margin(ledger(size))?.value ?? -.infinity }

    let steps = 20
    let grid = (0...steps).map {
      bounds.lowerBound + (bounds.upperBound - bounds.lowerBound) * Double($0) / Double(steps)
    }
    let margins = try grid.map(margin)
    let rising = zip(margins, margins.dropFirst()).allSatisfy { $1 >= $0 - 1 }
    let falling = zip(margins, margins.dropFirst()).allSatisfy { $1 <= $0 + 1 }
    guard rising || falling else {
      throw SolveError(
        description: "the \(target) does not move one way as '\(name)' grows, so no single answer can be given")
    }
    guard
      let bracket = zip(grid.indices, grid.indices.dropFirst()).first(where: {
        (margins[$0] >= 0) != (margins[$1] >= 0)
      })
    else {
      let best = margins.indices.max { margins[$0] < margins[$1] } ?? 0
      let met = margins[best] >= 0
      return SolveResult(
        lever: lever, value: grid[best], met: met, margin: Pounds(margins[best]), bounds: bounds,
        ledger: try ledger(grid[best]))
    }
    var (low, high) = (grid[bracket.0], grid[bracket.1])
    let lowMeets = margins[bracket.0] >= 0
    let tolerance = (bounds.upperBound - bounds.lowerBound) * 1e-9
    for _ in 0..<200 where high - low > tolerance {
      let middle = (low + high) / 2
      let meets = try margin(middle) >= 0
      if meets == lowMeets { low = middle } else { high = middle }
    }
    let value = lowMeets ? low : high
    let result = try ledger(value)
    return SolveResult(
      lever: lever, value: value, met: true, margin: target.margin(result) ?? .zero, bounds: bounds, ledger: result)
  }
}
