import Foundation
import TestSupport
import Testing

/// `backtest --models cohort` on the small release fixtures (England and Medway rows).
struct CohortBacktestEndToEndTests {
  /// Medway from the store: the cohort model is scored beside auto-alone at two origins, with
  /// its own tables, and its rows are in --rows.
  @Test func medwayCohortBesideTheTrend() throws {
    let (folder, store) = try CohortEndToEndTests.store()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rowsPath = folder.appendingPathComponent("rows.csv").path
    let run = runHighneeds([
      "backtest", "--authority", "Medway", "--model", "auto-alone,cohort", "--train-until", "2021,2022",
      "--horizon", "2", "--store", store, "--rows", rowsPath,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("cohort model: how it was run"))
    #expect(run.stdout.contains("independent / non-maintained special plans on the same triples"))
    let rows = try String(contentsOfFile: rowsPath, encoding: .utf8).split(separator: "\n")
    // Two censuses after each of the two origins.
    #expect(rows.filter { $0.contains(",cohort,") }.count == 4)
    #expect(rows.filter { $0.contains(",auto-alone,") }.count == 4)
  }

  /// The cohort model reads the store: with DATA.csv it is a usage error (64), as is a
  /// --cohort-settings key it does not know.
  @Test func cohortNeedsTheStoreAndKnownSettings() throws {
    let (folder, store) = try CohortEndToEndTests.store()
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = repositoryRoot.appendingPathComponent("../shared/data/sen2/ehcp_caseload_2010_2025.csv").path
    let file = runHighneeds(["backtest", csv, "--models", "cohort"])
    #expect(file.status == 64)
    #expect(file.stderr.contains("--models cohort reads the store"))
    let bad = runHighneeds([
      "backtest", "--authority", "Medway", "--models", "cohort", "--cohort-settings", "rates=0", "--store", store,
    ])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("rates=0"))
    let unknown = runHighneeds([
      "backtest", "--authority", "Medway", "--models", "cohort", "--cohort-settings", "speed=fast", "--store", store,
    ])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("unknown key \"speed\""))
  }
}
