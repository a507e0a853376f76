import Foundation

/// Timing for one workload in one process: an untimed warm-up, then `repetitions` timed
/// passes, each printed as a `RESULT` line that `hn-bench summarise` reads.
///
/// Wall time from the monotonic clock (`ContinuousClock`). The machine is shared, so the
/// caller runs several processes alternating with the peers and summarises medians.
enum Harness {
  /// Runs `warmUp` once untimed, then `body` `repetitions` times, printing
  /// `RESULT workload tool seconds units cpuSeconds` after each pass (cpuSeconds: this
  /// process's user + system CPU time over the pass, a cross-check when the machine is busy). `body` returns a checksum,
  /// printed once as a `CHECK` line so the work cannot be optimised away and can be compared
  /// with the peer's.
  static func measure(
    workload: String, tool: String, units: Int, repetitions: Int,
    warmUp: () throws -> Void, body: () throws -> String
  ) rethrows {
    try warmUp()
    let clock = ContinuousClock()
    var check = ""
    for _ in 0..<repetitions {
      var result = ""
      let cpu0 = processCPUSeconds()
      let elapsed = try clock.measure { result = try body() }
      let cpu = processCPUSeconds() - cpu0
      check = result
      emit("RESULT \(workload) \(tool) \(seconds(elapsed)) \(units) \(cpu)")
    }
    emit("CHECK \(workload) \(tool) \(check)")
  }

  /// User + system CPU time of this process so far (CLOCK_PROCESS_CPUTIME_ID).
  static func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
  }

  /// A `Duration` in seconds.
  static func seconds(_ d: Duration) -> Double {
    let (s, attoseconds) = d.components
    return Double(s) + Double(attoseconds) * 1e-18
  }

  /// Prints one line and flushes, so interleaved output from several processes stays whole.
  static func emit(_ line: String) {
    print(line)
    fflush(nil)  // all streams: Swift 6 does not allow the global `stdout` here
  }

  /// Formats a number for a checksum with 12 significant digits.
  static func format(_ x: Double) -> String { String(format: "%.12g", x) }
}

/// Minimal `--name value` option reading for the subcommands.
struct Options {
  var values: [String: String] = [:]
  var rest: [String] = []

  init(_ arguments: ArraySlice<String>) {
    var i = arguments.startIndex
    while i < arguments.endIndex {
      let a = arguments[i]
      if a == "--" {
        rest = Array(arguments[(i + 1)...])
        return
      }
      if a.hasPrefix("--"), i + 1 < arguments.endIndex {
        values[String(a.dropFirst(2))] = arguments[i + 1]
        i += 2
      } else {
        rest.append(a)
        i += 1
      }
    }
  }

  func int(_ name: String, default value: Int) -> Int { values[name].flatMap(Int.init) ?? value }
  func string(_ name: String) -> String? { values[name] }
}

/// An error that ends the run with a message on standard error.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
