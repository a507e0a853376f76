import ArgumentParser
import Forecasting
import Foundation
import HighNeeds
import OfficialData

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
  func forecastFromStore(levels: [Double]) throws -> Bool {
    guard official.authority != nil || allAuthorities else { return false }
    let store = try official.store.open(create: false)
    let targets = try storeSeries(store)
    var results: [(label: String, code: String, outcome: Result<(Forecast, [Int: Double]), Failure>)] = []
    for target in targets {
      do {
        results.append(
          (target.label, target.code, .success(try forecast(target.plans, label: target.label, levels: levels))))
      } catch let failure as Failure where allAuthorities {
        results.append((target.label, target.code, .failure(failure)))
      }
    }
    let text: String
    if !allAuthorities, case .success(let (forecast, actuals)) = results[0].outcome {
      switch format {
      case .json: text = ForecastReport.json(forecast)
      case .csv: text = ForecastReport.csv(forecast)
      case .table: text = "authority: \(results[0].label)\n" + ForecastReport.table(forecast, actuals: actuals)
      }
    } else {
      text = render(results)
    }
    try writeOutput(text, to: output, protecting: [store.path])
    return true
  }

  /// The series to forecast: the authority's (or its lineage group's), or every current local
  /// authority's; with --combine-lineage reorganised authorities are read as their group, once.
  private func storeSeries(_ store: OfficialStore) throws -> [(label: String, code: String, plans: [Int: Int])] {
    if let query = official.authority {
      let authority = try resolveAuthority(query, in: store)
      let (label, plans) = try official.census(store, authority)
      return [(label, authority.code, plans)]
    }
    var result: [(label: String, code: String, plans: [Int: Int])] = []
    var groups: Set<String> = []
    let all: [Authority]
    do {
      all = try store.currentLocalAuthorities()
    } catch let error as OfficialDataError {
      throw failure(error, writing: false)
    }
    for authority in all {
      let change = official.combineLineage ? Reorganisation.containing(authority.code) : nil
      if let change, !groups.insert(change.name).inserted { continue }
      let (label, plans) = try official.census(store, authority, combine: change != nil)
      result.append((label, authority.code, plans))
    }
    return result
  }

  /// One authority's forecast, with held-out actuals after --train-until.
  private func forecast(_ plans: [Int: Int], label: String, levels: [Double]) throws -> (Forecast, [Int: Double]) {
    var actuals: [Int: Double] = [:]
    var years = plans.keys.sorted()
    if let cut = trainUntil {
      for year in years where year > cut { actuals[year] = Double(plans[year]!) }
      years = years.filter { $0 <= cut }
    }
    do {
      let series = try TimeSeries(times: years, values: years.map { Double(plans[$0]!) })
      if let breakYear {
        return (
          try Forecaster.forecastPiecewise(series, breakYear: breakYear, horizon: horizon, levels: levels), actuals
        )
      }
      return (try Forecaster.forecast(series, model: model, horizon: horizon, levels: levels), actuals)
    } catch {
      throw Failure.dataInvalid("\(label): \(error)")
    }
  }

  /// Several authorities: JSON `{"authorities": [{"authority", "code", "forecast" | "error"}]}`,
  /// CSV with `authority,code` before each forecast row, or one table after another.
  private func render(_ results: [(label: String, code: String, outcome: Result<(Forecast, [Int: Double]), Failure>)])
    -> String
  {
    switch format {
    case .json:
      let items = results.map { result -> String in
        let head =
          "{\"authority\": \(ForecastReport.string(result.label)), \"code\": \(ForecastReport.string(result.code)), "
        switch result.outcome {
        case .success(let (forecast, _)):
          return head + "\"forecast\": " + ForecastReport.json(forecast).trimmingCharacters(in: .newlines) + "}"
        case .failure(let failure): return head + "\"error\": \(ForecastReport.string(failure.message))}"
        }
      }
      return "{\"authorities\": [\n" + items.joined(separator: ",\n") + "\n]}\n"
    case .csv:
      var lines: [String] = []
      for result in results {
        guard case .success(let (forecast, _)) = result.outcome else { continue }
        let rows = ForecastReport.csv(forecast).split(separator: "\n").map(String.init)
        if lines.isEmpty { lines.append("authority,code," + rows[0]) }
        let prefix = DataReport.csvField(result.label) + "," + result.code + ","
        lines += rows.dropFirst().map { prefix + $0 }
      }
      return lines.joined(separator: "\n") + "\n"
    case .table:
      return results.map { result -> String in
        switch result.outcome {
        case .success(let (forecast, actuals)):
          return "authority: \(result.label) (\(result.code))\n" + ForecastReport.table(forecast, actuals: actuals)
        case .failure(let failure):
          return "authority: \(result.label) (\(result.code))\nnot forecast: \(failure.message)\n"
        }
      }.joined(separator: "\n")
    }
  }
}
