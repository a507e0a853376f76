import Foundation
import Projection
import ScenarioFiles

/// W4, Monte Carlo: `Ledger.simulate(draws:seed:)` in this process (the simulation alone, the
/// scenario loaded and its forecasts fitted before the clock starts), and `w4-export`, which
/// writes the simulation's inputs (``SimulationExport``) for the numpy peer to run the same model.
/// The whole-process rows of W4 (`highneeds run S --simulate N`) are timed by `w3 --workload w4`.
enum W4Simulation {
  static func ledger(_ options: Options) throws -> Ledger {
    guard let path = options.string("scenario") else { throw BenchError("w4 needs --scenario PATH") }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let scenario = try ScenarioLoader.load(
      contentsOf: text, file: path, readFile: { try String(contentsOfFile: $0, encoding: .utf8) })
    return try Ledger(scenario: scenario)
  }

  static func run(_ options: Options) throws {
    let ledger = try ledger(options)
    let draws = options.int("draws", default: 100_000)
    let tool = options.string("tool") ?? "highneeds-sim"
    var simulation: DemandSimulation?
    try Harness.measure(
      workload: options.string("workload") ?? "w4", tool: tool, units: draws, repetitions: options.int("reps", default: 3),
      warmUp: { _ = try ledger.simulate(draws: max(2, draws / 10), seed: 1) },
      body: {
        let made = try ledger.simulate(draws: draws, seed: 20_200_407)
        simulation = made
        let last = made.years[made.years.count - 1]
        return "draws=\(draws) last_reserve_p50=\(Harness.format(last.reserve.p50.value))"
      })
    _ = simulation
  }

  /// Writes the export as JSON to `--out`.
  static func export(_ options: Options) throws {
    guard let out = options.string("out") else { throw BenchError("w4-export needs --out PATH") }
    let value = try ledger(options).simulationExport(threads: 2).value
    var text = ""
    write(value, to: &text)
    try text.write(toFile: out, atomically: true, encoding: .utf8)
  }

  static func write(_ value: SimulationExport.Value, to out: inout String) {
    func number(_ x: Double) -> String { x.isFinite ? String(format: "%.17g", x) : "null" }
    switch value {
    case .number(let x): out += number(x)
    case .numbers(let xs): out += "[" + xs.map(number).joined(separator: ",") + "]"
    case .list(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        write(item, to: &out)
      }
      out += "]"
    case .record(let fields):
      out += "{"
      for (i, (key, item)) in fields.enumerated() {
        if i > 0 { out += "," }
        out += "\"\(key)\":"
        write(item, to: &out)
      }
      out += "}"
    }
  }
}
