import CohortData
import Forecasting
import Foundation
import OfficialData
import Testing

/// The cohort model's rolling-origin backtest on three authorities of the real releases:
/// inputs as known at each origin, start tables that keep the published margins, rows scored
/// against the published censuses.
struct CohortBacktestTests {
  static let names = ["Medway", "Kent", "Hartlepool"]

  /// At every origin the inputs hold no census after it and no flow of its own year or later
  /// (a forecast from 2021 cannot see 2021's new plans, published with the 2022 census).
  @Test func inputsAreThoseKnownAtTheOrigin() throws {
    let store = try SharedStore.store.get()
    for name in Self.names {
      let archive = try CohortArchive(store: store, authority: try store.authority(matching: name))
      for origin in 2019...2024 {
        let (inputs, _) = try archive.inputs(origin: origin, fitFrom: 2015)
        #expect(inputs.startYear == origin)
        #expect(inputs.history.stock.keys.allSatisfy { $0 <= origin })
        #expect(inputs.history.newPlans.keys.allSatisfy { $0 < origin })
        #expect(inputs.history.ceased.keys.allSatisfy { $0 < origin })
        #expect(inputs.history.ceasedTotal.keys.allSatisfy { $0 < origin })
        #expect(inputs.history.identity().allSatisfy { $0.year + 1 <= origin })
      }
    }
  }

  /// Before 2024 the start table is fitted to the published band totals (exact: the fit ends
  /// on them; 1e-6 of counts below 40,000) and to the placement totals scaled to the bands'
  /// sum (within 1 plan per group: the seed's soft zeros let 100 sweeps converge); 2023 has no
  /// bands, so its table is nowcast and sums to the published 2023 total; 2024 is published.
  @Test func startTablesKeepThePublishedMargins() throws {
    let store = try SharedStore.store.get()
    for name in Self.names {
      let authority = try store.authority(matching: name)
      let archive = try CohortArchive(store: store, authority: authority)
      let bands = try store.caseloadByAgeBand(of: authority)
      let placements = try store.caseloadByPlacement(of: authority)
      for origin in [2019, 2021, 2022] {
        let (inputs, source) = try archive.inputs(origin: origin, fitFrom: 2015)
        #expect(source == .fitted)
        let published = [AgeBand.under5, .age5to10, .age11to15, .age16to19, .age20to25].map {
          Double(bands[origin]![$0]?.value ?? 0)
        }
        for b in published.indices { #expect(abs(inputs.start[b].reduce(0, +) - published[b]) < 1e-6) }
        let margin = PlacementGroup.allCases.map { Double(placements[origin]![$0]?.value ?? 0) }
        let scale = published.reduce(0, +) / margin.reduce(0, +)
        for p in margin.indices {
          #expect(abs(inputs.start.map { $0[p] }.reduce(0, +) - margin[p] * scale) < 1, "\(name) \(origin) \(p)")
        }
      }
      let (nowcast, source2023) = try archive.inputs(origin: 2023, fitFrom: 2015)
      #expect(source2023 == .nowcast)
      let total2023 = Double(try store.caseload(of: authority)[2023]!.value!)
      #expect(abs(nowcast.start.flatMap { $0 }.reduce(0, +) - total2023) < 1e-6)
      #expect(try archive.inputs(origin: 2024, fitFrom: 2015).source == .published)
    }
  }

  /// Rows for every origin and census to 2025 (horizons 1-3), each scored against the store's
  /// published total, bounds nested around the mean; the fixed-share split of a trend row is
  /// the origin's share of its total.
  @Test func rowsAreScoredOnThePublishedCensuses() throws {
    let store = try SharedStore.store.get()
    for name in Self.names {
      let authority = try store.authority(matching: name)
      let archive = try CohortArchive(store: store, authority: authority)
      let run = CohortBacktest.run(
        archive, name: name, origins: Array(2019...2024), horizon: 3, levels: [80, 95], fitFrom: 2015,
        settings: CohortSettings(), paths: 200)
      #expect(run.failures.isEmpty, "\(run.failures)")
      // 3 + 3 + 3 + 3 + 2 + 1 censuses after the six origins.
      #expect(run.rows.count == 15)
      let caseload = try store.caseload(of: authority)
      for row in run.rows {
        #expect(row.actual == Double(caseload[row.time]!.value!))
        #expect(row.lower[1] <= row.lower[0] && row.lower[0] <= row.mean && row.mean <= row.upper[0])
        #expect(row.upper[0] <= row.upper[1])
      }
      #expect(run.placement.count == 15)
      let placements = try store.caseloadByPlacement(of: authority)
      let fixed = CohortBacktest.fixedShareRows(run.rows, archive: archive)
      for row in fixed {
        let share = Double(placements[row.total.origin]![.independentSpecial]?.value ?? 0)
          / Double(caseload[row.total.origin]!.value!)
        #expect(abs(row.forecastShare - 100 * share) < 1e-9)
        #expect(row.actual == Double(placements[row.total.time]![.independentSpecial]?.value ?? 0))
      }
    }
  }
}
