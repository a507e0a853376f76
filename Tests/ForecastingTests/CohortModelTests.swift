import Foundation
import Testing

@testable import Forecasting

/// The cohort-flow model on small hand-made arrays: the identity, one step of the flow
/// equations against a hand calculation, and the simulation's determinism.
struct CohortModelTests {
  /// A four-census history: stocks grow by flows the test states, plus a known residual.
  static func history() -> CohortHistory {
    // Opening 2020: 50, 600, 500, 400, 120. Flows 2020: new 40, 60, 30, 5, 0; ceased 2, 10, 10, 60, 20.
    var stock: [Int: [Double]] = [2020: [50, 600, 500, 400, 120]]
    var made: [Int: [Double]] = [:]
    var ended: [Int: [Double]] = [:]
    for year in 2020...2023 {
      let s = stock[year]!
      let n: [Double] = [40, 60 + Double(year - 2020) * 5, 30, 5, 0]
      let c: [Double] = [2, 10, 10, 60, 20]
      // Hand ageing: 1/5, 1/6, 1/5, 1/4 move up; nobody leaves the top band by ageing.
      let out: [Double] = [s[0] / 5, s[1] / 6, s[2] / 5, s[3] / 4, 0]
      let inn: [Double] = [0, out[0], out[1], out[2], out[3]]
      // A residual of +3 plans in every band.
      var next: [Double] = []
      for b in 0..<5 {
        let kept: Double = s[b] - c[b] - out[b]
        next.append(kept + inn[b] + n[b] + 3)
      }
      stock[year + 1] = next
      made[year] = n
      ended[year] = c
    }
    return CohortHistory(stock: stock, newPlans: made, ceased: ended)
  }

  /// The identity recovers the residual the history was built with (3 in every band and year)
  /// and closes: explained + residual == closing to 1e-9 (counts in the hundreds: rounding is ~1e-13).
  @Test func identityRecoversResidual() {
    let rows = Self.history().identity()
    #expect(rows.count == 4 * 5)
    for row in rows {
      #expect(abs(row.residual - 3) < 1e-9)
      #expect(abs(row.explained + row.residual - row.closing) < 1e-9)
      #expect(!row.ceasedAllocated)
    }
    let first = rows.first { $0.year == 2020 && $0.band == .age11to15 }!
    #expect(abs(first.agedIn - 100) < 1e-12)  // 600 / 6
    #expect(abs(first.agedOut - 100) < 1e-12)  // 500 / 5
  }

  /// Without ceased by age, the total is shared out by opening stock and flagged.
  @Test func ceasedTotalIsAllocatedAndFlagged() {
    var h = Self.history()
    h.ceased[2021] = nil
    h.ceasedTotal[2021] = 102
    let rows = h.identity().filter { $0.year == 2021 }
    #expect(rows.count == 5)
    #expect(rows.allSatisfy { $0.ceasedAllocated })
    #expect(abs(rows.map(\.ceased).reduce(0, +) - 102) < 1e-9)
  }

  /// One central step against a hand calculation with two placements.
  @Test func centralStepMatchesHandCalculation() throws {
    let h = Self.history()
    let start: [[Double]] = h.stock[2024]!.map { [$0 * 0.75, $0 * 0.25] }
    let mix: [[Double]] = Array(repeating: [1, 1], count: 5)
    let model = try CohortModel(
      history: h, placements: ["a", "b"], startYear: 2024, start: start, newPlanMix: mix, fitFrom: 2020, horizon: 2)
    // Ceasing rates are ceased / opening averaged over 2020-2023; residual rates 3 / opening.
    let s = h.stock[2024]!
    let path = model.centralPath(years: 1)
    for b in 0..<5 {
      let band = CohortBand(rawValue: b)!
      let c = model.ceasing[b].mean
      let r = model.residual[b].mean
      let inflow = b == 0 ? 0 : s[b - 1] * CohortBand(rawValue: b - 1)!.ageingShare
      let n = model.newPlans[b].points[0].mean
      // Band b, placement a: 75% of stock and movers (stock mix), 50% of new plans.
      let expected = s[b] * 0.75 * (1 - c - band.ageingShare + r) + inflow * 0.75 + n * 0.5
      #expect(abs(path[0][b][0] - expected) < 1e-9 * max(1, expected))
    }
    // New plans in band 5-10 grow by 5 a year exactly: the linear trend gives 80 for 2024.
    #expect(abs(model.newPlans[1].points[0].mean - 80) < 1e-9)
  }

  /// Same seed, same figures; intervals are ordered and hold the mean.
  @Test func simulationIsSeededAndOrdered() throws {
    let h = Self.history()
    let start: [[Double]] = h.stock[2024]!.map { [$0] }
    let model = try CohortModel(
      history: h, placements: ["all"], startYear: 2024, start: start, newPlanMix: start, fitFrom: 2020, horizon: 3)
    let one = model.simulate(years: 3, paths: 200, seed: 7)
    let two = model.simulate(years: 3, paths: 200, seed: 7)
    #expect(one.years.map(\.total.mean) == two.years.map(\.total.mean))
    for year in one.years {
      let (lo80, hi80) = year.total.bounds[0]
      let (lo95, hi95) = year.total.bounds[1]
      #expect(lo95 <= lo80 && lo80 <= year.total.mean && year.total.mean <= hi80 && hi80 <= hi95)
    }
  }
}

/// Levers on the cohort flows.
struct CohortFlowLeverTests {
  /// Halving new plans from 2026 on (start 2024, so flows 2024 and 2025 are untouched): the
  /// 2030 stock falls by the halved plans carried through a band-level recursion written
  /// here, `D_b(t+1) = D_b(t)(1 − c_b − u_b + r_b) + u_{b−1} D_{b−1}(t) + 0.5 N_b(t)` for
  /// flow years 2026-2029. The model is linear in new plans and nothing is clamped at 0 on
  /// this history, so the two agree to rounding: 1e-9 relative.
  @Test func halvingNewPlansFrom2026MatchesHandRecursion() throws {
    let h = CohortModelTests.history()
    let start: [[Double]] = h.stock[2024]!.map { [$0 * 0.6, $0 * 0.4] }
    let model = try CohortModel(
      history: h, placements: ["a", "b"], startYear: 2024, start: start, newPlanMix: start, fitFrom: 2020, horizon: 6)
    let lever = CohortFlowLever(flow: .newPlans, factor: 0.5, start: 2026)
    let base = model.centralPath(years: 6)
    let halved = model.centralPath(years: 6, levers: [lever])
    // Census 2030 is index 2030 - 2024 - 1 = 5.
    let baseTotal = base[5].flatMap { $0 }.reduce(0, +)
    let halvedTotal = halved[5].flatMap { $0 }.reduce(0, +)
    var d = [Double](repeating: 0, count: 5)
    for flowYear in 2026...2029 {
      let k = flowYear - 2024
      var next = d
      for b in 0..<5 {
        let band = CohortBand(rawValue: b)!
        let keep = 1 - model.ceasing[b].mean - band.ageingShare + model.residual[b].mean
        let inflow = b == 0 ? 0 : d[b - 1] * CohortBand(rawValue: b - 1)!.ageingShare
        next[b] = d[b] * keep + inflow + 0.5 * model.newPlans[b].points[k].mean
      }
      d = next
    }
    let expected = d.reduce(0, +)
    #expect(expected > 50)
    #expect(abs((baseTotal - halvedTotal) - expected) < 1e-9 * expected)
    // 2025 and 2026 censuses (flows 2024, 2025) are untouched.
    #expect(base[0] == halved[0] && base[1] == halved[1])
  }

  /// A three-year ramp: a third, two thirds, then full; nothing after the end.
  @Test func rampAndEnd() {
    let lever = CohortFlowLever(flow: .newPlans, factor: 0.4, start: 2026, end: 2029, rampYears: 3)
    #expect(lever.multiplier(in: 2025) == 1)
    #expect(abs(lever.multiplier(in: 2026) - 0.8) < 1e-12)
    #expect(abs(lever.multiplier(in: 2027) - 0.6) < 1e-12)
    #expect(abs(lever.multiplier(in: 2028) - 0.4) < 1e-12)
    #expect(abs(lever.multiplier(in: 2029) - 0.4) < 1e-12)
    #expect(lever.multiplier(in: 2030) == 1)
  }
}
