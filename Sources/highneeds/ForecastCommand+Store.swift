import ArgumentParser
import Forecasting
import Foundation
import HighNeeds
import OfficialData
import Reports

/// `forecast --authority NAME` and `forecast --all-authorities`: the January census series
/// comes from the official-data store instead of a CSV file.
extension ForecastCommand {
  /// Checks that exactly one source is given: a CSV file (with --time and --value) or the store.
  func validateSource() throws {
    let fromStore = official.authority != nil || allAuthorities
    guard fromStore else {
      guard data != nil else { throw ValidationError("give DATA.csv (with --time and --value) or --authority NAME") }
      guard time != nil, value != nil else { throw ValidationError("--time and --value are required with DATA.csv") }
      if official.combineLineage {
        throw ValidationError("--combine-lineage goes with --authority or --all-authorities")
      }
      return
    }
    if data != nil { throw ValidationError("give DATA.csv or --authority / --all-authorities, not both") }
    if official.authority != nil, allAuthorities {
      throw ValidationError("give --authority or --all-authorities, not both")
    }
    if time != nil || value != nil || population != nil {
      throw ValidationError(
        "--time, --value and --population are columns of DATA.csv; the store gives census years and plans")
    }
  }

  /// Forecasts from the store when --authority or --all-authorities was given; false otherwise.
  ///
  /// The store holds every authority, so `auto` pools across them (as `forecast --panel`):
  /// `--authority NAME` is that authority's pooled forecast, `--all-authorities` every current
  /// authority's and their total (as `forecast-panel`). Another model, or `--break-year`,
  /// forecasts the named authority's series alone.
  func forecastFromStore(levels: [Double]) throws -> Bool {
    guard official.authority != nil || allAuthorities else { return false }
    let store = try official.store.open(create: false)
    let members = try panelMembers(store)
    let panel: Panel
    do {
      let whole = try Panel(members.map(\.member))
      guard let cut = trainUntil.map({ whole.through($0) }) ?? whole else {
        throw Failure.dataInvalid("\(store.path): no census at or before \(trainUntil ?? 0) (--train-until)")
      }
      panel = cut
    } catch let error as PanelError {
      throw Failure.dataInvalid("\(store.path): \(error)")
    }
    do {
      if allAuthorities {
        let result = try PanelForecaster.forecast(panel, horizon: horizon, levels: levels)
        try emit(PanelForecastReport(result, names: result.names), as: format, to: output, protecting: [store.path])
        return true
      }
      let (label, plans) = try official.census(store, try resolveAuthority(official.authority ?? "", in: store))
      var actuals: [Int: Double] = [:]
      for (year, count) in plans where year > (trainUntil ?? Int.max) { actuals[year] = Double(count) }
      let forecast: Forecast
      if model == .auto, breakYear == nil, panel.member(named: label) != nil {
        forecast = try PanelForecaster.forecast(panel, series: label, horizon: horizon, levels: levels)
      } else {
        let years = plans.keys.sorted().filter { $0 <= (trainUntil ?? Int.max) }
        let series = try TimeSeries(times: years, values: years.map { Double(plans[$0]!) })
        forecast =
          try breakYear.map { try Forecaster.forecastPiecewise(series, breakYear: $0, horizon: horizon, levels: levels) }
          ?? (try Forecaster.forecast(series, model: model, horizon: horizon, levels: levels))
      }
      try emit(ForecastReport(forecast, actuals: actuals), as: format, to: output, protecting: [store.path])
    } catch let error as ForecastingError {
      throw Failure.dataInvalid("\(store.path): \(error)")
    } catch let error as PanelError {
      throw Failure.dataInvalid("\(store.path): \(error)")
    }
    return true
  }

  /// Every local authority's January census series as a panel member (named as `census` labels
  /// it, grouped by region): abolished authorities too, whose history the pooled model learns
  /// from; with --combine-lineage a reorganised group once, as one series.
  private func panelMembers(_ store: OfficialStore) throws -> [(member: Panel.Member, code: String)] {
    let all: [Authority]
    do {
      all = try store.authorities().filter { $0.level == .localAuthority }
    } catch let error as OfficialDataError {
      throw failure(error, writing: false)
    }
    var members: [(member: Panel.Member, code: String)] = []
    var seen: Set<String> = []
    for authority in all {
      let change = official.combineLineage ? Reorganisation.containing(authority.code) : nil
      let (label, plans) = try official.census(store, authority, combine: change != nil)
      guard !plans.isEmpty, seen.insert(label).inserted else { continue }
      let years = plans.keys.sorted()
      do {
        let series = try TimeSeries(times: years, values: years.map { Double(plans[$0]!) })
        members.append((Panel.Member(name: label, group: authority.region, series: series), authority.code))
      } catch {
        throw Failure.dataInvalid("\(store.path): \(label): \(error)")
      }
    }
    return members
  }
}
