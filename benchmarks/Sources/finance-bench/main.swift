import FinanceData
import Foundation
import Spreadsheet

/// `finance-bench`: how long reading the DfE finance files takes.
///
///     finance-bench ../shared/data/finance [--reps 5] [--report]
///
/// `--report` also prints every edition choice and England-row check once, untimed.
/// For each `.ods`/`.xlsx` file: the spreadsheet read alone (ZIP + XML to cells), then the
/// whole `FinanceDataset.load` (read, parse, resolve editions) over all files. One untimed
/// warm-up, then `--reps` timed passes; prints every pass and the median, wall clock
/// (`ContinuousClock`) and this process's CPU time. Nothing is asserted: the numbers belong to
/// the machine.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let directoryPath = arguments.first else {
  FileHandle.standardError.write(Data("usage: finance-bench DIR [--reps N]\n".utf8))
  exit(64)
}
let reps =
  arguments.firstIndex(of: "--reps").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? 5
let directory = URL(fileURLWithPath: directoryPath)

func cpuSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func measure(_ label: String, _ body: () throws -> String) rethrows {
  _ = try body()
  let clock = ContinuousClock()
  var walls: [Double] = []
  var cpus: [Double] = []
  var check = ""
  for _ in 0..<reps {
    let cpu0 = cpuSeconds()
    let elapsed = try clock.measure { check = try body() }
    cpus.append(cpuSeconds() - cpu0)
    let parts = elapsed.components
    walls.append(Double(parts.seconds) + Double(parts.attoseconds) * 1e-18)
  }
  func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
  let shown = walls.map { String(format: "%.3f", $0) }.joined(separator: " ")
  print(
    String(
      format: "%-48@ median %.3f s wall, %.3f s CPU  (passes: %@)  %@", label as NSString, median(walls), median(cpus),
      shown as NSString, check as NSString))
}

do {
  let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    .filter { $0.hasSuffix(".ods") || $0.hasSuffix(".xlsx") }.sorted()
  for file in files {
    try measure("read \(file)") {
      let workbook = try SpreadsheetReader.read(url: directory.appendingPathComponent(file))
      return "\(workbook.sheets.reduce(0) { $0 + $1.rows.count }) rows"
    }
  }
  if arguments.contains("--report") {
    let dataset = try FinanceDataset.load(directory: directory)
    for choice in dataset.editionChoices { print("EDITION \(choice)") }
    for measure in [FinanceMeasure.highNeedsBlock, .block(.highNeeds, .afterDeductions), .totalDSG] {
      for check in dataset.nationalChecks(measure) { print("ENGLAND \(check.passes ? "ok" : "FAIL") \(check)") }
    }
  }
  try measure("FinanceDataset.load (all \(files.count) files)") {
    let dataset = try FinanceDataset.load(directory: directory)
    return "\(dataset.records.count) records, \(dataset.superseded.count) superseded"
  }
} catch {
  FileHandle.standardError.write(Data("finance-bench: \(error)\n".utf8))
  exit(65)
}
