import Forecasting
import Foundation
import HighNeeds

/// Scenarios that cover several authorities (`demand.authorities`): each authority projected,
/// jointly when the forecaster can, and the plans added up.
extension DemandProjection {
  /// Builds the plans for several authorities, then adds them up year by year.
  ///
  /// When the forecaster forecasts them jointly (``TrendForecaster/forecastJointly(_:model:horizon:)``:
  /// the Forecasting module's pooled growth for `auto` with ten or more authorities), each
  /// authority's plans come from the joint forecast and the total's interval and quantile are
  /// the total's own (calibrated on the past errors of the total). Otherwise each authority's
  /// series is projected on its own (as ``init(census:model:needed:forecaster:)`` does for one)
  /// and an interval at a level is given where every authority has one, its bounds the sums of
  /// the authorities' bounds: that assumes their forecast errors move together, the widest range
  /// their intervals allow.
  ///
  /// A year's source is `census` when every authority counted it, `forecast` when any
  /// authority's figure is a forecast, and `interpolated` otherwise.
  /// - Throws: ``AuthorityForecastFailure`` naming every authority whose forecast failed.
  public init(
    authorities: [AuthorityCensus], model: ForecastModel, needed: ClosedRange<CensusYear>, forecaster: any TrendForecaster
  ) throws {
    if let joint = try Self.jointly(authorities, model: model, needed: needed, forecaster: forecaster) {
      self = joint
      return
    }
    // The authorities' forecasts are independent: they run on every core, each writing its own slot.
    let outcomes = ParallelSlots<Result<DemandProjection, any Error>>(count: authorities.count)
    DispatchQueue.concurrentPerform(iterations: authorities.count) { index in
      outcomes[index] = Result {
        try DemandProjection(census: authorities[index].census, model: model, needed: needed, forecaster: forecaster)
      }
    }
    var projected: [AuthorityProjection] = []
    var failures: [AuthorityForecastFailure.Failure] = []
    projected.reserveCapacity(authorities.count)
    for (authority, outcome) in zip(authorities, outcomes.values) {
      switch outcome {
      case .success(let projection): projected.append(AuthorityProjection(name: authority.name, projection: projection))
      case .failure(let error): failures.append(.init(authority: authority.name, underlying: error))
      }
    }
    guard failures.isEmpty else { throw AuthorityForecastFailure(failures: failures) }
    var points: [CensusYear: DemandPoint] = [:]
    let years = Set(projected.flatMap { $0.projection.points.keys })
    for year in years {
      let parts = projected.compactMap { $0.projection.points[year] }
      guard parts.count == projected.count, let first = parts.first else { continue }
      let source: PlanSource =
        parts.contains { $0.source == .forecast }
        ? .forecast : parts.allSatisfy { $0.source == .census } ? .census : .interpolated
      let levels = first.intervals.map(\.level).filter { level in
        parts.allSatisfy { part in part.intervals.contains { $0.level == level } }
      }
      let intervals = levels.map { level in
        let bounds = parts.compactMap { part in part.intervals.first { $0.level == level } }
        return PlanInterval(
          level: level, lower: bounds.map(\.lower).reduce(0, +), upper: bounds.map(\.upper).reduce(0, +))
      }
      points[year] = DemandPoint(
        census: year, plans: parts.map(\.plans).reduce(0, +), source: source, intervals: intervals)
    }
    var forecast: TrendForecast?
    let forecasts = projected.compactMap { authority in authority.projection.forecast.map { (authority.name, $0) } }
    if !forecasts.isEmpty {
      var models: [String: Int] = [:]
      for (_, made) in forecasts { models[made.model, default: 0] += 1 }
      let chosen = models.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
      forecast = TrendForecast(
        model: forecasts.count == 1 ? "1 authority's forecast" : "sum of \(forecasts.count) authorities' forecasts",
        selection:
          "each authority's census series forecast on its own with model '\(model)' (models used: \(chosen.joined(separator: ", "))); plans are the sum, and interval bounds the sums of the authorities' bounds (errors assumed to move together)",
        points: points.filter { $0.value.source == .forecast },
        notes: Self.sharedNotes(forecasts.map(\.1.notes)),
        quantile: Self.summedQuantile(forecasts.map(\.1.quantile)))
    }
    self.init(points: points, forecast: forecast, authorities: projected)
  }

  /// The joint projection, or nil when the forecaster has none for these authorities (their
  /// histories end in different years, or it has no joint model).
  static func jointly(
    _ authorities: [AuthorityCensus], model: ForecastModel, needed: ClosedRange<CensusYear>, forecaster: any TrendForecaster
  ) throws -> DemandProjection? {
    let histories = authorities.map { authority in
      (name: authority.name, history: authority.census.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
    let lasts = Set(histories.compactMap { $0.history.last?.0 })
    guard lasts.count == 1, let last = lasts.first, needed.upperBound > last else { return nil }
    let made: JointTrendForecast?
    do {
      made = try forecaster.forecastJointly(histories, model: model, horizon: last.distance(to: needed.upperBound))
    } catch {
      throw AuthorityForecastFailure(failures: [.init(authority: "all authorities (pooled)", underlying: error)])
    }
    guard let made, made.members.count == authorities.count else { return nil }
    let projected = zip(histories, made.members).map { item, forecast in
      AuthorityProjection(name: item.name, projection: DemandProjection(history: item.history, forecast: forecast))
    }
    var points: [CensusYear: DemandPoint] = [:]
    for year in Set(projected.flatMap { $0.projection.points.keys }) {
      let parts = projected.compactMap { $0.projection.points[year] }
      guard parts.count == projected.count else { continue }
      let source: PlanSource =
        parts.contains { $0.source == .forecast }
        ? .forecast : parts.allSatisfy { $0.source == .census } ? .census : .interpolated
      let total = made.total.points[year]
      points[year] = DemandPoint(
        census: year, plans: parts.map(\.plans).reduce(0, +), source: source,
        intervals: source == .forecast ? total?.intervals ?? [] : [])
    }
    return DemandProjection(points: points, forecast: made.total, authorities: projected)
  }

  /// The sum of the authorities' quantiles at the same probability (their errors moving
  /// together, as for the interval bounds); nil unless every authority's forecast has one.
  static func summedQuantile(
    _ parts: [(@Sendable (Double, CensusYear) -> Double?)?]
  ) -> (@Sendable (Double, CensusYear) -> Double?)? {
    let quantiles = parts.compactMap { $0 }
    guard !quantiles.isEmpty, quantiles.count == parts.count else { return nil }
    return { p, year in
      var total = 0.0
      for quantile in quantiles {
        guard let value = quantile(p, year) else { return nil }
        total += max(0, value)
      }
      return total
    }
  }
}
