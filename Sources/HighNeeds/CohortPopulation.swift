import Forecasting

/// A population projection by the cohort model's age bands (from the ONS sub-national
/// population projections), which turns the new-plan trends into trends per head.
///
/// For each band b: the rate `ρ_b(t) = N_b(t) / P_b(t)` of new plans per person in the years the
/// count trend was fitted to gets a linear trend ρ̂_b (as the counts do), and the projected new plans
/// are `ρ̂_b(t) × P_b(t)`. The model keeps its count trend N̂_b and its predictive spread; the
/// flows of year t are scaled by `ρ̂_b(t) P_b(t) / N̂_b(t)` (1 where N̂_b(t) ≤ 0), so with a
/// constant population the scale is 1 (to rounding) and nothing changes.
public struct CohortPopulation: Sendable {
  /// People by band (`CohortBand.allCases` order) in each year (mid-year estimates).
  public let byYear: [Int: [Double]]
  /// Where the figures came from, for reports.
  public let source: String

  /// A population from its parts.
  public init(byYear: [Int: [Double]], source: String) {
    self.byYear = byYear
    self.source = source
  }

  /// The scale on each band's new plans for the flows of `model.startYear + k`, k = 0 ..< `years`.
  ///
  /// - Throws: ``CohortPopulationError`` when a year the fit or the projection needs is missing,
  ///   or a band has no people in a fitted year; `ForecastingError` when a band's rates cannot
  ///   be fitted.
  public func newPlanScale(for model: CohortModel, years: Int) throws -> [[Double]] {
    // The years and counts each band's count trend was fitted to.
    let fitted = Set(model.newPlans.flatMap { $0.fitted.map(\.time) }).sorted()
    let projected = (0..<years).map { model.startYear + $0 }
    for year in fitted + projected where byYear[year] == nil {
      throw CohortPopulationError(
        problem: "no population for \(year)",
        expected:
          "a column for every year from \(fitted.first ?? model.startYear) to \(projected.last ?? model.startYear)")
    }
    var scale = [[Double]](repeating: [Double](repeating: 1, count: CohortBand.allCases.count), count: years)
    for band in CohortBand.allCases {
      let b = band.rawValue
      let points = model.newPlans[b].fitted
      var rates: [Double] = []
      for point in points {
        let people = byYear[point.time]![b]
        guard people > 0 else {
          throw CohortPopulationError(
            problem: "no people aged \(band.label) in \(point.time)", expected: "a positive population in every band")
        }
        rates.append(point.value / people)
      }
      let last = points.last?.time ?? model.startYear - 1
      let trend = try Forecaster.forecast(
        TimeSeries(times: points.map(\.time), values: rates), model: .linear,
        horizon: max(1, (projected.last ?? last) - last), levels: [80])
      for (k, year) in projected.enumerated() {
        guard let rate = trend.points.first(where: { $0.time == year })?.mean,
          let count = model.newPlans[b].points.first(where: { $0.time == year })?.mean, count > 0
        else { continue }
        scale[k][b] = max(0, rate) * byYear[year]![b] / count
      }
    }
    return scale
  }
}

/// Why a population projection cannot scale the cohort model's new plans.
public struct CohortPopulationError: Error, Sendable, CustomStringConvertible {
  /// What is wrong.
  public let problem: String
  /// What was expected.
  public let expected: String

  /// The problem and what was expected.
  public var description: String { "\(problem); expected \(expected)" }
}
