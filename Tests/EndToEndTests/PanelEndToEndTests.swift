import Foundation
import Testing
import TestSupport

/// End-to-end tests of the cross-section: `forecast --panel`, `forecast-panel` and
/// `backtest --min-training`, on SEN2 2010-2025 (`../shared/data/sen2`) and small files.
struct PanelEndToEndTests {
  static let sen2 = repositoryRoot.deletingLastPathComponent()
    .appendingPathComponent("shared/data/sen2/ehcp_caseload_2010_2025.csv").path

  static func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// Every authority and the total: the total's interval is the total's own, narrower than
  /// the members' bounds added up and far wider than if their errors were independent.
  @Test func forecastPanelOnSEN2() throws {
    let run = runHighneeds(["forecast-panel", Self.sen2, "--format", "csv", "--horizon", "2"])
    #expect(run.status == 0, "\(run.stderr)")
    // Names may hold commas ("Bristol, City of", quoted): the name is everything before the last six fields.
    let lines = run.stdout.split(separator: "\n").dropFirst().map { line -> [Substring] in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      return [Substring(fields.dropLast(6).joined(separator: ","))] + fields.suffix(6)
    }
    let members = lines.filter { $0[0] != "(total)" && $0[1] == "2026" }
    let total = try #require(lines.first { $0[0] == "(total)" && $0[1] == "2026" })
    // SEN2 2025 has 157 named series; Bournemouth, Poole, Cumbria and Northamptonshire ended earlier.
    #expect(members.count == 153)
    let value = { (row: [Substring], i: Int) in Double(row[i])! }
    let mean = members.map { value($0, 2) }.reduce(0, +)
    #expect(abs(value(total, 2) - mean) < 1e-6 * mean)
    #expect(value(total, 2) > 638_745)  // England's January 2025 count: plans have grown every year since 2010
    let totalWidth = value(total, 4) - value(total, 3)
    let summed = members.map { value($0, 4) - value($0, 3) }.reduce(0, +)
    let independent = members.map { pow(value($0, 4) - value($0, 3), 2) }.reduce(0, +).squareRoot()
    #expect(totalWidth < summed && totalWidth > 2 * independent, "\(totalWidth) \(summed) \(independent)")

    let medway = runHighneeds(["forecast-panel", Self.sen2, "--series", "Medway", "--format", "json"])
    #expect(medway.status == 0, "\(medway.stderr)")
    let object = try Self.json(medway.stdout)
    #expect(object["pooled"] as? Bool == true && object["origin"] as? Int == 2025)
    let series = try #require(object["series"] as? [[String: Any]])
    #expect(series.count == 1 && series[0]["name"] as? String == "Medway")
    let forecast = try #require(series[0]["forecast"] as? [String: Any])
    #expect(forecast["model"] as? String == "pooled-growth")
    let omitted = try #require(object["omitted"] as? [[String: Any]]).compactMap { $0["name"] as? String }
    #expect(Set(omitted) == ["Bournemouth", "Poole", "Cumbria", "Northamptonshire"])
    let unknown = runHighneeds(["forecast-panel", Self.sen2, "--series", "Atlantis"])
    #expect(unknown.status == 65 && unknown.stderr.contains("no series called \"Atlantis\""), "\(unknown.stderr)")
    let ended = runHighneeds(["forecast-panel", Self.sen2, "--series", "Poole"])
    #expect(ended.status == 65 && ended.stderr.contains("last observed in 2019"), "\(ended.stderr)")
  }

  /// One series with the panel: auto pools; the series replaces its row by name.
  @Test func forecastWithPanel() throws {
    let dir = try ForecastEndToEndTests.folder(["medway.csv": ForecastEndToEndTests.medwayCSV])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      [
        "forecast", "medway.csv", "--time", "year", "--value", "plans", "--panel", Self.sen2, "--panel-series",
        "Medway", "--format", "json",
      ], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let object = try Self.json(run.stdout)
    #expect(object["model"] as? String == "pooled-growth")
    let points = try #require(object["forecast"] as? [[String: Any]])
    #expect(points.first?["time"] as? Int == 2021 && points.count == 4)  // pooled as known at 2020
    let usage = runHighneeds(
      ["forecast", "medway.csv", "--time", "year", "--value", "plans", "--panel-series", "X"], in: dir)
    #expect(usage.status == 64)
    let damped = runHighneeds(
      ["forecast", "medway.csv", "--time", "year", "--value", "plans", "--panel", Self.sen2, "--model", "damped"],
      in: dir)
    #expect(damped.status == 64 && damped.stderr.contains("--panel goes with --model auto"))
  }

  /// Bad panel files: a cell that is not a count, one name with a year twice.
  @Test func badPanelsNameLineAndColumn() throws {
    let dir = try ForecastEndToEndTests.folder([
      "bad.csv": "level,code,name,2010,2011\nLocal authority,A,Alpha,10,11\nLocal authority,B,Beta,5,-3\n",
      "twice.csv":
        "level,code,name,2010,2011\nLocal authority,A,Alpha,10,\nLocal authority,A2,Alpha,,12\nLocal authority,A3,Alpha,9,\n",
      "none.csv": "level,code,name,2010\nRegion,R,North,10\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let bad = runHighneeds(["forecast-panel", "bad.csv"], in: dir)
    #expect(
      bad.status == 65 && bad.stderr.contains("bad.csv:3: column 5 (2011): \"-3\" is not a count"), "\(bad.stderr)")
    let twice = runHighneeds(["forecast-panel", "twice.csv"], in: dir)
    #expect(twice.status == 65 && twice.stderr.contains("has 2010 on lines 2 and 4"), "\(twice.stderr)")
    let none = runHighneeds(["forecast-panel", "none.csv"], in: dir)
    #expect(none.status == 65 && none.stderr.contains("no row with level \"Local authority\""), "\(none.stderr)")
  }

  /// Series with gaps in the backtest: kept with --min-training, scored where the run
  /// ending at the origin is long enough; a bad cell is an error naming line and column.
  @Test func backtestWithGaps() throws {
    var wide = "level,code,name,2010,2011,2012,2013,2014,2015,2016,2017\n"
    for i in 0..<12 {
      let values = (0..<8).map { String(100 * (i + 1) + 7 * $0 * (i % 3 + 1)) }
      wide += "Local authority,C\(i),N\(i)," + values.joined(separator: ",") + "\n"
    }
    wide += "Local authority,G,Gap,50,,52,53,55,60,66,70\n"
    let dir = try ForecastEndToEndTests.folder([
      "wide.csv": wide, "bad.csv": "code,2010,2011\nA,1,x\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      [
        "backtest", "wide.csv", "--train-until", "2015,2016", "--horizon", "2", "--min-training", "4", "--models",
        "auto,auto-alone,naive", "--rows", "rows.csv",
      ], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Series: 13 kept, gaps allowed (0 left out with no year observed)."), "\(run.stdout)")
    for part in ["by horizon", "one year ahead by origin", "total of all series", "auto-alone"] {
      #expect(run.stdout.contains(part), "\(part)")
    }
    let rows = try String(contentsOf: dir.appendingPathComponent("rows.csv"), encoding: .utf8)
    // 12 complete series: 2 origins × (2 + 1) years; the gappy one (run 2012-2015, 2012-2016):
    // also scored from both. 13 × 3 rows per model, 3 models.
    #expect(rows.split(separator: "\n").count == 1 + 13 * 3 * 3)
    let bad = runHighneeds(["backtest", "bad.csv", "--train-until", "2010", "--min-training", "1"], in: dir)
    #expect(bad.status == 65 && bad.stderr.contains("bad.csv:2: column 3 (2011)"), "\(bad.stderr)")
  }

  /// --train-until cuts the panel too; counts near 1e300 are a clear error, not inf.
  @Test func trainUntilAndHugeCounts() throws {
    let huge = (0..<12).map { i in
      "C\(i),N\(i)," + (0..<11).map { ($0 + i) % 2 == 0 ? "1e-300" : "1e300" }.joined(separator: ",")
    }
    let dir = try ForecastEndToEndTests.folder([
      "medway.csv": ForecastEndToEndTests.medwayCSV,
      "huge.csv": "code,name," + (2010...2020).map(String.init).joined(separator: ",") + "\n"
        + huge.joined(separator: "\n") + "\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      [
        "forecast", "medway.csv", "--time", "year", "--value", "plans", "--panel", Self.sen2, "--panel-series",
        "Medway", "--train-until", "2018", "--horizon", "2", "--format", "table",
      ], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    // Forecasts for 2019 and 2020 with Medway's actual counts beside them.
    #expect(run.stdout.contains("2019") && run.stdout.contains("2144") && run.stdout.contains("2296"), "\(run.stdout)")
    let panel = runHighneeds([
      "forecast-panel", Self.sen2, "--train-until", "2018", "--series", "Medway", "--format", "json",
    ])
    #expect(panel.status == 0)
    #expect(try Self.json(panel.stdout)["origin"] as? Int == 2018)
    let overflow = runHighneedsDetailed(["forecast-panel", "huge.csv"], in: dir)
    #expect(!overflow.crashed && overflow.status == 65 && overflow.stderr.contains("overflows double precision"))
  }
}
