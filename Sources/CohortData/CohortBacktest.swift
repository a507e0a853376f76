import Forecasting
import Foundation
import OfficialData

/// The cohort model's rolling-origin backtest: at each origin (a January census) the model is
/// fitted to what was known then (`CohortArchive.inputs(origin:fitFrom:)`), simulated, and its
/// totals and placement split compared with the censuses after it.
///
/// Totals are the published headline caseload, unknown ages included: the model's banded
/// projection is scaled by the origin's published total over its banded total (plans of
/// unknown age assumed to stay in proportion), and so are its placement counts.
public enum CohortBacktest {
  /// The model name of cohort rows.
  public static let modelName = "cohort"

  /// One held-out forecast of one placement group's plans beside the forecast of all plans.
  public struct PlacementRow: Sendable {
    /// The held-out forecast of all plans (series, origin, model, census, actual and mean).
    public let total: Backtest.Row
    /// Plans in the group, as published.
    public let actual: Double
    /// The forecast of the group's plans.
    public let forecast: Double

    /// The group's share of all plans, published (percent).
    public var actualShare: Double { total.actual > 0 ? 100 * actual / total.actual : .nan }
    /// The forecast share (percent).
    public var forecastShare: Double { total.mean > 0 ? 100 * forecast / total.mean : .nan }
  }

  /// What a cohort run gives.
  public struct Run: Sendable {
    /// Held-out totals, as `Backtest.run`'s rows (model `cohort`).
    public var rows: [Backtest.Row] = []
    /// Held-out counts of `group`.
    public var placement: [PlacementRow] = []
    /// (series, origin) pairs the model could not be fitted to, with why.
    public var failures: [(series: String, origin: Int, reason: String)] = []
    /// How the start tables were obtained, counted over (series, origin).
    public var sources: [CohortArchive.StartSource: Int] = [:]
    /// Origins at which single-year ageing shares came from a later census (only with
    /// `settings` asking for them).
    public var laterAgeing: Int = 0

    /// An empty run.
    public init() {}
  }

  /// The cohort model at each origin for one authority: rows for the censuses `origin + 1 ...
  /// origin + horizon` with a published total.
  ///
  /// - Parameters:
  ///   - settings: the estimation choices; `singleYearAgeing` true replaces their ageing by
  ///     the archive's single-year shares (`CohortArchive.singleYearAgeing(origin:)`).
  ///   - fitFrom: the first identity step and new-plan year used.
  ///   - group: the placement group scored.
  public static func run(
    _ archive: CohortArchive, name: String, origins: [Int], horizon: Int, levels: [Double], fitFrom: Int,
    settings: CohortSettings, singleYearAgeing: Bool = false, group: PlacementGroup = .independentSpecial,
    paths: Int = 500, seed: UInt64 = 20_260_101
  ) -> Run {
    var run = Run()
    let g = PlacementGroup.allCases.firstIndex(of: group)!
    for origin in origins {
      let future = (origin + 1...origin + horizon).filter { archive.total[$0] != nil }
      guard !future.isEmpty else { continue }
      guard let published = archive.total[origin] else {
        run.failures.append((name, origin, "no published total at the \(origin) census under this code"))
        continue
      }
      do {
        let (inputs, source) = try archive.inputs(origin: origin, fitFrom: fitFrom)
        var mine = settings
        if singleYearAgeing, let ageing = archive.singleYearAgeing(origin: origin) {
          mine.ageingShares = ageing.shares
          if ageing.census > origin { run.laterAgeing += 1 }
        }
        let model = try CohortModel(
          history: inputs.history, placements: inputs.placements.map(\.rawValue), startYear: origin,
          start: inputs.start, newPlanMix: inputs.newPlanMix, fitFrom: fitFrom, horizon: horizon, settings: mine)
        let banded = inputs.start.flatMap { $0 }.reduce(0, +)
        guard banded > 0 else { throw CohortError.noHistory(origin) }
        let scale = published / banded
        let projection = model.simulate(years: future.last! - origin, paths: paths, seed: seed, levels: levels)
        run.sources[source, default: 0] += 1
        for year in future {
          let projected = projection.years[year - origin - 1]
          let actual = archive.total[year]!
          let row = Backtest.Row(
            series: name, origin: origin, model: modelName, time: year, step: year - origin, actual: actual,
            mean: projected.total.mean * scale, lower: projected.total.bounds.map { $0.0 * scale },
            upper: projected.total.bounds.map { $0.1 * scale })
          run.rows.append(row)
          if let split = archive.stockByPlacement[year] {
            run.placement.append(
              PlacementRow(total: row, actual: split[g], forecast: projected.mean.map { $0[g] }.reduce(0, +) * scale))
          }
        }
      } catch {
        run.failures.append((name, origin, "\(error)"))
      }
    }
    return run
  }

  /// The trend models' placement split as the product makes it: each held-out total in `rows`
  /// times the group's share of all plans at the origin census (fixed shares).
  public static func fixedShareRows(
    _ rows: [Backtest.Row], archive: CohortArchive, group: PlacementGroup = .independentSpecial
  ) -> [PlacementRow] {
    let g = PlacementGroup.allCases.firstIndex(of: group)!
    return rows.compactMap { r in
      guard let then = archive.stockByPlacement[r.origin], let all = archive.total[r.origin], all > 0,
        let now = archive.stockByPlacement[r.time]
      else { return nil }
      return PlacementRow(total: r, actual: now[g], forecast: r.mean * then[g] / all)
    }
  }
}
