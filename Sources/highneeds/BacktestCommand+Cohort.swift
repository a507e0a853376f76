import ArgumentParser
import CohortData
import Forecasting
import Foundation
import OfficialData
import Reports

/// `backtest --models cohort`: the cohort-flow model on the store's authorities, scored on the
/// same totals as the trend models, on the placement split (independent / non-maintained
/// special) and against them on the same (authority, origin, census) triples.
extension BacktestCommand {
  /// The cohort settings `--cohort-settings` starts from: the first version's choices, rates
  /// and trends fitted from 2015 (so that the 2019 origin has four years). The choices the
  /// tuning protocol picked on the 2019-2021 origins (rates=2,newplans=naive) did worse on the
  /// 2022-2024 origins held out, so they are not the default (README, "Cohort model: backtest").
  static let backtestedCohortSettings = "rates=all,trend=all,newplans=linear,ageing=uniform,shocks=independent,from=2015"

  /// The model name of the equal-weight blend of the cohort model and the pooled auto.
  static let blendName = "cohort+auto"

  /// Whether `--models` asks for the cohort model.
  var wantsCohort: Bool {
    guard let models else { return false }
    return ((try? parsedList(models, option: "--models", BacktestCommand.model)) ?? []).contains(.cohort)
  }

  /// The cohort model's choices from `--cohort-settings` text (`key=value`, comma separated),
  /// over the backtested defaults.
  static func cohortChoices(_ text: String?) throws -> (settings: CohortSettings, singleYear: Bool, fitFrom: Int) {
    var settings = CohortSettings()
    var singleYear = false
    var fitFrom = 2015
    let parts = (backtestedCohortSettings + "," + (text ?? "")).split(separator: ",")
    for part in parts.map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
      let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
      guard pair.count == 2 else { throw ValidationError("--cohort-settings: \"\(part)\" is not key=value") }
      let (key, value) = (pair[0], pair[1])
      func window() throws -> Int? {
        if value == "all" { return nil }
        guard let n = Int(value), n >= 1, n <= 20 else {
          throw ValidationError("--cohort-settings: \(key)=\(value): give a number of years from 1 to 20, or all")
        }
        return n
      }
      switch key {
      case "rates": settings.rateWindow = try window()
      case "trend": settings.trendWindow = try window()
      case "newplans":
        guard let model = ForecastModel(rawValue: value), model != .piecewise else {
          throw ValidationError("--cohort-settings: newplans=\(value) is not a forecasting model (linear, drift, auto, ...)")
        }
        settings.newPlanModel = model
      case "ageing":
        guard value == "uniform" || value == "single" else {
          throw ValidationError("--cohort-settings: ageing=\(value): give uniform or single")
        }
        singleYear = value == "single"
      case "shocks":
        guard value == "independent" || value == "common" else {
          throw ValidationError("--cohort-settings: shocks=\(value): give independent or common")
        }
        settings.commonShocks = value == "common"
      case "from":
        guard let year = Int(value), (2010...2024).contains(year) else {
          throw ValidationError("--cohort-settings: from=\(value): give a year from 2010 to 2024")
        }
        fitFrom = year
      default:
        throw ValidationError(
          "--cohort-settings: unknown key \"\(key)\" (rates, trend, newplans, ageing, shocks, from)")
      }
    }
    return (settings, singleYear, fitFrom)
  }

  /// The cohort model on every series with an archive, at every origin.
  func cohortRun(_ set: SeriesSet, origins: [Int], levels: [Double]) -> CohortBacktest.Run {
    // Validated in validate(): cannot throw here.
    let choices = (try? Self.cohortChoices(cohortSettings)) ?? (settings: CohortSettings(), singleYear: false, fitFrom: 2015)
    var all = CohortBacktest.Run()
    for (name, _) in set.series {
      guard let archive = set.archives[name] else {
        for origin in origins { all.failures.append((name, origin, "no age-band data read (a combined lineage)")) }
        continue
      }
      let run = CohortBacktest.run(
        archive, name: name, origins: origins, horizon: horizon, levels: levels, fitFrom: choices.fitFrom,
        settings: choices.settings, singleYearAgeing: choices.singleYear)
      all.rows += run.rows
      all.placement += run.placement
      all.failures += run.failures
      all.sources.merge(run.sources, uniquingKeysWith: +)
      all.laterAgeing += run.laterAgeing
    }
    return all
  }

  /// The cohort tables: how it was run, totals against the other models on common triples
  /// (with the blend), and the independent-special split.
  func cohortTables(
    _ cohort: CohortBacktest.Run, rows: [Backtest.Row], set: SeriesSet, levels: [Double]
  ) -> [BacktestReport.TitledTable] {
    let choices = (try? Self.cohortChoices(cohortSettings)) ?? (settings: CohortSettings(), singleYear: false, fitFrom: 2015)
    let names = levels.map { ForecastReport.levelName($0) }
    func key(_ r: Backtest.Row) -> String { "\(r.series)\u{1}\(r.origin)\u{1}\(r.time)" }
    let cohortKeys = Set(cohort.rows.map(key))
    var byModel: [String: [String: Backtest.Row]] = [:]
    var order: [String] = []
    for r in rows where cohortKeys.contains(key(r)) {
      if byModel[r.model] == nil { order.append(r.model) }
      byModel[r.model, default: [:]][key(r)] = r
    }
    // Quantile averaging of the cohort model and the pooled auto (equal weights).
    if let trend = byModel[Backtest.pooledAutoName], let own = byModel[CohortBacktest.modelName] {
      var blend: [String: Backtest.Row] = [:]
      for (k, c) in own {
        guard let t = trend[k] else { continue }
        blend[k] = Backtest.Row(
          series: c.series, origin: c.origin, model: Self.blendName, time: c.time, step: c.step, actual: c.actual,
          mean: (c.mean + t.mean) / 2, lower: zip(c.lower, t.lower).map { ($0 + $1) / 2 },
          upper: zip(c.upper, t.upper).map { ($0 + $1) / 2 })
      }
      byModel[Self.blendName] = blend
      order.append(Self.blendName)
    }
    let common = byModel.values.reduce(cohortKeys) { $0.intersection($1.keys) }
    let commonRows = order.flatMap { model in
      byModel[model]!.filter { common.contains($0.key) }.values.sorted { key($0) < key($1) }
    }
    var tables: [BacktestReport.TitledTable] = []
    let sources = CohortArchive.StartSource.allCases.map { "\($0.rawValue) \(cohort.sources[$0] ?? 0)" }
    var notes = [
      [
        "settings",
        "\(choices.settings.summary) from=\(choices.fitFrom)\(choices.singleYear ? " (ageing: single years)" : "")",
      ],
      ["start tables (authority × origin)", sources.joined(separator: ", ")],
      ["not fitted (authority × origin)", "\(cohort.failures.count)"],
      ["common (authority, origin, census) triples", "\(common.count)"],
    ]
    if choices.singleYear {
      notes.append(["origins whose single-year ageing came from a later census", "\(cohort.laterAgeing)"])
    }
    tables.append(table(title: "cohort model: how it was run", header: ["", "value"], body: notes))
    let summaries = Backtest.summariseByHorizon(commonRows, levels: levels)
    tables.append(
      table(
        title: "totals on the triples every model forecast (cohort+auto: equal-weight mean of cohort and auto)",
        header: ["model", "h", "outcomes", "median APE", "mean APE"] + names.map { "cover \($0)%" }
          + names.map { "IS\($0) % of actual" },
        body: summaries.map { s in
          [s.model, "\(s.step)", "\(s.count)", fixed(s.medianAPE, 2), fixed(s.meanAPE, 2)]
            + s.coverage.map { fixed($0, 1) } + s.intervalScore.map { fixed($0, 2) }
        }))
    // The independent-special split: the cohort model's own, the others' fixed shares.
    var placement = cohort.placement.filter { common.contains(key($0.total)) }
    for model in order where model != CohortBacktest.modelName {
      for (name, archive) in set.archives {
        let mine = byModel[model]!.values.filter { $0.series == name && common.contains(key($0)) }
        placement += CohortBacktest.fixedShareRows(Array(mine), archive: archive)
      }
    }
    tables.append(
      table(
        title:
          "independent / non-maintained special plans on the same triples (trend models: the total × the origin's share)",
        header: [
          "model", "h", "outcomes", "median |share err| pp", "mean |share err| pp", "mean share err pp",
          "median count APE", "mean count APE",
        ],
        body: placementSummary(placement, order: order)))
    return tables
  }

  /// The median of sorted values (NaN for none).
  static func median(_ sorted: [Double]) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let n = sorted.count
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  }

  /// Per model and horizon: share errors (percentage points of all plans) and count APEs.
  func placementSummary(_ rows: [CohortBacktest.PlacementRow], order: [String]) -> [[String]] {
    var body: [[String]] = []
    for model in order {
      let mine = rows.filter { $0.total.model == model && $0.actual > 0 && $0.total.actual > 0 }
      for h in Set(mine.map(\.total.step)).sorted() {
        let rs = mine.filter { $0.total.step == h }
        let shareErrors = rs.map { $0.forecastShare - $0.actualShare }
        let absolute = shareErrors.map(abs).sorted()
        let apes = rs.map { 100 * abs($0.forecast - $0.actual) / $0.actual }.sorted()
        let n = Double(rs.count)
        body.append([
          model, "\(h)", "\(rs.count)", fixed(Self.median(absolute), 2), fixed(absolute.reduce(0, +) / n, 2),
          fixed(shareErrors.reduce(0, +) / n, 2), fixed(Self.median(apes), 2), fixed(apes.reduce(0, +) / n, 2),
        ])
      }
    }
    return body
  }
}
