import ArgumentParser
import Forecasting
import Foundation
import OfficialData

/// `backtest --all-authorities` and `backtest --authority NAME`: the series come from the store.
extension BacktestCommand {
  /// Checks that exactly one source is given.
  func validateSource() throws {
    let fromStore = official.authority != nil || allAuthorities
    if !fromStore {
      guard data != nil else { throw ValidationError("give DATA.csv, --authority NAME or --all-authorities") }
      if official.combineLineage {
        throw ValidationError("--combine-lineage goes with --authority or --all-authorities")
      }
      return
    }
    if data != nil { throw ValidationError("give DATA.csv or --authority / --all-authorities, not both") }
    if official.authority != nil, allAuthorities {
      throw ValidationError("give --authority or --all-authorities, not both")
    }
    if filterColumn != nil {
      throw ValidationError("--filter-column and --filter select rows of DATA.csv, not of the store")
    }
  }

  /// Backtests the store's series when asked to; false when a CSV file is the source. As with a
  /// file, only complete series (a count for every census year any of them has) are compared;
  /// with --combine-lineage reorganised authorities count as their group, so none is left out.
  func backtestFromStore(origins: [Int], levels: [Double], models: [ForecastModel]) throws -> Bool {
    guard official.authority != nil || allAuthorities else { return false }
    let store = try official.store.open(create: false)
    var candidates: [(label: String, plans: [Int: Int])] = []
    if let query = official.authority {
      let authority = try resolveAuthority(query, in: store)
      candidates.append(try official.census(store, authority))
    } else {
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
        candidates.append(try official.census(store, authority, combine: change != nil))
      }
    }
    let years = Set(candidates.flatMap(\.plans.keys)).sorted()
    var series: [(name: String, series: TimeSeries)] = []
    for candidate in candidates where years.allSatisfy({ candidate.plans[$0] != nil }) {
      do {
        series.append(
          (candidate.label, try TimeSeries(times: years, values: years.map { Double(candidate.plans[$0]!) })))
      } catch {
        throw Failure.dataInvalid("\(candidate.label): \(error)")
      }
    }
    guard !series.isEmpty else {
      throw Failure.dataInvalid("no complete series in the store (try --combine-lineage for reorganised authorities)")
    }
    let (summaryText, rows) = summary(
      series, incomplete: candidates.count - series.count, lastYear: years.last!, origins: origins, levels: levels,
      models: models)
    let text = "source: store \(store.path), census \(years.first!)-\(years.last!)\n" + summaryText
    var files: [(text: String, path: String)] = []
    if let output { files.append((text, output)) }
    if let rowsPath { files.append((rowsCSV(rows, levels: levels), rowsPath)) }
    try writeOutputs(files, protecting: [store.path])
    if output == nil { try writeStandardOutput(text) }
    return true
  }

  /// The summary tables by origin (and pooled), as for a CSV file, and every held-out row.
  private func summary(
    _ series: [(name: String, series: TimeSeries)], incomplete: Int, lastYear: Int, origins: [Int], levels: [Double],
    models: [ForecastModel]
  ) -> (String, [Backtest.Row]) {
    var rows: [Backtest.Row] = []
    var failuresByOrigin: [Int: [String: Int]] = [:]
    var allFailures: [String: Int] = [:]
    for origin in origins {
      let run = Backtest.run(series: series, origins: [origin], horizon: horizon, models: models, levels: levels)
      rows += run.rows
      failuresByOrigin[origin] = run.failures
      allFailures.merge(run.failures, uniquingKeysWith: +)
    }
    var text = "series: \(series.count) complete (\(incomplete) left out with missing years)\n"
    var groups: [(title: String, rows: [Backtest.Row], failures: [String: Int])] = origins.map { origin in
      let last = min(origin + horizon, lastYear)
      return (
        "origin \(origin): train to \(origin), forecast \(origin + 1)-\(last)", rows.filter { $0.origin == origin },
        failuresByOrigin[origin] ?? [:]
      )
    }
    if origins.count > 1 {
      groups.append(("pooled over origins \(origins.map(String.init).joined(separator: ", "))", rows, allFailures))
    }
    for group in groups where !group.rows.isEmpty {
      let summaries = Backtest.summarise(group.rows, levels: levels, failures: group.failures)
      text += "\n" + render(title: group.title, summaries, levels: levels)
    }
    return (text, rows)
  }
}
