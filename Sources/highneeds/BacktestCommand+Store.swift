import ArgumentParser
import CohortData
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

  /// The store's series when asked for (nil when a CSV file is the source). As with a file,
  /// only complete series (a count for every census year any of them has) are compared, unless
  /// `--min-training` allows gaps; with --combine-lineage reorganised authorities count as their
  /// group, so none is left out.
  func storeSeries() throws -> SeriesSet? {
    guard official.authority != nil || allAuthorities else { return nil }
    let store = try official.store.open(create: false)
    var candidates: [(label: String, plans: [Int: Int])] = []
    // The authority of each candidate read alone (not a combined lineage): the cohort model's.
    var single: [String: Authority] = [:]
    if let query = official.authority {
      let authority = try resolveAuthority(query, in: store)
      candidates.append(try official.census(store, authority))
      if !official.combineLineage { single[candidates[candidates.count - 1].label] = authority }
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
        if change == nil { single[candidates[candidates.count - 1].label] = authority }
      }
    }
    let years = Set(candidates.flatMap(\.plans.keys)).sorted()
    var series: [(name: String, series: TimeSeries)] = []
    for candidate in candidates {
      let observed = years.filter { candidate.plans[$0] != nil }
      guard minTraining != nil ? !observed.isEmpty : observed.count == years.count else { continue }
      do {
        series.append(
          (candidate.label, try TimeSeries(times: observed, values: observed.map { Double(candidate.plans[$0]!) })))
      } catch {
        throw Failure.dataInvalid("\(candidate.label): \(error)")
      }
    }
    guard !series.isEmpty, let first = years.first, let last = years.last else {
      throw Failure.dataInvalid("no complete series in the store (try --combine-lineage, or --min-training to allow gaps)")
    }
    var archives: [String: CohortArchive] = [:]
    if wantsCohort {
      for (name, _) in series {
        guard let authority = single[name] else { continue }
        do {
          archives[name] = try CohortArchive(store: store, authority: authority)
        } catch let error as OfficialDataError {
          throw failure(error, writing: false)
        }
      }
    }
    return SeriesSet(
      series: series, incomplete: candidates.count - series.count, lastYear: last, input: store.path,
      source: "store \(store.path), census \(first)-\(last)", archives: archives)
  }
}
