import Foundation
import Testing
import TestSupport

/// End-to-end tests of `highneeds fit`: the built binary, its output and its exit codes.

/// Runs the built binary through the shared runner (files, not pipes: no deadlock).
private func runFit(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
  runHighneeds(arguments)
}

private let scratch: URL = {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("highneeds-fit-e2e-\(ProcessInfo.processInfo.processIdentifier)")
  try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}()

private func writeCSV(_ name: String, _ text: String) throws -> String {
  let url = scratch.appendingPathComponent(name)
  try Data(text.utf8).write(to: url)
  return url.path
}

private struct FitJSON: Decodable {
  struct Parameter: Decodable { let name: String; let estimate: Double?; let standardError: Double? }
  let n: Int
  let rank: Int
  let parameters: [Parameter]
  let residualStandardError: Double
  let rSquared: Double
  let warnings: [String]
}

/// Every NIST StRD set through the command line, as a user would run it: the same digit
/// targets as the library test (estimates ≥ 9, Wampler5 ≥ 7; others ≥ 6). JSON carries the
/// shortest round-tripping decimal of each double, so nothing is lost in printing.
@Test func nistThroughTheCommandLine() throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  let url = root.deletingLastPathComponent().appendingPathComponent("shared/data/nist/certified.json")
  let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
  let sets = try #require(json?["datasets"] as? [String: [String: Any]])
  #expect(sets.count == 11)
  for (name, set) in sets.sorted(by: { $0.key < $1.key }) {
    let model = try #require(set["model"] as? [String: Any])
    let data = try #require(set["data"] as? [String: Any])
    let certified = try #require(set["certified"] as? [String: Any])
    let xNames = try #require(data["x_names"] as? [String])
    let xs = try #require(data["x"] as? [String: [Double]])
    let y = try #require(data["y"] as? [Double])
    var csv = (xNames + ["y"]).joined(separator: ",") + "\n"
    for i in 0..<y.count {
      csv += (xNames.map { "\(xs[$0]![i])" } + ["\(y[i])"]).joined(separator: ",") + "\n"
    }
    let path = try writeCSV("\(name).csv", csv)
    var arguments = ["fit", path, "--y", "y", "--format", "json"]
    if (model["kind"] as? String) == "polynomial" {
      arguments += ["--poly", "x:\(model["degree"] as? Int ?? 1)"]
    } else {
      for x in xNames { arguments += ["--x", x] }
    }
    if (model["intercept"] as? Bool) == false { arguments.append("--no-intercept") }
    let run = try runFit(arguments)
    #expect(run.status == 0, "\(name): \(run.stderr)")
    let fit = try JSONDecoder().decode(FitJSON.self, from: Data(run.stdout.utf8))
    let estimates = try #require(certified["estimates"] as? [Double])
    let errors = try #require(certified["std_devs"] as? [Double])
    let target = name == "Wampler5" ? 7.0 : 9.0
    for (j, p) in fit.parameters.enumerated() {
      #expect(lre(p.estimate ?? .nan, estimates[j]) >= target, "\(name) \(p.name)")
      #expect(lre(p.standardError ?? .nan, errors[j]) >= 6, "\(name) se \(p.name)")
    }
    #expect(lre(fit.residualStandardError, certified["residual_std_dev"] as? Double ?? .nan) >= 6)
    #expect(lre(fit.rSquared, certified["r_squared"] as? Double ?? .nan) >= 6)
  }
}

private func lre(_ estimate: Double, _ certified: Double) -> Double {
  if estimate == certified { return 15 }
  let error = certified == 0 ? abs(estimate) : abs(estimate - certified) / abs(certified)
  return error.isNaN ? 0 : min(15, -log10(error))
}

@Test func jsonIsByteIdenticalAcrossRuns() throws {
  // Regression: JSONEncoder's key order on Linux varied from run to run.
  let path = try writeCSV("repeat.csv", "x,y\n1,2\n2,3\n3,5\n4,4\n")
  let first = try runFit(["fit", path, "--y", "y", "--x", "x", "--format", "json"])
  let second = try runFit(["fit", path, "--y", "y", "--x", "x", "--format", "json"])
  #expect(first.status == 0)
  #expect(first.stdout == second.stdout)
}

@Test func tableFormatReadsLikeSummaryLm() throws {
  let path = try writeCSV("trend.csv", "year,plans\n2014,1409\n2015,1500\n2016,1678\n2017,1779\n2018,1968\n2019,2126\n2020,2296\n")
  let run = try runFit([path, "--y", "plans", "--x", "year"].withCommand)
  #expect(run.status == 0)
  for needle in ["Coefficients:", "(Intercept)", "year", "Residual standard error:", "on 5 degrees of freedom", "Multiple R-squared:", "F-statistic:", "AICc:"] {
    #expect(run.stdout.contains(needle), "missing \(needle)")
  }
}

@Test func collinearColumnsAreReportedInJSON() throws {
  let path = try writeCSV("dup.csv", "a,b,y\n1,1,2.1\n2,2,3.9\n3,3,6.2\n4,4,7.8\n5,5,10.1\n")
  let run = try runFit([path, "--y", "y", "--x", "a", "--x", "b", "--format", "json"].withCommand)
  #expect(run.status == 0)
  let fit = try JSONDecoder().decode(FitJSON.self, from: Data(run.stdout.utf8))
  #expect(fit.rank == 2)
  #expect(fit.parameters[2].estimate == nil)
  #expect(fit.warnings.contains { $0.contains("linear combination") })
}

/// Bad input: exit 65 (66 for a missing file), a message naming the file, line and column, and no output.
@Test(arguments: [
  ("missing-column", "x,y\n1,2\n2,3\n3,5\n", ["--y", "y", "--x", "z"], "no such column"),
  ("typo-column", "year,plans\n1,2\n2,3\n3,5\n", ["--y", "plans", "--x", "yaer"], "did you mean year"),
  ("non-numeric", "x,y\n1,2\n2,three\n3,5\n", ["--y", "y", "--x", "x"], ":3: column y (column 2): \"three\" is not a number"),
  ("empty-cell", "x,y\n1,2\n2,\n3,5\n", ["--y", "y", "--x", "x"], ":3: column y (column 2): an empty cell is not a number"),
  ("nan", "x,y\n1,2\n2,nan\n3,5\n", ["--y", "y", "--x", "x"], "is not finite"),
  ("infinite", "x,y\n1,2\n2,3\ninf,5\n", ["--y", "y", "--x", "x"], ":4: column x (column 1): inf is not finite"),
  ("too-few-rows", "x,y\n1,2\n2,3\n", ["--y", "y", "--x", "x"], "2 observations for 2 parameters"),
  ("poly-too-high", "x,y\n1,2\n2,3\n3,5\n4,4\n", ["--y", "y", "--poly", "x:4"], "4 observations for 5 parameters"),
  ("zero-weight", "x,y,w\n1,2,1\n2,3,0\n3,5,1\n4,4,1\n", ["--y", "y", "--x", "x", "--weights", "w"], "weight 0.0 is not positive"),
  ("empty-file", "", ["--y", "y"], "the file is empty"),
  ("short-row", "x,y\n1,2\n2\n3,5\n", ["--y", "y", "--x", "x"], ":3: column y (column 2)"),
  ("constant-poly", "x,y\n1,2\n1,3\n1,5\n1,4\n", ["--y", "y", "--poly", "x:2"], "is constant"),
])
func badCSVIsExplained(_ name: String, _ csv: String, _ options: [String], _ expected: String) throws {
  let path = try writeCSV("\(name).csv", csv)
  let output = scratch.appendingPathComponent("\(name).out").path
  let run = try runFit(["fit", path] + options + ["--output", output])
  #expect(run.status == 65, "\(name): status \(run.status), stderr \(run.stderr)")
  #expect(run.stderr.contains(path), "\(name): message should name the file: \(run.stderr)")
  #expect(run.stderr.contains(expected), "\(name): \(run.stderr)")
  #expect(run.stdout.isEmpty)
  #expect(!FileManager.default.fileExists(atPath: output), "\(name): no output file on failure")
}

@Test func unreadableFileExits66AndBadPolySyntaxExits64() throws {
  let missing = try runFit(["fit", "/nonexistent/data.csv", "--y", "y"])
  #expect(missing.status == 66)
  #expect(missing.stderr.contains("/nonexistent/data.csv"))
  let path = try writeCSV("ok.csv", "x,y\n1,2\n2,3\n3,5\n")
  let badPoly = try runFit(["fit", path, "--y", "y", "--poly", "x"])
  #expect(badPoly.status == 64)
  #expect(badPoly.stderr.contains("COLUMN:DEGREE"))
}

@Test func outputFileIsWrittenWholeAndReplacedAtomically() throws {
  let path = try writeCSV("out.csv", "x,y\n1,2\n2,3\n3,5\n4,4\n")
  let output = scratch.appendingPathComponent("fit.json").path
  try Data("old".utf8).write(to: URL(fileURLWithPath: output))
  let run = try runFit(["fit", path, "--y", "y", "--x", "x", "--format", "json", "--output", output])
  #expect(run.status == 0)
  let written = try String(contentsOfFile: output, encoding: .utf8)
  #expect(written.hasPrefix("{"))
  #expect(try JSONSerialization.jsonObject(with: Data(written.utf8)) is [String: Any])
}

extension Array where Element == String {
  fileprivate var withCommand: [String] { ["fit"] + self }
}

// MARK: - Found by fuzzing (hostile CSVs and options)

/// A column of zeros used to trap (Int(log10(∞)) in the conditioning warning); an exact fit
/// printed Inf and -Inf. Now: exit 0, a singular-design warning, and no non-finite number in
/// the table (NA, explained by a note) or the JSON (null, explained in warnings).
@Test func zeroColumnAndExactFitPrintNoNonFiniteNumbers() throws {
  let path = try writeCSV("zero-col.csv", "year,plans,z\n2010,1500,0\n2011,1540,0\n2012,1600,0\n2013,1650,0\n2014,1700,0\n")
  let table = try runFit(["fit", path, "--y", "plans", "--x", "year", "--x", "z"])
  #expect(table.status == 0, "\(table.stderr)")
  #expect(!table.stderr.contains("Fatal error"))
  #expect(table.stdout.contains("singular design"))
  let exact = try writeCSV("exact.csv", "x,y\n1,2\n2,4\n3,6\n4,8\n")
  let t = try runFit(["fit", exact, "--y", "y", "--x", "x"])
  #expect(t.status == 0, "\(t.stderr)")
  for bad in ["Inf", "inf", "nan", "NaN"] { #expect(!t.stdout.contains(bad), "\(bad) in \(t.stdout)") }
  #expect(t.stdout.contains("Note: not finite, shown as NA"))
  let j = try runFit(["fit", exact, "--y", "y", "--x", "x", "--format", "json"])
  #expect(j.status == 0)
  let fit = try JSONDecoder().decode(FitJSON.self, from: Data(j.stdout.utf8))
  #expect(fit.warnings.contains { $0.contains("shown as null") })
}

/// Line numbers count physical lines: a quoted field with a line break, and a blank line,
/// no longer shift the line named in the message.
@Test func lineNumbersSurviveQuotedLineBreaksAndBlankLines() throws {
  let quoted = try writeCSV("quoted.csv", "x,y,note\n1,2,\"two\nlines\"\n2,3,ok\n3,three,ok\n4,5,ok\n")
  let run = try runFit(["fit", quoted, "--y", "y", "--x", "x"])
  #expect(run.status == 65)
  #expect(run.stderr.contains("quoted.csv:5: column y (column 2): \"three\" is not a number"), "\(run.stderr)")
  let blank = try writeCSV("blank.csv", "x,y\n1,2\n\n2,3\n3,x\n4,5\n")
  let b = try runFit(["fit", blank, "--y", "y", "--x", "x"])
  #expect(b.stderr.contains("blank.csv:5:"), "\(b.stderr)")
  let open = try writeCSV("open-quote.csv", "x,y\n1,2\n2,\"3\n3,5\n")
  let o = try runFit(["fit", open, "--y", "y", "--x", "x"])
  #expect(o.status == 65)
  #expect(o.stderr.contains("open-quote.csv:3: not valid CSV"), "\(o.stderr)")
}

/// Odd files and cells: a header with no rows, a column named twice, hexadecimal and
/// thousands separators are refused with the file, line and column.
@Test(arguments: [
  ("header-only", "x,y\n", ["--y", "y", "--x", "x"], "no data rows"),
  ("duplicate-column", "x,y,y\n1,2,3\n2,3,4\n3,5,6\n", ["--y", "y", "--x", "x"], "names y 2 times (columns 2, 3)"),
  ("hexadecimal", "x,y\n1,2\n2,0x10\n3,5\n4,4\n", ["--y", "y", "--x", "x"], ":3: column y (column 2): \"0x10\" is not a number (hexadecimal"),
  ("thousands", "x,y\n1,2\n2,\"1,000\"\n3,5\n4,4\n", ["--y", "y", "--x", "x"], "thousands separators"),
  ("currency", "x,y\n1,2\n2,£5\n3,5\n4,4\n", ["--y", "y", "--x", "x"], "currency"),
])
func oddFilesAreExplained(_ name: String, _ csv: String, _ options: [String], _ expected: String) throws {
  let path = try writeCSV("\(name).csv", csv)
  let run = try runFit(["fit", path] + options)
  #expect(run.status == 65, "\(name): \(run.status) \(run.stderr)")
  #expect(run.stderr.contains(path), "\(name): \(run.stderr)")
  #expect(run.stderr.contains(expected), "\(name): \(run.stderr)")
  #expect(run.stdout.isEmpty)
}

/// --output must not replace the input file, a read-only file, or a device such as
/// /dev/null (renaming over it replaced the device node when run as root); standard output
/// that cannot be written exits 73 instead of losing the report silently.
@Test func outputNeverReplacesInputsReadOnlyFilesOrDevices() throws {
  let path = try writeCSV("self.csv", "x,y\n1,2\n2,3\n3,5\n4,4\n")
  let same = try runFit(["fit", path, "--y", "y", "--x", "x", "--output", path])
  #expect(same.status == 73, "\(same.stderr)")
  #expect(try String(contentsOfFile: path, encoding: .utf8) == "x,y\n1,2\n2,3\n3,5\n4,4\n")
  let readOnly = scratch.appendingPathComponent("read-only.txt").path
  try? FileManager.default.removeItem(atPath: readOnly)
  try Data("keep".utf8).write(to: URL(fileURLWithPath: readOnly))
  try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
  defer { try? FileManager.default.removeItem(atPath: readOnly) }
  let ro = try runFit(["fit", path, "--y", "y", "--x", "x", "--output", readOnly])
  #expect(ro.status == 73, "\(ro.stderr)")
  #expect(try String(contentsOfFile: readOnly, encoding: .utf8) == "keep")
  let folder = try runFit(["fit", path, "--y", "y", "--x", "x", "--output", scratch.path])
  #expect(folder.status == 73)
  let devNull = try runFit(["fit", path, "--y", "y", "--x", "x", "--output", "/dev/null"])
  #expect(devNull.status == 0, "\(devNull.stderr)")
  var info = stat()
  #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device")
  if FileManager.default.fileExists(atPath: "/dev/full") {
    let executable = try #require(highneedsExecutable(), "the highneeds binary must be built")
    let process = Process()
    process.executableURL = executable
    process.arguments = ["fit", path, "--y", "y", "--x", "x"]
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 73)
  }
}
