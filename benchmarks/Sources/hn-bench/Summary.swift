import Foundation

/// Reads the lines that the workloads and the peer scripts print and prints one table:
/// min / median / max wall time of every tool's passes, the median CPU time, the ratios of
/// medians peer / ours, and whether each target of issue 7 is met.
///
/// Lines read: `RESULT workload tool wallSeconds units [cpuSeconds]`, `CHECK workload tool
/// text`, `INFO machine text` (machine facts), and `INFO`, `MISSING`, `FAILED`,
/// `NOTMEASURED` notes, printed as they are.
enum Summary {
  struct Key: Hashable, Comparable {
    let workload: String
    let tool: String
    static func < (a: Key, b: Key) -> Bool { (a.workload, a.tool) < (b.workload, b.tool) }
  }

  /// The project's tool in each workload, against which ratios are taken.
  static let ours = "highneeds"

  /// Issue 7's targets: minimum ratio of wall-time medians peer / ours.
  static let ratioTargets: [Key: Double] = [
    Key(workload: "w1", tool: "statsmodels-ols"): 50,
    Key(workload: "w1", tool: "numpy-lstsq"): 3,
    Key(workload: "w2", tool: "r-auto.arima"): 100,
    // Issue 16: the numpy peer of the Monte Carlo, whole process against whole process.
    Key(workload: "w4-medway", tool: "numpy"): 3,
    Key(workload: "w4-national", tool: "numpy"): 3,
    Key(workload: "w4-national-shock", tool: "numpy"): 3,
  ]
  /// Issue 7's and issue 16's targets: maximum median wall time in seconds (issue 16: W1's
  /// 10,000 fits sharing one design under 0.5 µs a fit, 5 ms a pass; 100,000 draws, whole process).
  static let timeTargets: [Key: Double] = [
    Key(workload: "w3", tool: "highneeds-medway"): 0.050,
    Key(workload: "w1", tool: "highneeds-shared-design"): 0.005,
    Key(workload: "w4-medway", tool: "highneeds"): 0.2,
    Key(workload: "w4-national", tool: "highneeds"): 2.0,
  ]
  /// Issue 16: most peak memory (KB, whole process) for these rows.
  static let memoryTargets: [Key: Int] = [Key(workload: "w4-national", tool: "highneeds"): 512_000]
  /// Pairs compared for information, no target: (peer, ours).
  static let informationRatios: [(Key, Key)] = [
    (Key(workload: "w1", tool: "numpy-lstsq-batched"), Key(workload: "w1", tool: "highneeds-shared-design"))
  ]

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let n = sorted.count
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  }

  /// Milliseconds with about three significant figures.
  static func ms(_ seconds: Double) -> String {
    let m = seconds * 1000
    if m >= 100 { return String(format: "%.0f", m) }
    if m >= 10 { return String(format: "%.1f", m) }
    return String(format: "%.2f", m)
  }

  static func ratio(_ r: Double) -> String { r >= 10 ? String(format: "%.0f×", r) : String(format: "%.2f×", r) }

  static func run(_ options: Options) throws {
    var wall: [Key: [Double]] = [:]
    var cpu: [Key: [Double]] = [:]
    var units: [Key: Int] = [:]
    var memory: [Key: [Int]] = [:]
    var checks: [Key: Set<String>] = [:]
    var machine: [String] = []
    var notes: [String] = []
    for path in options.rest {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw BenchError("cannot read \(path)")
      }
      for line in text.split(whereSeparator: \.isNewline) {
        let f = line.split(separator: " ").map(String.init)
        guard f.count >= 3 else { continue }
        let key = Key(workload: f[1], tool: f[2])
        switch f[0] {
        case "RESULT":
          guard f.count >= 4, let s = Double(f[3]) else { continue }
          wall[key, default: []].append(s)
          if f.count >= 5, let u = Int(f[4]) { units[key] = u }
          if f.count >= 6, let c = Double(f[5]) { cpu[key, default: []].append(c) }
          if f.count >= 7, let m = Int(f[6]) { memory[key, default: []].append(m) }
        case "CHECK":
          checks[key, default: []].insert(f.dropFirst(3).joined(separator: " "))
        case "INFO" where f[1] == "machine":
          machine.append(f.dropFirst(2).joined(separator: " "))
        case "INFO", "MISSING", "FAILED", "NOTMEASURED":
          let note = String(line)
          if !notes.contains(note) { notes.append(note) }
        default: continue
        }
      }
    }
    if !machine.isEmpty {
      print("Machine and run:")
      for m in machine { print("  \(m)") }
      print("")
    }
    let headers = [
      "workload", "tool", "runs", "min ms", "median ms", "max ms", "cpu median ms", "per unit",
      "peer/ours wall", "peer/ours cpu", "target", "met",
    ]
    var rows: [[String]] = []
    for key in wall.keys.sorted() {
      let s = wall[key]!
      let med = median(s)
      let cpuMedian = cpu[key].map(median)
      var perUnit = ""
      if let u = units[key], u > 1 {
        let us = med / Double(u) * 1e6
        perUnit = us >= 1000 ? String(format: "%.1f ms", us / 1000) : String(format: "%.1f µs", us)
      }
      var wallRatio = ""
      var cpuRatio = ""
      var target = ""
      var met = ""
      let oursKey = Key(workload: key.workload, tool: ours)
      if !key.tool.hasPrefix(ours), let o = wall[oursKey] {
        let r = med / median(o)
        wallRatio = ratio(r)
        if let c = cpuMedian, let oc = cpu[oursKey] { cpuRatio = ratio(c / median(oc)) }
        if let t = ratioTargets[key] {
          target = "≥ \(Int(t))×"
          met = r >= t ? "yes" : "no"
        }
      }
      if let t = timeTargets[key] {
        target = "< \(ms(t)) ms"
        met = med < t ? "yes" : "no"
      }
      rows.append([
        key.workload.uppercased(), key.tool, "\(s.count)", ms(s.min()!), ms(med), ms(s.max()!),
        cpuMedian.map(ms) ?? "", perUnit, wallRatio, cpuRatio, target, met,
      ])
    }
    for (key, t) in ratioTargets.sorted(by: { $0.key < $1.key }) where wall[key] == nil {
      rows.append([
        key.workload.uppercased(), key.tool, "0", "", "", "", "", "", "", "", "≥ \(Int(t))×", "not measured: see notes",
      ])
    }
    for (key, t) in timeTargets where wall[key] == nil {
      rows.append([
        key.workload.uppercased(), key.tool, "0", "", "", "", "", "", "", "", "< \(ms(t)) ms",
        "not measured: see notes",
      ])
    }
    printTable(headers, rows)
    print("")
    print("Ratios are of medians, peer / ours (above 1: ours is faster); targets are judged on wall time.")
    print("per unit: median wall time divided by the series (W1: fits) in one pass.")
    // Ratios of the targeted peers against our other variants (e.g. W2 with the candidate table read).
    // (Not the in-process "-sim" rows of W4: a whole process against a part of one says nothing.)
    for variant in wall.keys.sorted()
    where variant.tool.hasPrefix(ours) && variant.tool != ours && !variant.tool.hasSuffix("-sim") {
      for (peer, target) in ratioTargets.sorted(by: { $0.key < $1.key }) where peer.workload == variant.workload {
        guard let p = wall[peer] else { continue }
        var line =
          "\(variant.workload.uppercased()) \(peer.tool) / \(variant.tool): wall \(ratio(median(p) / median(wall[variant]!)))"
        if let pc = cpu[peer], let vc = cpu[variant] { line += ", cpu \(ratio(median(pc) / median(vc)))" }
        print(line + " (target ≥ \(Int(target))×)")
      }
    }
    for (peer, variant) in informationRatios {
      guard let p = wall[peer], let v = wall[variant] else { continue }
      var line = "\(variant.workload.uppercased()) \(peer.tool) / \(variant.tool): wall \(ratio(median(p) / median(v)))"
      if let pc = cpu[peer], let vc = cpu[variant] { line += ", cpu \(ratio(median(pc) / median(vc)))" }
      print(line + " (for information, no target)")
    }
    printSimulationExtras(wall: wall, memory: memory)
    print("Checksums (the same inputs give the same sums where two tools compute the same thing):")
    for key in checks.keys.sorted() {
      for c in checks[key]!.sorted() { print("  \(key.workload.uppercased()) \(key.tool): \(c)") }
    }
    if !notes.isEmpty {
      print("Notes:")
      for n in notes { print("  \(n)") }
    }
  }

  /// W4's extra lines: the simulation alone in process (numpy-sim / highneeds-sim), and the
  /// peak memory of the whole-process rows against issue 16's limit.
  static func printSimulationExtras(wall: [Key: [Double]], memory: [Key: [Int]]) {
    // The simulation alone, in process, against the peer's: the compute without process start-up.
    for key in wall.keys.sorted() where key.tool == "numpy-sim" {
      guard let o = wall[Key(workload: key.workload, tool: "highneeds-sim")] else { continue }
      print("\(key.workload.uppercased()) numpy-sim / highneeds-sim (in process, the simulation alone): wall \(ratio(median(wall[key]!) / median(o)))")
    }
    if !memory.isEmpty {
      print("Peak memory (max RSS of the whole process, median):")
      for key in memory.keys.sorted() {
        let mb = Double(Int(median(memory[key]!.map(Double.init)))) / 1024
        var line = "  \(key.workload.uppercased()) \(key.tool): \(String(format: "%.0f", mb)) MB"
        if let limit = memoryTargets[key] {
          line += " (target < \(limit / 1024) MB: \(median(memory[key]!.map(Double.init)) < Double(limit) ? "met" : "not met"))"
        }
        print(line)
      }
    }
  }

  /// A Markdown table (readable as plain text too).
  static func printTable(_ headers: [String], _ rows: [[String]]) {
    var widths = headers.map(\.count)
    for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
    func line(_ cells: [String]) -> String {
      "| "
        + cells.enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - c.count) }.joined(
          separator: " | ") + " |"
    }
    print(line(headers))
    print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
    for r in rows { print(line(r)) }
  }
}
