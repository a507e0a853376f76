import Foundation
import Testing
import TestSupport

/// End-to-end tests of `highneeds forecast` and `highneeds backtest`: the built binary, the
/// JSON contract of DESIGN.md, the other formats and the exit codes.
struct ForecastEndToEndTests {
  /// Medway's SEN2 counts (DfE SEN2, 2010-2020), rows deliberately out of order.
  static let medwayCSV = """
    year,plans
    2012,1412
    2010,1460
    2011,1456
    2013,1395
    2014,1409
    2015,1500
    2016,1564
    2017,1684
    2018,1946
    2019,2144
    2020,2296

    """

  /// A fresh folder holding `files`; the caller runs the binary inside it.
  static func folder(_ files: [String: String]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
    return url
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The contract: model, selection, candidates {model, aicc, backtestMAPE}, fitted {time,
  /// value, fitted}, forecast {time, mean, lo80, hi80, lo95, hi95}; bounds ordered and not
  /// negative.
  @Test func jsonContract() throws {
    let dir = try Self.folder(["medway.csv": Self.medwayCSV])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      ["forecast", "medway.csv", "--time", "year", "--value", "plans", "--format", "json"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let object = try Self.json(run.stdout)
    #expect(object["model"] is String)
    #expect(object["selection"] is String)
    let candidates = try #require(object["candidates"] as? [[String: Any]])
    #expect(candidates.count >= 5)
    for c in candidates {
      #expect(c["model"] is String)
      #expect(c.keys.contains("aicc") && c.keys.contains("backtestMAPE"))
    }
    let fitted = try #require(object["fitted"] as? [[String: Any]])
    #expect(fitted.count == 11)
    #expect((fitted.first?["time"] as? Int) == 2010)  // sorted by year
    #expect(fitted.allSatisfy { $0["value"] is NSNumber && $0["fitted"] is NSNumber })
    let forecast = try #require(object["forecast"] as? [[String: Any]])
    #expect(forecast.map { $0["time"] as? Int } == [2021, 2022, 2023, 2024])
    for p in forecast {
      let v = ["lo95", "lo80", "mean", "hi80", "hi95"].map { ($0, (p[$0] as? NSNumber)?.doubleValue ?? .nan) }
      #expect(v.allSatisfy { $0.1.isFinite }, "\(p)")
      #expect(v[0].1 >= 0 && v[0].1 <= v[1].1 && v[1].1 <= v[2].1 && v[2].1 <= v[3].1 && v[3].1 <= v[4].1, "\(p)")
    }
  }

  /// --levels changes the bound names; --horizon, --model and --train-until are honoured.
  @Test func optionsAreHonoured() throws {
    let dir = try Self.folder(["medway.csv": Self.medwayCSV])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      [
        "forecast", "medway.csv", "--time", "year", "--value", "plans", "--format", "json", "--model", "linear",
        "--horizon", "2", "--levels", "50,99.5", "--train-until", "2016",
      ], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let object = try Self.json(run.stdout)
    #expect(object["model"] as? String == "linear")
    let forecast = try #require(object["forecast"] as? [[String: Any]])
    #expect(forecast.map { $0["time"] as? Int } == [2017, 2018])
    #expect(forecast[0]["lo50"] != nil && forecast[0]["hi99.5"] != nil)
    #expect((object["fitted"] as? [Any])?.count == 7)
  }

  @Test func givenBreakYear() throws {
    let dir = try Self.folder(["medway.csv": Self.medwayCSV])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      [
        "forecast", "medway.csv", "--time", "year", "--value", "plans", "--model", "piecewise", "--break-year", "2014",
        "--format", "json",
      ], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Self.json(run.stdout)["selection"] as? String == "user, break after 2014")
  }

  @Test func csvAndTable() throws {
    let dir = try Self.folder(["medway.csv": Self.medwayCSV])
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = runHighneeds(
      ["forecast", "medway.csv", "--time", "year", "--value", "plans", "--format", "csv"], in: dir)
    #expect(csv.status == 0)
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.first == "time,type,value,fitted,mean,lo80,hi80,lo95,hi95")
    #expect(lines.count == 1 + 11 + 4)
    let table = runHighneeds(
      ["forecast", "medway.csv", "--time", "year", "--value", "plans", "--train-until", "2018", "--horizon", "2"],
      in: dir)
    #expect(table.status == 0)
    #expect(table.stdout.contains("actual"))  // held-out years are shown beside the forecast
    #expect(table.stdout.contains("2020"))
  }

  /// --output writes atomically and prints nothing.
  @Test func outputFile() throws {
    let dir = try Self.folder(["medway.csv": Self.medwayCSV])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      ["forecast", "medway.csv", "--time", "year", "--value", "plans", "--format", "json", "-o", "out.json"], in: dir)
    #expect(run.status == 0)
    #expect(run.stdout.isEmpty)
    let written = try String(contentsOf: dir.appendingPathComponent("out.json"), encoding: .utf8)
    #expect(try Self.json(written)["forecast"] != nil)
  }

  /// Bad input: exit 65 with a message naming the problem; unreadable input 66; usage 64.
  @Test func badInput() throws {
    let dir = try Self.folder([
      "medway.csv": Self.medwayCSV,
      "negative.csv": "year,plans\n2019,10\n2020,-3\n",
      "duplicate.csv": "year,plans\n2019,10\n2019,12\n",
      "text.csv": "year,plans\n2019,ten\n",
      "fraction.csv": "year,plans\n2019.5,10\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let cases: [([String], Int32, String)] = [
      (["forecast", "negative.csv", "--time", "year", "--value", "plans"], 65, "negative"),
      (["forecast", "duplicate.csv", "--time", "year", "--value", "plans"], 65, "more than once"),
      (["forecast", "text.csv", "--time", "year", "--value", "plans"], 65, "not a number"),
      (["forecast", "fraction.csv", "--time", "year", "--value", "plans"], 65, "is not a year"),
      (["forecast", "medway.csv", "--time", "yaer", "--value", "plans"], 65, "did you mean year"),
      (["forecast", "medway.csv", "--time", "year", "--value", "plans", "--train-until", "2000"], 65, "2000"),
      (["forecast", "missing.csv", "--time", "year", "--value", "plans"], 66, "missing.csv"),
      (["forecast", "medway.csv", "--time", "year", "--value", "plans", "--model", "magic"], 64, "magic"),
      (["forecast", "medway.csv", "--time", "year", "--value", "plans", "--levels", "80,100"], 64, "levels"),
      (["forecast", "medway.csv", "--time", "year", "--value", "plans", "--horizon", "0"], 64, "horizon"),
      (["forecast", "medway.csv", "--time", "year", "--value", "plans", "--break-year", "2014"], 64, "piecewise"),
      (
        [
          "forecast", "medway.csv", "--time", "year", "--value", "plans", "--model", "piecewise", "--break-year",
          "2020",
        ], 65, "2020"
      ),
    ]
    for (args, status, fragment) in cases {
      let run = runHighneeds(args, in: dir)
      #expect(run.status == status, "\(args): \(run.status) \(run.stderr)")
      #expect(run.stderr.contains(fragment), "\(args): \(run.stderr)")
      #expect(run.stdout.isEmpty, "\(args)")
    }
  }

  /// A model that cannot fit this series is a clear error, not a crash.
  @Test func modelNotApplicable() throws {
    let dir = try Self.folder(["short.csv": "year,plans\n2019,0\n2020,4\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      ["forecast", "short.csv", "--time", "year", "--value", "plans", "--model", "exponential"], in: dir)
    #expect(run.status == 65)
    #expect(run.stderr.contains("exponential"))
    let auto = runHighneeds(
      ["forecast", "short.csv", "--time", "year", "--value", "plans", "--format", "json"], in: dir)
    #expect(auto.status == 0, "\(auto.stderr)")
  }

  /// --population: future rows give the population with the count empty; the forecast is a
  /// prevalence times it. A constant rate of 2% gives exactly 2% of the projected population.
  @Test func prevalence() throws {
    var csv = "year,plans,people\n"
    for (i, year) in (2012...2020).enumerated() { csv += "\(year),\(200 + 4 * i),\(10_000 + 200 * i)\n" }
    csv += "2021,,11800\n2022,,12000\n"
    let dir = try Self.folder(["prev.csv": csv])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      [
        "forecast", "prev.csv", "--time", "year", "--value", "plans", "--population", "people", "--model", "linear",
        "--horizon", "2", "--format", "json",
      ], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let object = try Self.json(run.stdout)
    #expect(object["model"] as? String == "prevalence(linear)")
    let forecast = try #require(object["forecast"] as? [[String: Any]])
    let means = forecast.compactMap { ($0["mean"] as? NSNumber)?.doubleValue }
    #expect(means.count == 2 && abs(means[0] - 236) < 1e-6 && abs(means[1] - 240) < 1e-6)
    let short = runHighneeds(
      ["forecast", "prev.csv", "--time", "year", "--value", "plans", "--population", "people", "--horizon", "3"],
      in: dir)
    #expect(short.status == 65)
    #expect(short.stderr.contains("2023"))
  }

  /// The backtest on a small wide table: every model scored, coverage reported.
  @Test func backtest() throws {
    var wide = "level,code,name,2010,2011,2012,2013,2014,2015,2016,2017\n"
    wide += "Local authority,A,Alpha,100,104,108,113,118,126,135,146\n"
    wide += "Local authority,B,Beta,200,198,205,207,215,230,246,270\n"
    wide += "Local authority,C,Gamma,50,,52,53,55,60,66,70\n"
    wide += "Region,R,Region,350,302,365,373,388,416,447,486\n"
    let dir = try Self.folder(["wide.csv": wide])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      [
        "backtest", "wide.csv", "--filter-column", "level", "--filter", "Local authority", "--train-until", "2014,2015",
        "--horizon", "2", "--models", "auto,linear,naive", "--rows", "rows.csv",
      ], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Series: 2 complete (1 left out with missing years)."))
    #expect(run.stdout.contains("pooled over origins 2014, 2015"))
    for model in ["auto", "linear", "naive"] { #expect(run.stdout.contains(model)) }
    let rows = try String(contentsOf: dir.appendingPathComponent("rows.csv"), encoding: .utf8)
    #expect(rows.split(separator: "\n").count == 1 + 2 * 2 * 2 * 3)  // series × origins × steps × models
  }
}

// MARK: - Found by fuzzing (hostile CSVs and options)

extension ForecastEndToEndTests {
  /// Library errors name the file and columns; a duplicated year names both lines.
  @Test func errorsNameTheFileAndLines() throws {
    let dir = try Self.folder([
      "short.csv": "year,plans\n2019,5\n2020,6\n",
      "dup.csv": "year,plans\n2010,1\n2011,2\n2012,3\n2011,5\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let short = runHighneeds(["forecast", "short.csv", "--time", "year", "--value", "plans", "--model", "damped"], in: dir)
    #expect(short.status == 65)
    #expect(short.stderr.contains("short.csv (columns year and plans): model damped cannot be fitted"), "\(short.stderr)")
    let dup = runHighneeds(["forecast", "dup.csv", "--time", "year", "--value", "plans"], in: dir)
    #expect(dup.status == 65)
    #expect(dup.stderr.contains("dup.csv:5: column year: the year 2011 appears more than once (lines 3 and 5)"), "\(dup.stderr)")
  }

  /// Counts near 1e300: no "inf" in the candidate table, no 300-digit numbers, no largest
  /// Double standing in for an overflow; either a finite forecast or a clear error.
  @Test func hugeCountsPrintNoNonFiniteOrAbsurdNumbers() throws {
    let rows = (0..<11).map { "\(2010 + $0),\($0 % 2 == 0 ? "1e-300" : "1e300")" }
    let dir = try Self.folder(["huge.csv": "year,plans\n" + rows.joined(separator: "\n") + "\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    for format in ["table", "csv", "json"] {
      let run = runHighneedsDetailed(
        ["forecast", "huge.csv", "--time", "year", "--value", "plans", "--format", format], in: dir)
      #expect(!run.crashed)
      #expect([0, 65].contains(run.status), "\(format): \(run.status) \(run.stderr)")
      for bad in ["inf", "nan", "1.7976931348623157e+308"] { #expect(!run.stdout.contains(bad), "\(format): \(bad)") }
      #expect(run.stdout.range(of: "[0-9]{20,}", options: .regularExpression) == nil, "\(format): a 20-digit number")
    }
  }

  /// Backtest: an origin near Int.max used to overflow (origin + horizon) and trap; header
  /// years out of range or repeated are refused; year columns in any order are sorted.
  @Test func backtestYearsAreChecked() throws {
    let dir = try Self.folder([
      "ok.csv": "code,2010,2011,2012,2013,2014,2015\nA,1,2,3,4,5,6\nB,2,3,4,5,6,8\n",
      "shuffled.csv": "code,2013,2011,2010,2012,2015,2014\nA,4,2,1,3,6,5\nB,5,3,2,4,8,6\n",
      "huge-year.csv": "code,2010,9223372036854775807\nA,1,2\n",
      "dup-year.csv": "code,2010,2011,2011\nA,1,2,3\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let huge = runHighneedsDetailed(["backtest", "ok.csv", "--train-until", "9223372036854775807"], in: dir)
    #expect(!huge.crashed)
    #expect(huge.status == 64, "\(huge.stderr)")
    #expect(huge.stderr.contains("not a year"))
    let hugeYear = runHighneeds(["backtest", "huge-year.csv"], in: dir)
    #expect(hugeYear.status == 65)
    #expect(hugeYear.stderr.contains("huge-year.csv:1: column 3"), "\(hugeYear.stderr)")
    let dupYear = runHighneeds(["backtest", "dup-year.csv"], in: dir)
    #expect(dupYear.status == 65)
    #expect(dupYear.stderr.contains("2011 already heads column 3"), "\(dupYear.stderr)")
    let shuffled = runHighneeds(["backtest", "shuffled.csv", "--train-until", "2012", "--models", "linear"], in: dir)
    let sorted = runHighneeds(["backtest", "ok.csv", "--train-until", "2012", "--models", "linear"], in: dir)
    #expect(shuffled.status == 0, "\(shuffled.stderr)")
    #expect(shuffled.stdout == sorted.stdout)
  }

  /// --output and --rows are written both or neither: an unwritable --rows used to leave
  /// the --output file replaced.
  @Test func backtestWritesBothOutputsOrNeither() throws {
    let dir = try Self.folder([
      "ok.csv": "code,2010,2011,2012,2013,2014,2015\nA,1,2,3,4,5,6\n", "summary.txt": "ORIGINAL\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(
      ["backtest", "ok.csv", "--train-until", "2012", "--output", "summary.txt", "--rows", "missing/rows.csv"], in: dir)
    #expect(run.status == 73, "\(run.stderr)")
    #expect(try String(contentsOf: dir.appendingPathComponent("summary.txt"), encoding: .utf8) == "ORIGINAL\n")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  /// abs(Int.min) trapped: a header or an origin of -9223372036854775808 is refused, not a
  /// crash. MAPEs that overflow print as "-" with a note, never inf or 300 digits.
  @Test func backtestExtremeYearsAndOverflowingScores() throws {
    let dir = try Self.folder([
      "min-year.csv": "code,2010,2011,-9223372036854775808\nA,1,2,3\n",
      "ok.csv": "code,2010,2011,2012,2013,2014,2015\nA,1,2,3,4,5,6\n",
      "huge.csv": "code,2010,2011,2012,2013,2014,2015,2016,2017\nS0,100,100,1e308,100,100,100,100,100\n"
        + "S1,1e150,6e150,3.6e151,2.16e152,1.3e153,7.8e153,4.7e154,2.8e155\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let minYear = runHighneedsDetailed(["backtest", "min-year.csv"], in: dir)
    #expect(!minYear.crashed)
    #expect(minYear.status == 65, "\(minYear.stderr)")
    let minOrigin = runHighneedsDetailed(["backtest", "ok.csv", "--train-until=-9223372036854775808"], in: dir)
    #expect(!minOrigin.crashed)
    #expect(minOrigin.status == 64, "\(minOrigin.stderr)")
    let huge = runHighneeds(["backtest", "huge.csv", "--train-until", "2014"], in: dir)
    #expect(huge.status == 0, "\(huge.stderr)")
    #expect(!huge.stdout.contains("inf") && !huge.stdout.contains("nan"), "\(huge.stdout)")
    #expect(huge.stdout.range(of: "[0-9]{20,}", options: .regularExpression) == nil)
    #expect(huge.stdout.contains("overflowed"))
  }

  /// Messages found unclear by fuzzing: a negative count or population names its line and
  /// column; a header with no rows, a folder given as the file, and a semicolon-separated
  /// file are named as such.
  @Test func unclearMessagesNowNameTheProblem() throws {
    let dir = try Self.folder([
      "negative.csv": "year,plans\n2018,5\n2019,6\n2020,-3\n",
      "negative-pop.csv": "year,plans,pop\n2018,5,100\n2019,6,-100\n2020,7,100\n2021,,100\n",
      "header.csv": "year,plans\n",
      "semicolons.csv": "year;plans\n2019;5\n2020;6\n",
      "big-year.csv": "year,plans\n2147483648,5\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let cases: [([String], Int32, String)] = [
      (["negative.csv"], 65, "negative.csv:4: column plans (column 2): -3.0 is negative"),
      (["negative-pop.csv", "--population", "pop", "--horizon", "1"], 65, "negative-pop.csv:3: column pop (column 3): -100.0 is negative"),
      (["header.csv"], 65, "header.csv: the file has a header line but no data rows"),
      (["semicolons.csv"], 65, "split by \";\": highneeds reads comma-separated files"),
      (["big-year.csv"], 65, "big-year.csv:2: column year: 2147483648 is not a year"),
      (["."], 66, "it is a folder"),
    ]
    for (args, status, fragment) in cases {
      let run = runHighneeds(["forecast"] + args + ["--time", "year", "--value", "plans"], in: dir)
      #expect(run.status == status, "\(args): \(run.status) \(run.stderr)")
      #expect(run.stderr.contains(fragment), "\(args): \(run.stderr)")
      #expect(run.stdout.isEmpty)
    }
  }

  /// Thousands of rows (monthly data by mistake) ran for hours: refused with a clear message.
  @Test func tooManyYearsIsRefusedNotAHang() throws {
    let rows = (0..<1500).map { "\(1000 + $0),\(1000 + 3 * $0)" }.joined(separator: "\n")
    let columns = (0..<300).map { String(1700 + $0) }
    let dir = try Self.folder([
      "long.csv": "year,plans\n" + rows + "\n",
      "wide.csv": "code," + columns.joined(separator: ",") + "\nA," + columns.map { _ in "5" }.joined(separator: ",") + "\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = runHighneeds(["forecast", "long.csv", "--time", "year", "--value", "plans"], in: dir)
    #expect(run.status == 65)
    #expect(run.stderr.contains("1500 years of data; forecast takes an annual series of at most 200 years"), "\(run.stderr)")
    let wide = runHighneeds(["backtest", "wide.csv", "--train-until", "1900"], in: dir)
    #expect(wide.status == 65)
    #expect(wide.stderr.contains("300 year columns"), "\(wide.stderr)")
  }

  /// A file given as a pipe (/dev/stdin, a shell's <(...)) was "no such file or not readable".
  @Test func dataCanBeReadFromAPipe() throws {
    let executable = try #require(highneedsExecutable(), "the highneeds binary must be built")
    let process = Process()
    process.executableURL = executable
    process.arguments = ["forecast", "/dev/stdin", "--time", "year", "--value", "plans", "--format", "csv"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    input.fileHandleForWriting.write(Data(Self.medwayCSV.utf8))
    try input.fileHandleForWriting.close()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(text.hasPrefix("time,type,value"))
  }
}
