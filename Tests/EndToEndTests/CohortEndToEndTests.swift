import Foundation
import TestSupport
import Testing

/// `forecast --authority NAME --cohort` on the small release fixtures (England and Medway rows).
struct CohortEndToEndTests {
  /// A scratch store with the two small releases imported.
  static func store() throws -> (URL, String) {
    let fixtures = repositoryRoot.appendingPathComponent("Tests/OfficialDataTests/Fixtures")
    let folder = try makeScratchFolder()
    let store = folder.appendingPathComponent("store.sqlite").path
    let run = runHighneeds([
      "data", "import", fixtures.appendingPathComponent("sen2-2022-small.zip").path,
      fixtures.appendingPathComponent("sen2-2025-small.zip").path, "--store", store,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    return (folder, store)
  }

  /// The identity's 2024-25 closing stocks are the January 2025 band counts `data show` prints
  /// (read through its own CSV, not the cohort code), and explained + residual equals them to
  /// 0.01 (JSON doubles round-trip; the flows are whole counts and 1/width shares).
  @Test func identityClosesOnThePublished2025Bands() throws {
    let (folder, store) = try Self.store()
    defer { try? FileManager.default.removeItem(at: folder) }
    let shown = runHighneeds(["data", "show", "--authority", "Medway", "--format", "csv", "--store", store])
    #expect(shown.status == 0)
    var published: [String: Double] = [:]
    for line in shown.stdout.split(separator: "\n") {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      if fields.count > 3, fields[0] == "plans", fields[1] == "2025", fields[2].hasPrefix("age:") {
        published[String(fields[2].dropFirst(4))] = Double(fields[3])
      }
    }
    let run = runHighneeds([
      "forecast", "--authority", "Medway", "--cohort", "--horizon", "3", "--format", "json", "--store", store,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
    #expect(json["model"] as? String == "cohort")
    #expect(json["startYear"] as? Int == 2025)
    let rows = (json["identity"] as! [[String: Any]]).filter { $0["year"] as? Int == 2024 }
    #expect(rows.count == 5)
    for row in rows {
      let band = row["band"] as! String
      let closing = row["closing"] as! Double
      #expect(closing == published[band])
      let explained =
        (row["opening"] as! Double) - (row["ceased"] as! Double) - (row["agedOut"] as! Double)
        + (row["agedIn"] as! Double) + (row["newPlans"] as! Double)
      #expect(abs(explained + (row["residual"] as! Double) - closing) < 0.01)
    }
    let years = Set((json["projection"] as! [[String: Any]]).compactMap { $0["year"] as? Int })
    #expect(years == [2026, 2027, 2028])
  }

  /// --cohort without --authority, or with another --model, is a usage error (64).
  @Test func cohortNeedsAnAuthorityAndNoOtherModel() throws {
    let (folder, store) = try Self.store()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(runHighneeds(["forecast", "--cohort", "--store", store]).status == 64)
    #expect(
      runHighneeds(["forecast", "--authority", "Medway", "--cohort", "--model", "linear", "--store", store]).status
        == 64)
  }

  /// `--model cohort` is the cohort model and `--cohort` its alias: the same report byte for
  /// byte; `--model cohort` needs `--authority` and refuses the trend models' options (64); the
  /// help says `--cohort` is the alias.
  @Test func modelCohortIsTheCohortFlag() throws {
    let (folder, store) = try Self.store()
    defer { try? FileManager.default.removeItem(at: folder) }
    let common = ["forecast", "--authority", "Medway", "--horizon", "3", "--format", "json", "--store", store]
    let byModel = runHighneeds(common + ["--model", "cohort"])
    let byFlag = runHighneeds(common + ["--cohort"])
    #expect(byModel.status == 0, "\(byModel.stderr)")
    #expect(byModel.stdout == byFlag.stdout)
    #expect(byModel.stdout.contains("\"model\": \"cohort\""))
    #expect(runHighneeds(common + ["--cohort", "--model", "cohort"]).stdout == byFlag.stdout)
    #expect(runHighneeds(["forecast", "--model", "cohort", "--store", store]).status == 64)
    #expect(runHighneeds(common + ["--model", "cohort", "--train-until", "2022"]).status == 64)
    let help = runHighneeds(["forecast", "--help"])
    #expect(help.stdout.contains("--model cohort"))
    #expect(help.stdout.contains("--cohort"))
  }
}
