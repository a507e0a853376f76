import Foundation

/// `hn-bench`: the Swift side of `benchmarks/compare.sh`.
///
///     hn-bench w1 [--series 10000] [--reps 3] [--shared 1]   (--shared 1: SharedDesignRegression, all series in one call)
///     hn-bench w2 --data ehcp_caseload_2010_2020.csv [--reps 3] [--candidates 0|1]
///     hn-bench w3 --exe .build/release/highneeds [--tool NAME] [--reps 20] [--warmup 3] -- run S.yaml --format json
///     hn-bench w4 --scenario S.yaml [--draws 100000] [--reps 3] [--tool NAME]
///     hn-bench w4-export --scenario S.yaml --out inputs.json
///     hn-bench summarise RESULTS.txt...
let usage = "usage: hn-bench w1|w2|w3|w4|w4-export|summarise [options]  (see benchmarks/README.md)"
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write(Data((usage + "\n").utf8))
  exit(64)
}
let options = Options(arguments.dropFirst(2))
do {
  switch arguments[1] {
  case "w1": try W1BatchFit.run(options)
  case "w2": try W2AutoForecast.run(options)
  case "w3": try W3EndToEnd.run(options)
  case "w4": try W4Simulation.run(options)
  case "w4-export": try W4Simulation.export(options)
  case "summarise", "summarize": try Summary.run(options)
  default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(64)
  }
} catch {
  FileHandle.standardError.write(Data("hn-bench: \(error)\n".utf8))
  exit(1)
}
