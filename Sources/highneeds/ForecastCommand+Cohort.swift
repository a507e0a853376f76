import CohortData
import Forecasting
import OfficialData
import Reports

/// `forecast --authority NAME --cohort`: the cohort-flow model on the authority's SEN2 flows.
extension ForecastCommand {
  /// The first identity step the cohort rates are estimated from: after the 2015-2018
  /// conversion of LDAs to plans, which the flows do not show.
  static let cohortFitFrom = 2019

  /// Fits and simulates the cohort model from the store and writes its report.
  func forecastCohort(levels: [Double]) throws {
    let store = try official.store.open(create: false)
    let authority = try resolveAuthority(official.authority ?? "", in: store)
    do {
      let inputs = try CohortInputs(store: store, authority: authority, fitFrom: Self.cohortFitFrom)
      let model = try CohortModel(
        history: inputs.history, placements: inputs.placements.map(\.rawValue), startYear: inputs.startYear,
        start: inputs.start, newPlanMix: inputs.newPlanMix, fitFrom: Self.cohortFitFrom, horizon: horizon)
      let projection = model.simulate(years: horizon, paths: 1000, seed: 20_260_101, levels: levels)
      let report = CohortReport(
        authority: authority.name, model: model, projection: projection, placementLabels: inputs.placements.map(\.label)
      )
      try emit(report, as: format, to: output, protecting: [store.path])
    } catch let error as CohortError {
      throw Failure.dataInvalid("\(store.path): \(authority.name): \(error)")
    } catch let error as ForecastingError {
      throw Failure.dataInvalid("\(store.path): \(authority.name): cohort model: \(error)")
    }
  }
}
