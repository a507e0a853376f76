import Foundation
import Testing
import TestSupport

/// Parses a JSON object from the binary's output.
func jsonObject(_ text: String) throws -> [String: Any] {
  let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
  return try #require(value as? [String: Any])
}

/// The entries of `years` keyed by their `year` text.
func yearsByName(_ report: [String: Any]) throws -> [String: [String: Any]] {
  let years = try #require(report["years"] as? [[String: Any]])
  var result: [String: [String: Any]] = [:]
  for year in years {
    if let name = year["year"] as? String { result[name] = year }
  }
  return result
}

func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

let medwayPath = repositoryRoot.appendingPathComponent("scenarios/medway-2020.yaml").path
let medwaySEN2Path = repositoryRoot.appendingPathComponent("scenarios/medway-sen2.yaml").path

@Suite("highneeds run")
struct RunEndToEndTests {
  @Test("Medway 2020 reproduces the seed's section 10 figures")
  func medwayAcceptance() throws {
    let run = runHighneeds(["run", medwayPath, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try jsonObject(run.stdout)
    #expect(report["authority"] as? String == "Medway")
    let years = try yearsByName(report)
    // Seed 10.4: reserve −£3.688m after 2018-19, −£9.604m after 2019-20 (acceptance: ±£1,000).
    #expect(abs((number(years["2018-19"]?["reserve"]) ?? 0) - -3_688_000) <= 1000)
    #expect(abs((number(years["2019-20"]?["reserve"]) ?? 0) - -9_604_000) <= 1000)
    // Seed 10.2 and 10.3: the allocations, exactly as given.
    #expect(number(years["2019-20"]?["funding"]) == 38_226_000)
    #expect(number(years["2020-21"]?["funding"]) == 41_740_000)
    #expect(years["2018-19"]?["actual"] as? Bool == true)
    #expect(years["2019-20"]?["actual"] as? Bool == true)
    for name in ["2020-21", "2021-22", "2022-23", "2023-24", "2024-25", "2025-26"] {
      #expect(years[name]?["actual"] as? Bool == false, "\(name) should be a projection")
    }
    // Calibration: modelled 2019-20 spend equals outturn spend £38.226m + £5.916m.
    let calibration = try #require(report["calibration"] as? [String: Any])
    #expect(number(calibration["targetSpend"]) == 44_142_000)
    #expect((number(calibration["factor"]) ?? 0) > 0)
    #expect(number(years["2019-20"]?["spend"]) == 44_142_000)
    #expect(abs((number(years["2019-20"]?["modelledSpend"]) ?? 0) - 44_142_000) <= 1)
    for key in ["year", "plans", "spend", "funding", "inYearBalance", "reserve", "reservePercentOfDSG", "actual"] {
      #expect(years["2022-23"]?[key] != nil, "contract field \(key) missing")
    }
  }

  @Test("one projected year of Medway 2020 recomputed by hand from the scenario's inputs")
  func medwayByHand() throws {
    // Inputs as written in scenarios/medway-2020.yaml (each cited there).
    let shares = [0.3297, 0.3841, 0.0880, 0.1315, 0.0009, 0.0658]
    let costs = [8000.0, 21000, 54000, 9000, 18000, 5000]
    let averageCost = zip(shares, costs).map { $0 * $1 }.reduce(0, +) / shares.reduce(0, +)
    let plans2020 = 2500.0
    let growth = 0.0889
    let inflation = 0.02
    let other = 3_000_000.0
    // Calibration to 2019-20: (£38.226m + £5.916m − other) / (plans × average cost).
    let factor = (38_226_000.0 + 5_916_000 - other) / (plans2020 * averageCost)
    var reserve = -3_688_000.0 - 5_916_000
    var funding = 41_740_000.0
    var expected: (plans: Double, spend: Double, funding: Double, balance: Double, reserve: Double) = (0, 0, 0, 0, 0)
    for step in 1...3 {  // 2020-21, 2021-22, 2022-23
      if step > 1 { funding *= 1.08 }
      let plans = plans2020 * pow(1 + growth, Double(step))
      let index = pow(1 + inflation, Double(step))
      // Places (scenario's places section): plans beyond 960 maintained special and 400 post-16
      // places go to independent special schools at £54,000 instead of £21,000 and £9,000.
      let maintainedExcess = max(0, plans * shares[1] - 960)
      let post16Excess = max(0, plans * shares[3] - 400)
      let overflowCost = maintainedExcess * (54000 - 21000) + post16Excess * (54000 - 9000)
      let spend = (plans * averageCost + overflowCost) * index * factor + other * index
      reserve += funding - spend
      expected = (plans, spend, funding, funding - spend, reserve)
    }
    let run = runHighneeds(["run", medwayPath, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let year = try #require(try yearsByName(try jsonObject(run.stdout))["2022-23"])
    // JSON money is rounded to whole pounds (±£0.5 each; the reserve sums unrounded values).
    #expect(abs((number(year["plans"]) ?? 0) - expected.plans) <= 0.05)
    #expect(abs((number(year["spend"]) ?? 0) - expected.spend) <= 1)
    #expect(abs((number(year["funding"]) ?? 0) - expected.funding) <= 1)
    #expect(abs((number(year["inYearBalance"]) ?? 0) - expected.balance) <= 1)
    #expect(abs((number(year["reserve"]) ?? 0) - expected.reserve) <= 1)
    #expect(abs((number(year["reservePercentOfDSG"]) ?? 0) - expected.reserve / 260_000_000 * 100) <= 0.001)

    // The table shows the same year in £m to three decimals.
    let table = runHighneeds(["run", medwayPath])
    let row = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("2022-23") })
    for value in [expected.spend, expected.funding, expected.balance, expected.reserve] {
      let millions = String(format: "%.3f", value / 1_000_000)
      #expect(row.contains(millions), "table row \(row) lacks \(millions)")
    }
  }

  @Test("the SEN2 scenario runs on the forecasting module with intervals for projected years")
  func medwaySEN2() throws {
    let run = runHighneeds(["run", medwaySEN2Path, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let years = try yearsByName(try jsonObject(run.stdout))
    #expect(number(years["2019-20"]?["plans"]) == 2296)
    #expect(years["2019-20"]?["plansSource"] as? String == "census")
    let interval = try #require(years["2025-26"]?["plansInterval"] as? [String: Any])
    let mean = try #require(number(years["2025-26"]?["plans"]))
    #expect((number(interval["lo95"]) ?? .infinity) <= mean && mean <= (number(interval["hi95"]) ?? -.infinity))
    // The demand range: more plans, deeper deficit, and the central reserve in between.
    let report = try jsonObject(run.stdout)
    let range = try #require(report["demandRange"] as? [String: Any])
    let rangeYears = try #require(range["years"] as? [[String: Any]])
    let last = try #require(rangeYears.last)
    let central = try #require(number(years["2025-26"]?["reserve"]))
    #expect((number(last["reserveAtHighDemand95"]) ?? 0) < central)
    #expect(central < (number(last["reserveAtLowDemand95"]) ?? 0))
  }

  @Test("CSV has a header and one row per year; markdown has pipe tables")
  func csvAndMarkdown() throws {
    let csv = runHighneeds(["run", medwayPath, "--format", "csv"])
    #expect(csv.status == 0)
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.count == 1 + 8)
    let header = lines.first.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } ?? []
    for line in lines { #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == header.count) }
    let reserveColumn = try #require(header.firstIndex(of: "reserve"))
    let row = lines[2].split(separator: ",", omittingEmptySubsequences: false)
    #expect(row[0] == "2019-20")
    #expect(row[reserveColumn] == "-9604000")
    let markdown = runHighneeds(["run", medwayPath, "--format", "markdown"])
    #expect(markdown.status == 0)
    #expect(markdown.stdout.contains("| 2019-20 |"))
  }

  @Test("HTML is a whole page: the four charts (reserve, plans, mitigations, places), the year and lever tables")
  func html() throws {
    let run = runHighneeds(["run", scenarioPath("medway-2020-all-options.yaml"), "--format", "html"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
    #expect(run.stdout.hasSuffix("</html>\n"))
    #expect(run.stdout.components(separatedBy: "<svg").count - 1 == 4)
    #expect(run.stdout.components(separatedBy: "<table>").count - 1 == 2)
    #expect(!run.stdout.contains("http://") || run.stdout.components(separatedBy: "http://").dropFirst().allSatisfy { $0.hasPrefix("www.w3.org/2000/svg") })
    // Money in pounds with separators, years as written, a deficit marked negative.
    #expect(run.stdout.contains("<td class=\"num negative\">-£3,688,000</td>"), "the 2018-19 outturn overspend")
    #expect(run.stdout.contains("2024-25"))
  }

  @Test("the same scenario gives byte-identical reports in separate processes")
  func deterministic() {
    // Dictionary order differs between processes; sums must not depend on it.
    let runs = (0..<3).map { _ in runHighneeds(["run", medwayPath, "--format", "json"]).stdout }
    #expect(!runs[0].isEmpty)
    #expect(runs.allSatisfy { $0 == runs[0] })
  }

  @Test("--output writes the report whole and leaves no temporary file")
  func outputFile() throws {
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("medway.json").path
    let run = runHighneeds(["run", medwayPath, "--format", "json", "--output", path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written == runHighneeds(["run", medwayPath, "--format", "json"]).stdout)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["medway.json"])
  }

  @Test("an invalid scenario exits 65 with file:line:column and leaves an existing output untouched")
  func invalidLeavesOutputAlone() throws {
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = folder.appendingPathComponent("bad.yaml")
    try "scenario: x\nauthority: y\nyears: 2019-20 to 2018-19\n".write(to: scenario, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("report.csv")
    try "previous report\n".write(to: output, atomically: true, encoding: .utf8)
    let run = runHighneeds(["run", scenario.path, "--format", "csv", "--output", output.path])
    #expect(run.status == 65)
    #expect(run.stderr.contains("bad.yaml:3:8: years: the range ends (2018-19) before it starts (2019-20)"))
    #expect(run.stderr.contains("missing required field 'demand'"))
    #expect(try String(contentsOf: output, encoding: .utf8) == "previous report\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.yaml", "report.csv"])
  }

  @Test("an unreadable scenario exits 66; an unwritable output exits 73; non-UTF-8 exits 65")
  func exitCodes() throws {
    #expect(runHighneeds(["run", "/nonexistent/scenario.yaml"]).status == 66)
    #expect(runHighneeds(["run", repositoryRoot.appendingPathComponent("scenarios").path]).status == 66)
    let unwritable = runHighneeds(["run", medwayPath, "--output", "/nonexistent-folder/report.txt"])
    #expect(unwritable.status == 73)
    #expect(unwritable.stderr.contains("/nonexistent-folder/report.txt"))
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let latin1 = folder.appendingPathComponent("latin1.yaml")
    try Data([0x73, 0x63, 0x65, 0x6E, 0x3A, 0x20, 0xA3, 0x33, 0x6D, 0x0A]).write(to: latin1)
    #expect(runHighneeds(["run", latin1.path]).status == 65)
  }

  @Test("the national scenario forecasts 150 authorities one by one and adds them up")
  func nationalRun() throws {
    let path = repositoryRoot.appendingPathComponent("scenarios/england-national-sen2.yaml").path
    let run = runHighneeds(["run", path, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try jsonObject(run.stdout)
    let years = try #require(report["years"] as? [[String: Any]])
    // January 2020, England (data/sen2/ehcp_caseload_2010_2020.csv, row "National"): 390,109 plans.
    #expect(number(years.first?["plans"]) == 390_109)
    let demand = try #require(report["demand"] as? [String: Any])
    let authorities = try #require(demand["authorities"] as? [[String: Any]])
    #expect(authorities.count == 150)
    for year in years {
      let census = try #require(year["census"] as? Int)
      let parts = authorities.compactMap { authority in
        (authority["plans"] as? [[String: Any]])?.first { $0["census"] as? Int == census }.flatMap {
          number($0["plans"])
        }
      }
      #expect(parts.count == 150)
      // Each part and the total are rounded to 0.1 in the JSON: 151 roundings of at most 0.05.
      #expect(abs(parts.reduce(0, +) - (number(year["plans"]) ?? 0)) <= 151 * 0.05, "census \(census)")
    }
    // Every projected year is a forecast with 80% and 95% bounds around the mean.
    for year in years.dropFirst() {
      let interval = try #require(year["plansInterval"] as? [String: Any])
      let plans = try #require(number(year["plans"]))
      #expect((number(interval["lo95"]) ?? .infinity) < plans && plans < (number(interval["hi95"]) ?? 0))
    }
  }

  @Test("--simulate adds the Monte Carlo summary to JSON and CSV; the same seed repeats it")
  func simulate() throws {
    let run = runHighneeds(["run", medwaySEN2Path, "--format", "json", "--simulate", "400", "--seed", "5"])
    #expect(run.status == 0, "\(run.stderr)")
    let report = try jsonObject(run.stdout)
    let simulation = try #require(report["simulation"] as? [String: Any])
    #expect(number(simulation["draws"]) == 400)
    #expect(simulation["seed"] as? String == "5")
    let years = try #require(simulation["years"] as? [[String: Any]])
    #expect(years.map { $0["year"] as? String } == (report["years"] as? [[String: Any]])?.map { $0["year"] as? String })
    // 2019-20 is an outturn: reserve −£9.604m in every draw (seed 10.4).
    let outturn = try #require(years.first { $0["year"] as? String == "2019-20" })
    #expect(number(outturn["reserveP5"]) == -9_604_000 && number(outturn["reserveP95"]) == -9_604_000)
    #expect(number(outturn["probabilityDeficit"]) == 1)
    let again = runHighneeds(["run", medwaySEN2Path, "--format", "json", "--simulate", "400", "--seed", "5"])
    #expect(again.stdout == run.stdout)

    // The draws follow the forecasting module's own law: their 10th and 90th percentiles are
    // the printed 80% bounds. 8,000 draws: a sample percentile's standard error here is about
    // 0.0075 of the interval's width; tolerance 0.04 of it.
    let many = runHighneeds(["run", medwaySEN2Path, "--format", "json", "--simulate", "8000"])
    let manyReport = try jsonObject(many.stdout)
    let manyYears = try #require((manyReport["simulation"] as? [String: Any])?["years"] as? [[String: Any]])
    for year in try #require(manyReport["years"] as? [[String: Any]]) where year["actual"] as? Bool == false {
      let interval = try #require(year["plansInterval"] as? [String: Any])
      let lo = try #require(number(interval["lo80"]))
      let hi = try #require(number(interval["hi80"]))
      let drawn = try #require(manyYears.first { $0["year"] as? String == year["year"] as? String })
      #expect(abs((number(drawn["plansP10"]) ?? 0) - lo) < 0.04 * (hi - lo), "\(year["year"] ?? "")")
      #expect(abs((number(drawn["plansP90"]) ?? 0) - hi) < 0.04 * (hi - lo), "\(year["year"] ?? "")")
    }

    let csv = runHighneeds(["run", medwaySEN2Path, "--format", "csv", "--simulate", "50"])
    #expect(csv.status == 0)
    let header = csv.stdout.split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.hasSuffix(",sim_probability_deficit,sim_probability_overspend,sim_probability_recovery_plan"))
  }

  @Test("--simulate on a fixed growth rate, a lone --seed, or 1 draw: exit 64 with a reason")
  func simulateRefusals() throws {
    let fixed = runHighneeds(["run", medwayPath, "--simulate", "100"])
    #expect(fixed.status == 64)
    // medway-2020.yaml line 24: "  growth: 8.89%".
    #expect(fixed.stderr.contains("medway-2020.yaml:24:11: demand.growth: nothing to simulate"))
    #expect(fixed.stdout.isEmpty)
    let seedOnly = runHighneeds(["run", medwaySEN2Path, "--seed", "3"])
    #expect(seedOnly.status == 64)
    #expect(seedOnly.stderr.contains("--seed is used only with --simulate"))
    #expect(runHighneeds(["run", medwaySEN2Path, "--simulate", "1"]).status == 64)
    #expect(runHighneeds(["run", medwaySEN2Path, "--simulate", "100", "--seed", "-1"]).status == 64)
  }
}

/// The defects issue 11 found, each with the test that would have caught it.
@Suite("Report defects (issue 11)")
struct ReportDefectTests {
  @Test("--version names the release, LAPACK's version and the BLAS and LAPACK libraries loaded")
  func version() {
    let run = runHighneeds(["--version"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("highneeds "))
    #expect(run.stdout.contains("LAPACK 3."), "\(run.stdout)")
    #expect(run.stdout.contains("libblas") || run.stdout.contains("openblas"), "\(run.stdout)")
  }

  @Test("fit --format json writes aicc as null when it is undefined, as its warning says")
  func fitJSONNulls() throws {
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("three.csv").path
    try "x,y\n1,2\n2,4.5\n3,5.5\n".write(toFile: path, atomically: true, encoding: .utf8)
    let run = runHighneeds(["fit", path, "--y", "y", "--x", "x", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    // n = 3, k = 3 (two coefficients and σ): n − k − 1 < 0, so AICc is undefined.
    #expect(object.keys.contains("aicc") && object["aicc"] is NSNull)
    #expect(object.keys.contains("conditionNumber"))
    let warnings = try #require(object["warnings"] as? [String])
    #expect(warnings.contains { $0.contains("AICc") })
  }

  @Test("solve --format csv is one table: one header line, every row as long as it")
  func solveCSVIsOneTable() throws {
    let run = runHighneeds(
      [
        "solve", "scenarios/medway-2020-slower-growth.yaml", "--lever", "Early help and SEN support", "--target",
        "in-year-balance:2024-25", "--format", "csv",
      ], in: repositoryRoot)
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    try #require(lines.count == 9)  // header + 2018-19 to 2025-26
    #expect(lines.allSatisfy { $0.count == lines[0].count })
    #expect(lines[0].first == "solved_lever" && lines[0].contains("reserve"))
  }

  @Test("run --format csv carries each lever's saving and the reserve at the ends of the 80/95% range")
  func runCSVHasLeversAndRange() throws {
    let levers = runHighneeds(["run", "scenarios/medway-2020-all-options.yaml", "--format", "csv"], in: repositoryRoot)
    #expect(levers.status == 0, "\(levers.stderr)")
    let header = levers.stdout.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
    #expect(header.contains("saving_Early help and SEN support"))
    let json = runHighneeds(["run", "scenarios/medway-2020-all-options.yaml", "--format", "json"], in: repositoryRoot)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let lever = try #require((object["levers"] as? [[String: Any]])?.first { $0["name"] as? String == "Early help and SEN support" })
    let total = try #require(lever["totalSaving"] as? Double)
    let column = try #require(header.firstIndex(of: "saving_Early help and SEN support"))
    let sum = levers.stdout.split(separator: "\n").dropFirst().compactMap { line -> Double? in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false)
      return column < cells.count ? Double(cells[column]) : nil
    }.reduce(0, +)
    // Whole pounds in both; the JSON total is the sum of the same yearly figures (±£1 a year of rounding).
    #expect(abs(sum - total) <= 8)
    let ranged = runHighneeds(["run", "scenarios/medway-sen2.yaml", "--format", "csv"], in: repositoryRoot)
    let rangeHeader = ranged.stdout.split(separator: "\n").first ?? ""
    for column in ["reserve_at_low_demand_80", "reserve_at_high_demand_80", "reserve_at_low_demand_95", "reserve_at_high_demand_95"] {
      #expect(rangeHeader.contains(column))
    }
  }
}

/// `--format xlsx`: the DSG management plan workbook, through the same report as every format.
@Suite("run --format xlsx")
struct WorkbookOutputTests {
  @Test("needs --output (exit 64, nothing written); with it writes a workbook that opens as a ZIP of sheets")
  func workbook() throws {
    let none = runHighneeds(["run", "scenarios/medway-2020-all-options.yaml", "--format", "xlsx"], in: repositoryRoot)
    #expect(none.status == 64)
    #expect(none.stderr.contains("--output"))
    #expect(none.stdout.isEmpty)
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("plan.xlsx").path
    let run = runHighneeds(
      ["run", "scenarios/medway-2020-all-options.yaml", "--format", "xlsx", "--output", path], in: repositoryRoot)
    #expect(run.status == 0, "\(run.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]), "an .xlsx is a ZIP file")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.xlsx"], "no temporary left")
    let places = runHighneeds(["places", "scenarios/medway-2020.yaml", "--format", "xlsx", "--output", path], in: repositoryRoot)
    #expect(places.status == 64, "places has no workbook")
    // The binary's workbook in a real spreadsheet (LibreOffice; FAILS without it): the financial
    // plan's totals equal the same run's JSON to the pound.
    let sheets = try libreOfficeSheets(URL(fileURLWithPath: path), sheets: ["High needs financial plan"])
    let plan = try #require(sheets["High needs financial plan"])
    let json = runHighneeds(["run", "scenarios/medway-2020-all-options.yaml", "--format", "json"], in: repositoryRoot)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let years = try #require(object["years"] as? [[String: Any]])
    try #require(years.count == 8)
    for year in years {
      let label = try #require(year["year"] as? String)
      let reserve = csvCell(plan, row: "DSG reserve at end of year", column: label).flatMap { Int64($0) }
      #expect(reserve == (year["reserve"] as? NSNumber)?.int64Value, "reserve \(label)")
      let spend = csvCell(plan, row: "Total expenditure", column: label).flatMap { Int64($0) }
      #expect(spend == (year["spend"] as? NSNumber)?.int64Value, "spend \(label)")
    }
  }
}
