import Forecasting
import HighNeeds
import Foundation

/// What a scenario's levers do to one projected year. Outturn years are never touched: the
/// caller only asks for projected years.
struct LeverEffects {
  let scenario: Scenario

  /// True when `year` is a projection (has no outturn).
  func isProjected(_ year: FinancialYear) -> Bool { scenario.reserve.outturn[year] == nil }

  /// Π(1 + change × ramp) over each `demand_growth` lever's projected active years up to `year`.
  func demandMultiplier(in year: FinancialYear) -> Double {
    var multiplier = 1.0
    for lever in scenario.levers {
      guard case .demandGrowth(let change) = lever.kind else { continue }
      for step in Array(lever.start...max(lever.start, year)) where step <= year && isProjected(step) {
        multiplier *= 1 + change * lever.rampFraction(in: step)
      }
    }
    return multiplier
  }

  /// Plans (and their intervals) × ``demandMultiplier(in:)``.
  func adjustedDemand(_ point: DemandPoint, in year: FinancialYear) -> DemandPoint {
    let multiplier = demandMultiplier(in: year)
    guard multiplier != 1 else { return point }
    return DemandPoint(
      census: point.census, plans: point.plans * multiplier, source: point.source,
      intervals: point.intervals.map {
        PlanInterval(level: $0.level, lower: $0.lower * multiplier, upper: $0.upper * multiplier)
      })
  }

  /// The `move_placements` levers active in `year`, in lever order: a lever's stock is
  /// Σ plansPerYear × ramp over its projected active years so far. ``YearCostModel`` moves no
  /// more than `from` holds and, when the lever is capped, no more than the spare places in
  /// `to` (`capacity` − demand).
  func moves(in year: FinancialYear) -> [(from: Placement, to: Placement, stock: Double, capacity: Double?)] {
    var moves: [(from: Placement, to: Placement, stock: Double, capacity: Double?)] = []
    for lever in scenario.levers {
      guard case .movePlacements(let from, let to, let perYear, let capped) = lever.kind, year >= lever.start else {
        continue
      }
      let last = min(year, lever.end ?? year)
      guard last >= lever.start else { continue }
      let stock = Array(lever.start...last).filter(isProjected).map { perYear * lever.rampFraction(in: $0) }.reduce(0, +)
      let capacity = capped ? scenario.places?.settings[to].map { $0.capacity(in: year) } : nil
      moves.append((from, to, stock, capacity))
    }
    return moves
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
