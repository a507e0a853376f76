import Foundation
import Testing
import TestSupport

@Suite("highneeds solve")
struct SolveEndToEndTests {
  /// Solves, writes the scenario with --output, runs it, and returns the written year's figures.
  func roundTrip(_ scenario: String, lever: String, target: String, year: String) throws -> (
    solve: (status: Int32, stdout: String, stderr: String), year: [String: Any]?, written: String
  ) {
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("solved.yaml").path
    let solve = runHighneeds([
      "solve", scenarioPath(scenario), "--lever", lever, "--target", target, "--output", output,
    ])
    let written = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    let run = runHighneeds(["run", output, "--format", "json"])
    let years = run.status == 0 ? try yearsByName(try jsonObject(run.stdout)) : [:]
    return (solve, years[year], written)
  }

  @Test("in-year balance: the written scenario, run again, balances 2024-25 to within £1,000")
  func inYearBalanceRoundTrip() throws {
    let result = try roundTrip(
      "medway-2020-slower-growth.yaml", lever: "Early help and SEN support", target: "in-year-balance:2024-25",
      year: "2024-25")
    #expect(result.solve.status == 0, "\(result.solve.stderr)")
    let balance = try #require(number(result.year?["inYearBalance"]))
    #expect(balance >= -1000 && balance <= 1000)
    #expect(result.written.contains("# assumption: two percentage points a year slower growth"), "comments are kept")
  }

  @Test("reserve at least: the written scenario, run again, has the reserve asked for to within £1,000")
  func reserveRoundTrip() throws {
    let result = try roundTrip(
      "medway-2020-block-transfer.yaml", lever: "Schools Block transfer 0.5%",
      target: "reserve-at-least:-£160m:2025-26",
      year: "2025-26")
    #expect(result.solve.status == 0, "\(result.solve.stderr)")
    let reserve = try #require(number(result.year?["reserve"]))
    #expect(abs(reserve - -160_000_000) <= 1000)
  }

  @Test("an unreachable target says so, shows the best, exits 1 and writes nothing")
  func unreachable() throws {
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("solved.yaml").path
    let run = runHighneeds([
      "solve", scenarioPath("medway-2020-block-transfer.yaml"), "--lever", "Schools Block transfer 0.5%",
      "--target", "in-year-balance:2024-25", "--output", output,
    ])
    #expect(run.status == 1)
    #expect(run.stdout.contains("No size of 'Schools Block transfer 0.5%'"))
    #expect(run.stderr.contains("Nothing written"))
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test("bad requests: unknown lever 65, bad target 64, lever without a size 65")
  func badRequests() {
    let option = scenarioPath("medway-2020-slower-growth.yaml")
    let unknown = runHighneeds(["solve", option, "--lever", "Early help", "--target", "in-year-balance:2024-25"])
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("did you mean 'Early help and SEN support'?"))
    #expect(
      runHighneeds(["solve", option, "--lever", "Early help and SEN support", "--target", "balance:2024-25"]).status
        == 64)
    #expect(runHighneeds(["solve", medwayPath, "--lever", "x", "--target", "in-year-balance:2024-25"]).status == 65)
  }
}
