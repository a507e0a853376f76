import Foundation
import Testing
import TestSupport

/// The small release ZIPs cut from the real ones (England and Medway rows), kept with the
/// OfficialData tests.
private let releaseFixtures = repositoryRoot.appendingPathComponent("Tests/OfficialDataTests/Fixtures")
private func release(_ name: String) -> String { releaseFixtures.appendingPathComponent(name).path }

/// A store path in a new scratch folder, with both small releases imported.
private func importedStore() throws -> (folder: URL, store: String) {
  let folder = try makeScratchFolder()
  let store = folder.appendingPathComponent("store.sqlite").path
  let run = runHighneeds([
    "data", "import", release("sen2-2022-small.zip"), release("sen2-2025-small.zip"), "--store", store,
  ])
  #expect(run.status == 0, "\(run.stderr)")
  return (folder, store)
}

/// Runs the binary with extra environment variables (for HIGHNEEDS_STORE).
private func runWithEnvironment(_ args: [String], _ extra: [String: String]) throws -> (status: Int32, stdout: String) {
  let process = Process()
  process.executableURL = highneedsExecutable()
  process.arguments = args
  process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
  let out = Pipe()
  process.standardOutput = out
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite("highneeds data, init and --authority")
struct DataEndToEndTests {
  @Test func importReportsOverlapAndASecondImportIsANoOp() throws {
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("nested/store.sqlite").path
    let first = runHighneeds([
      "data", "import", release("sen2-2022-small.zip"), release("sen2-2025-small.zip"), "--store", store,
    ])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("imported the 2022 release"))
    #expect(
      first.stdout.contains("caseload 2019-2022 is also in the 2022 release: the 2025 release's figures are read (0 of")
    )
    let again = runHighneeds(["data", "import", release("sen2-2025-small.zip"), "--store", store])
    #expect(again.status == 0)
    #expect(again.stdout.contains("the 2025 release is already in the store; nothing changed"))
  }

  @Test(arguments: [
    ("bad-missing-column.zip", "bad-missing-column.zip:data/caseload.csv:1: column 'special_independent'"),
    ("bad-duplicate-row.zip", "bad-duplicate-row.zip:data/caseload.csv:7: column 'ehcplans': duplicate"),
    ("bad-truncated.zip", "bad-truncated.zip"),
    ("bad-not-a-release.zip", "not a DfE SEN2 release"),
  ])
  func aBrokenReleaseExits65AndChangesNothing(name: String, message: String) throws {
    let (folder, store) = try importedStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try Data(contentsOf: URL(fileURLWithPath: store))
    let showBefore = runHighneeds(["data", "show", "--authority", "Medway", "--format", "csv", "--store", store])
    let run = runHighneedsDetailed(["data", "import", release(name), "--store", store])
    #expect(run.status == 65, "\(run.stderr)")
    #expect(!run.crashed)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    let showAfter = runHighneeds(["data", "show", "--authority", "Medway", "--format", "csv", "--store", store])
    #expect(showAfter.stdout == showBefore.stdout)
    #expect(try Data(contentsOf: URL(fileURLWithPath: store)).count == before.count)
  }

  @Test func aStoreThatCannotBeCreatedExits73() throws {
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("a-file")
    try Data("x".utf8).write(to: file)
    // The store's folder would have to be inside a regular file.
    let run = runHighneeds(["data", "import", release("sen2-2025-small.zip"), "--store", file.path + "/store.sqlite"])
    #expect(run.status == 73, "\(run.stderr)")
    #expect(try String(contentsOf: file, encoding: .utf8) == "x")
  }

  @Test func showGivesEveryFigureWithItsSource() throws {
    let (folder, store) = try importedStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let table = runHighneeds(["data", "show", "--authority", "medway", "--store", store])
    #expect(table.status == 0, "\(table.stderr)")
    #expect(table.stdout.contains("2025   3041  2025 release, data/caseload.csv line"))
    // The fixture keeps England and Medway rows: Medway's January 2020 is line 5 of its caseload.csv.
    #expect(table.stdout.contains("2020   2296  2025 release, data/caseload.csv line 5 (supersedes 2022)"))
    #expect(table.stdout.contains("2010   1546  2022 release, data/sen2_estab_caseload.csv line"))
    #expect(table.stdout.contains("break 2023"))
    let json = runHighneeds(["data", "show", "--authority", "E06000035", "--format", "json", "--store", store])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let caseload = try #require(object["caseload"] as? [[String: Any]])
    let y2025 = try #require(caseload.first { $0["year"] as? Int == 2025 })
    #expect(y2025["plans"] as? Int == 3041)
    #expect((y2025["source"] as? [String: Any])?["file"] as? String == "data/caseload.csv")
    // Unpublished is null with its code, never 0: placement unknown before 2023.
    let placements = try #require(object["placements"] as? [[String: Any]])
    let p2019 = try #require(placements.first { $0["year"] as? Int == 2019 })
    #expect(p2019["unknown"] is NSNull)
    let csv = runHighneeds(["data", "show", "--authority", "887", "--format", "csv", "--store", store])
    #expect(csv.stdout.contains("\nplans,2025,total,3041,,2025,data/caseload.csv,"))
    #expect(csv.stdout.contains("\nplans,2019,placement:unknown,,x,2025,data/caseload.csv,"))
  }

  @Test func anUnknownAuthorityGetsDidYouMean() throws {
    let (folder, store) = try importedStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = runHighneeds(["data", "show", "--authority", "Medwy", "--store", store])
    #expect(run.status == 64)
    #expect(run.stderr.contains("did you mean 'Medway'?"), "\(run.stderr)")
  }

  @Test func aMissingStoreIsUnreadableAndNotCreated() throws {
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("none.sqlite").path
    let run = runHighneeds(["data", "show", "--authority", "Medway", "--store", store])
    #expect(run.status == 66)
    #expect(run.stderr.contains("run `highneeds data import"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: store))
  }

  @Test func theEnvironmentChoosesTheStore() throws {
    let (folder, store) = try importedStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try runWithEnvironment(["data", "authorities", "--format", "csv"], ["HIGHNEEDS_STORE": store])
    #expect(run.status == 0)
    #expect(run.stdout.contains("Local authority,E06000035,887,Medway,South East,2010,2025"))
  }

  @Test func initWritesAScenarioThatValidatesAndRuns() throws {
    let (folder, store) = try importedStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("medway.yaml").path
    let written = runHighneeds(["init", "--authority", "Medway", "--output", path, "--store", store])
    #expect(written.status == 0, "\(written.stderr)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("    2025: 3041                   # 2025 release, data/caseload.csv line"))
    #expect(text.contains("    2010: 1546                   # 2022 release, data/sen2_estab_caseload.csv line"))
    #expect(text.contains("PLACEHOLDER"))
    #expect(runHighneeds(["validate", path]).status == 0)
    let run = runHighneeds(["run", path, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    // An existing file is not replaced without --force.
    let again = runHighneeds(["init", "--authority", "Medway", "--output", path, "--store", store])
    #expect(again.status == 73)
    // Without a scenario file `run --authority` runs what init writes; with no finance files in
    // the store that would be placeholders, so it refuses and says what to do.
    let direct = runHighneeds(["run", "--authority", "Medway", "--store", store])
    #expect(direct.status == 65)
    #expect(direct.stderr.contains("highneeds init --authority Medway --output FILE.yaml"), "\(direct.stderr)")
    #expect(direct.stdout.isEmpty)
    #expect(runHighneeds(["run"]).status == 64)
    #expect(runHighneeds(["places", "--authority", "Medway", "--store", store]).status == 64)
  }

  @Test func runAndForecastReadTheStore() throws {
    let (folder, store) = try importedStore()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = repositoryRoot.appendingPathComponent("scenarios/medway-sen2.yaml").path
    let run = runHighneeds(["run", scenario, "--authority", "Medway", "--store", store, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let years = try #require(object["years"] as? [[String: Any]])
    // 2024-25 holds the January 2025 census: the store's 3,041, not a forecast from 2020.
    #expect(years.first { $0["year"] as? String == "2024-25" }?["plans"] as? Int == 3041)
    let forecast = runHighneeds(["forecast", "--authority", "Medway", "--store", store, "--format", "json"])
    #expect(forecast.status == 0, "\(forecast.stderr)")
    let fitted = try #require(
      (try JSONSerialization.jsonObject(with: Data(forecast.stdout.utf8)) as? [String: Any])?["fitted"]
        as? [[String: Any]])
    #expect(fitted.count == 16)
    #expect(fitted.last?["value"] as? Int == 3041)
    let both = runHighneeds(["forecast", "plans.csv", "--authority", "Medway", "--store", store])
    #expect(both.status == 64)
    let places = runHighneeds([
      "places", repositoryRoot.appendingPathComponent("scenarios/medway-2020-new-special-school.yaml").path,
      "--authority", "Medway", "--store", store, "--format", "csv",
    ])
    #expect(places.status == 0, "\(places.stderr)")
    // The fixture store has one local authority (Medway), so --all-authorities backtests one series.
    let backtest = runHighneeds([
      "backtest", "--all-authorities", "--store", store, "--train-until", "2019", "--models", "naive",
    ])
    #expect(backtest.status == 0, "\(backtest.stderr)")
    #expect(backtest.stdout.contains("Series: 1 complete (0 left out with missing years)."))
    let national = runHighneeds([
      "run", repositoryRoot.appendingPathComponent("scenarios/england-national-sen2.yaml").path, "--authority",
      "Medway", "--store", store,
    ])
    #expect(national.status == 64)
  }
}
