import CohortData
import Forecasting
import Foundation
import OfficialData
import Testing

/// The real releases in `../shared/data/sen2/releases`, imported once for this suite into a
/// temporary store removed when the process exits.
enum SharedStore {
  static let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "highneeds-cohort-\(UUID().uuidString)")
  static let store: Result<OfficialStore, Error> = Result {
    atexit { try? FileManager.default.removeItem(at: SharedStore.folder) }
    let releases = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/sen2/releases")
    let store = try OfficialStore(path: folder.appendingPathComponent("highneeds.sqlite").path)
    _ = try store.importReleases(
      ["2022", "2025"].map { releases.appendingPathComponent("education-health-and-care-plans_\($0).zip").path })
    return store
  }
}

/// Medway from the store: the January 2025 stock by age band from the 2024 flows and the residual.
struct MedwayCohortTests {
  /// The 2024 → 2025 step of the identity uses the published flows as they are, ages on by
  /// 1/width, and its explained stock plus residual is the published January 2025 band count
  /// exactly (counts below 2,000 and shares with a few bits of rounding: 1e-9 absolute).
  @Test func january2025FromFlowsAndResidual() throws {
    let store = try SharedStore.store.get()
    let medway = try store.authority(matching: "Medway")
    let inputs = try CohortInputs(store: store, authority: medway, fitFrom: 2019)
    let published2025 = try store.caseloadByAgeBand(of: medway)[2025]!
    let published2024 = try store.caseloadByAgeBand(of: medway)[2024]!
    let new2024 = try store.newPlansByAgeBand(of: medway)[2024]!
    let ceased2024 = try store.ceasedByAgeBand(of: medway)[2024]!
    let rows = inputs.history.identity().filter { $0.year == 2024 }
    #expect(rows.count == 5)
    let storeBands: [AgeBand] = [.under5, .age5to10, .age11to15, .age16to19, .age20to25]
    for row in rows {
      let band = storeBands[row.band.rawValue]
      #expect(row.opening == Double(published2024[band]!.value!))
      #expect(row.newPlans == Double(new2024[band]?.value ?? 0))
      #expect(row.ceased == Double(ceased2024[band]?.value ?? 0))
      #expect(!row.ceasedAllocated)
      #expect(abs(row.agedOut - row.opening * row.band.ageingShare) < 1e-12)
      let closing = Double(published2025[band]!.value!)
      #expect(row.closing == closing)
      #expect(abs(row.explained + row.residual - closing) < 1e-9)
    }
    // The published January 2025 total (3,041) minus the unknown-age plans is the bands' sum.
    let bandsTotal = rows.map(\.closing).reduce(0, +)
    let unknown = Double(published2025[.unknown]?.value ?? 0)
    #expect(bandsTotal + unknown == Double(try store.caseload(of: medway)[2025]!.value!))
  }

  /// The start census is 2025 with plans by age and placement, whose total is the bands' total,
  /// and the projection 2026-2028 has maintained and independent special plans by phase.
  @Test func projection2026to2028() throws {
    let store = try SharedStore.store.get()
    let medway = try store.authority(matching: "Medway")
    let inputs = try CohortInputs(store: store, authority: medway, fitFrom: 2019)
    #expect(inputs.startYear == 2025)
    let crossTotal = inputs.start.flatMap { $0 }.reduce(0, +)
    let bandTotal = inputs.history.stock[2025]!.reduce(0, +)
    #expect(crossTotal == bandTotal)
    let model = try CohortModel(
      history: inputs.history, placements: inputs.placements.map(\.rawValue), startYear: inputs.startYear,
      start: inputs.start, newPlanMix: inputs.newPlanMix, fitFrom: 2019, horizon: 3)
    let projection = model.simulate(years: 3, paths: 500, seed: 1)
    #expect(projection.years.map(\.year) == [2026, 2027, 2028])
    let special = [PlacementGroup.maintainedSpecial, .independentSpecial].map { inputs.placements.firstIndex(of: $0)! }
    for year in projection.years {
      for b in CohortBand.allCases.indices {
        for p in special {
          let (lo, hi) = year.bounds[b][p][1]
          #expect(lo <= year.mean[b][p] && year.mean[b][p] <= hi)
        }
      }
    }
  }
}
