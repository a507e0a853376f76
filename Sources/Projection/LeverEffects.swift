import Forecasting
import HighNeeds
import Foundation

/// What a scenario's levers do to one projected year. Outturn years are never touched: the
/// caller only asks for projected years.
struct LeverEffects {
  let scenario: Scenario

  /// True when `year` is a projection (has no outturn).
  func isProjected(_ year: FinancialYear) -> Bool { scenario.reserve.outturn[year] == nil }

  /// Plans (and their intervals) × Π(1 + change × ramp) over each demand lever's projected
  /// active years up to `year`.
  func adjustedDemand(_ point: DemandPoint, in year: FinancialYear) -> DemandPoint {
    var multiplier = 1.0
    for lever in scenario.levers {
      guard case .demandGrowth(let change) = lever.kind else { continue }
      for step in Array(lever.start...max(lever.start, year)) where step <= year && isProjected(step) {
        multiplier *= 1 + change * lever.rampFraction(in: step)
      }
    }
    guard multiplier != 1 else { return point }
    return DemandPoint(
      census: point.census, plans: point.plans * multiplier, source: point.source,
      intervals: point.intervals.map {
        PlanInterval(level: $0.level, lower: $0.lower * multiplier, upper: $0.upper * multiplier)
      })
  }

  /// Moves plans between placements, in lever order. A lever's stock in `year` is
  /// Σ plansPerYear × ramp over its projected active years so far; it moves no more than
  /// `from` holds and, when capped, no more than the spare places in `to` (capacity − demand).
  func movePlacements(_ plans: inout [Placement: Double], in year: FinancialYear) {
    for lever in scenario.levers {
      guard case .movePlacements(let from, let to, let perYear, let capped) = lever.kind, year >= lever.start else {
        continue
      }
      let last = min(year, lever.end ?? year)
      guard last >= lever.start else { continue }
      let stock = Array(lever.start...last).filter(isProjected).map { perYear * lever.rampFraction(in: $0) }.reduce(0, +)
      var moved = min(stock, plans[from] ?? 0)
      if capped, let setting = scenario.places?.settings[to] {
        moved = min(moved, max(0, setting.capacity(in: year) - (plans[to] ?? 0)))
      }
      guard moved > 0 else { continue }
      plans[from, default: 0] -= moved
      plans[to, default: 0] += moved
    }
  }

  /// The cost per plan at price-year prices after unit-cost levers: amounts added first, then
  /// percentage changes multiplied; never below zero.
  func unitCost(_ given: Pounds, placement: Placement, in year: FinancialYear) -> Pounds {
    var cost = given.value
    var multiplier = 1.0
    for lever in scenario.levers {
      guard case .unitCost(let target, let change, let isPercent) = lever.kind, target == placement else { continue }
      let ramp = lever.rampFraction(in: year)
      if isPercent { multiplier *= 1 + change * ramp } else { cost += change * ramp }
    }
    return Pounds(max(0, cost * multiplier))
  }

  /// Block transfers (× ramp) and extra funding in `year`.
  func funding(_ year: FinancialYear) -> Pounds {
    var total = Pounds.zero
    for lever in scenario.levers {
      switch lever.kind {
      case .blockTransfer(let transfer): total += transfer.amount * lever.rampFraction(in: year)
      case .extraFunding(let amounts): total += amounts[year] ?? .zero
      default: continue
      }
    }
    return total
  }

  /// One-off savings in `year`.
  func oneOffSavings(_ year: FinancialYear) -> Pounds {
    var total = Pounds.zero
    for lever in scenario.levers {
      if case .oneOffSaving(let amounts) = lever.kind { total += amounts[year] ?? .zero }
    }
    return total
  }
}
