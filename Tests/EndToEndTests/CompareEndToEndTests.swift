import Foundation
import Testing
import TestSupport

func scenarioPath(_ name: String) -> String { repositoryRoot.appendingPathComponent("scenarios/\(name)").path }

@Suite("highneeds compare")
struct CompareEndToEndTests {
  @Test("Medway options: lever savings plus other changes equal the difference from the baseline, every year")
  func savingsAddUp() throws {
    let options = [
      "medway-2020-new-special-school.yaml", "medway-2020-block-transfer.yaml", "medway-2020-slower-growth.yaml",
      "medway-2020-all-options.yaml",
    ]
    let run = runHighneeds(["compare", medwayPath] + options.map(scenarioPath) + ["--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try jsonObject(run.stdout)
    let baseline = try #require(report["baseline"] as? [String: Any])
    let baseYears = try #require(baseline["years"] as? [[String: Any]])
    let optionReports = try #require(report["options"] as? [[String: Any]])
    #expect(optionReports.count == 4)
    for option in optionReports {
      let years = try #require(option["years"] as? [[String: Any]])
      let levers = try #require(option["levers"] as? [[String: Any]])
      for (index, year) in years.enumerated() {
        // The difference from the baseline, recomputed from the two ledgers' balances.
        let difference = (number(year["inYearBalance"]) ?? 0) - (number(baseYears[index]["inYearBalance"]) ?? 0)
        #expect(abs((number(year["saving"]) ?? 0) - difference) <= 1)
        let leverSum = levers.compactMap { lever -> Double? in
          let savings = lever["savings"] as? [[String: Any]]
          return number(savings?[index]["saving"])
        }.reduce(0, +)
        // Each figure is rounded to whole pounds on its own: allow £1 per part.
        #expect(abs(leverSum + (number(year["otherChanges"]) ?? 0) - difference) <= Double(levers.count + 2))
      }
    }
    // The block transfer is 0.5% of the assumed £180m Schools Block: £900,000 a year from 2021-22.
    let transfer = try #require(optionReports.first { ($0["scenario"] as? String)?.contains("0.5%") == true })
    let transferYears = try #require(transfer["years"] as? [[String: Any]])
    #expect(transferYears.map { number($0["saving"]) ?? -1 } == [0, 0, 0, 900_000, 900_000, 900_000, 900_000, 900_000])
  }

  @Test("compare tables and CSV; a bad option exits 65")
  func formats() {
    let option = scenarioPath("medway-2020-new-special-school.yaml")
    let table = runHighneeds(["compare", medwayPath, option])
    #expect(table.status == 0)
    #expect(table.stdout.contains("Saving against the baseline"))
    let csv = runHighneeds(["compare", medwayPath, option, "--format", "csv"])
    #expect(csv.stdout.split(separator: "\n").count == 1 + 8 + 8)
    let bad = badCatalogue.appendingPathComponent("lever-end-before-start.yaml").path
    #expect(runHighneeds(["compare", medwayPath, bad]).status == 65)
    #expect(runHighneeds(["compare", medwayPath]).status == 64)
  }
}
