import CohortData
import Forecasting
import HighNeeds
import OfficialData

/// `demand.model: cohort`: the cohort-flow model fitted from the official-data store and
/// attached to the scenario, with the store's January counts as its census.
///
/// The authority is `--authority` when given, else `demand.authority`, else the scenario's
/// `authority:`. The model is fitted as `forecast --model cohort` fits it (rates from the 2019
/// step on, new-plan trends to the scenario's last census). A scenario without the cohort model
/// is returned unchanged, and the store is not opened.
///
/// - Throws: `Failure` 66 when the store cannot be read; 65 naming the scenario's line when the
///   authority is not in the store, its flows cannot be fitted, or the costs and places do not
///   fit the model's placement groups.
func attachingCohort(_ scenario: Scenario, store options: StoreOptions, authority override: String?) throws
  -> Scenario
{
  guard scenario.demand.usesCohort, scenario.demand.cohort == nil else { return scenario }
  let field = scenario.locations["demand.authority"] == nil ? "authority" : "demand.authority"
  let at = "\(scenario.location(of: field)): \(field)"
  let store: OfficialStore
  do {
    store = try options.open(create: false)
  } catch let failure as Failure {
    throw Failure(
      kind: failure.kind,
      message:
        "\(scenario.location(of: "demand.model")): demand.model: cohort is fitted from the official-data store: \(failure.message)"
    )
  }
  let name = override ?? scenario.demand.cohortAuthority ?? scenario.authority
  let authority: Authority
  do {
    authority = try store.authority(matching: name)
  } catch let error as OfficialDataError {
    if override != nil { throw failure(error, writing: false) }
    if case .unknownAuthority(_, let known) = error {
      let hint = Suggestion.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
      throw Failure.dataInvalid(
        "\(at): no authority '\(name)' in the store \(store.path)\(hint); expected an authority `highneeds data authorities` lists, for the cohort model"
      )
    }
    throw Failure.dataInvalid("\(at): \(error)")
  }
  do {
    let inputs = try CohortInputs(store: store, authority: authority, fitFrom: ForecastCommand.cohortFitFrom)
    let horizon = max(1, scenario.years.upperBound.census.year - inputs.startYear)
    let model = try CohortModel(
      history: inputs.history, placements: inputs.placements.map(\.rawValue), startYear: inputs.startYear,
      start: inputs.start, newPlanMix: inputs.newPlanMix, fitFrom: ForecastCommand.cohortFitFrom, horizon: horizon)
    let counts = try AuthorityOptions(authority: nil, combineLineage: false, store: options).census(store, authority)
    let census = Dictionary(uniqueKeysWithValues: counts.plans.map { (CensusYear($0.key), Double($0.value)) })
    var demand = CohortDemand(model: model, source: "SEN2 in the store, \(authority.name)")
    if let file = scenario.demand.populationFile {
      let population = try readPopulationProjection(file, area: authority.code)
      do {
        demand.newPlanScale = try population.newPlanScale(for: model, years: horizon)
      } catch let error as CohortPopulationError {
        throw Failure.dataInvalid("\(scenario.location(of: "demand.population")): demand.population: \(file): \(error)")
      }
      demand.populationSource = population.source
    }
    var attached = try scenario.attachingCohort(demand, census: census)
    if override != nil { attached.authority = authority.name }
    return attached
  } catch let error as ScenarioError {
    throw Failure.dataInvalid(error.description)
  } catch let error as CohortError {
    throw Failure.dataInvalid("\(scenario.location(of: "demand.model")): demand.model: \(authority.name): \(error)")
  } catch let error as ForecastingError {
    throw Failure.dataInvalid(
      "\(scenario.location(of: "demand.model")): demand.model: \(authority.name): cohort model: \(error)")
  } catch let error as OfficialDataError {
    throw failure(error, writing: false)
  }
}
