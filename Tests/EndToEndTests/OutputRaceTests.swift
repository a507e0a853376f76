import Foundation
import Testing
import TestSupport

/// `--output` under races and kills: the destination is only ever replaced whole (a
/// temporary beside it, then rename(2)), so readers and later runs see the old report or a
/// complete new one, never a mixture or a truncated file.
@Suite("--output under races and kill -9")
struct OutputRaceTests {
  let medway = repositoryRoot.appendingPathComponent("scenarios/medway-2020.yaml").path
  let slower = repositoryRoot.appendingPathComponent("scenarios/medway-2020-slower-growth.yaml").path

  /// The files in `folder` that are writers' temporaries (`.<name>.<pid>.<n>.tmp`).
  func temporaries(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
  }

  /// Even writers write medway-2020's report, odd ones the slower-growth option's (another
  /// length), so that a write that was not atomic would show as a mixture of the two.
  @Test("50 concurrent writers to one path end with one complete report and no temporary")
  func concurrentWriters() throws {
    let reports = [medway, slower].map { runHighneeds(["run", $0, "--format", "json"]) }
    try #require(reports.allSatisfy { $0.status == 0 } && reports[0].stdout != reports[1].stdout)
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("report.json").path
    let writers = 50
    let statuses = Statuses(count: writers)
    let start = DispatchSemaphore(value: 0)
    let done = DispatchGroup()
    for i in 0..<writers {
      done.enter()
      // One thread per writer (not a queue: GCD would run only a few of the blocking waits at once).
      Thread {
        start.wait()
        let run = runHighneeds(["run", i % 2 == 0 ? medway : slower, "--format", "json", "--output", path])
        statuses.set(i, run.status, run.stderr)
        done.leave()
      }.start()
    }
    for _ in 0..<writers { start.signal() }
    done.wait()
    let failures = statuses.all.enumerated().filter { $0.element.status != 0 }
    #expect(failures.isEmpty, "writers that failed: \(failures.prefix(3).map { "\($0.offset): \($0.element)" })")
    let written = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
    #expect(
      reports.contains { $0.stdout == written },
      "the report is neither complete report (\(written.utf8.count) bytes, want \(reports.map { $0.stdout.utf8.count }))")
    #expect((try? JSONSerialization.jsonObject(with: Data(written.utf8))) != nil, "the report is not valid JSON")
    let left = try temporaries(in: folder)
    #expect(left.isEmpty, "temporaries left: \(left)")
  }

  /// 50 writers killed with SIGKILL: 40 at a uniformly random moment of a normal run's
  /// duration (times 1.25, so some finish), 10 as soon as their temporary appears (during
  /// the write itself). After each, the file must be the old report or the complete new one
  /// (data lost: 0). A temporary a kill leaves is harmless and the next write removes it:
  /// after a last clean run, none is left.
  @Test("kill -9 at random points leaves the old report or the complete new one")
  func killedWriters() throws {
    let old = runHighneeds(["run", slower, "--format", "json"]).stdout
    let new = runHighneeds(["run", medway, "--format", "json"]).stdout
    try #require(!old.isEmpty && !new.isEmpty && old != new)
    let folder = try makeScratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("report.json")
    // A normal run's duration: the shortest of three (the first may wait on a loaded machine).
    let duration = (0..<3).map { _ in
      let start = Date()
      _ = runHighneeds(["run", medway, "--format", "json", "--output", url.path])
      return Date().timeIntervalSince(start)
    }.min() ?? 1
    let began = Date()
    var tally = (kept: 0, replaced: 0, lost: 0, temporariesLeft: 0)
    var generator = SystemRandomNumberGenerator()
    for run in 0..<50 {
      try old.write(to: url, atomically: false, encoding: .utf8)
      let writer = try #require(startHighneeds(["run", medway, "--format", "json", "--output", url.path]))
      if run % 5 == 4 {
        let deadline = Date().addingTimeInterval(10)
        while writer.isRunning, Date() < deadline, try temporaries(in: folder).isEmpty { usleep(200) }
      } else {
        let killAt = Date().addingTimeInterval(Double.random(in: 0...(duration * 1.25), using: &generator))
        while writer.isRunning, Date() < killAt { usleep(1000) }
      }
      kill(writer.processIdentifier, SIGKILL)
      writer.waitUntilExit()
      let now = (try? String(contentsOf: url, encoding: .utf8)) ?? "<unreadable>"
      if now == old { tally.kept += 1 } else if now == new { tally.replaced += 1 } else { tally.lost += 1 }
      if try temporaries(in: folder).contains(where: { $0.contains(".\(writer.processIdentifier).") }) {
        tally.temporariesLeft += 1
      }
    }
    print("kill -9 x50 in \(Int(Date().timeIntervalSince(began) * 1000)) ms (one run: \(Int(duration * 1000)) ms): old kept \(tally.kept), new complete \(tally.replaced), data lost \(tally.lost), runs whose kill left its temporary \(tally.temporariesLeft)")
    #expect(tally.lost == 0, "\(tally)")
    let clean = runHighneeds(["run", medway, "--format", "json", "--output", url.path])
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(try String(contentsOf: url, encoding: .utf8) == new)
    let stale = try temporaries(in: folder)
    #expect(stale.isEmpty, "stale temporaries not removed: \(stale)")
  }
}

/// Exit statuses written from many threads.
final class Statuses: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [(status: Int32, stderr: String)]
  init(count: Int) { values = Array(repeating: (-1, "not run"), count: count) }
  func set(_ i: Int, _ status: Int32, _ stderr: String) { lock.withLock { values[i] = (status, stderr) } }
  var all: [(status: Int32, stderr: String)] { lock.withLock { values } }
}
