import Foundation
import Testing
import TestSupport

/// The official-data store under faults, with the small release ZIPs (a few kills here; the
/// real ZIPs, 50 kills, a full and a read-only tmpfs in `fuzz/store-faults.sh`). An import
/// writes in one SQLite transaction, so a store is only ever the one before or the complete
/// import, whatever stops the writer.
@Suite("the store under kill -9, a second writer and a full disk")
struct StoreFaultTests {
  let fixtures = repositoryRoot.appendingPathComponent("Tests/OfficialDataTests/Fixtures")
  var old: String { fixtures.appendingPathComponent("sen2-2022-small.zip").path }
  var new: String { fixtures.appendingPathComponent("sen2-2025-small.zip").path }

  /// What the store holds as highneeds reads it: every area, Medway's and England's figures.
  func state(_ store: String) -> String {
    [["data", "authorities"], ["data", "show", "--authority", "Medway"], ["data", "show", "--authority", "England"]]
      .map { command in
        let run = runHighneeds(command + ["--format", "csv", "--store", store])
        return "exit \(run.status)\n\(run.stdout)\(run.stderr)"
      }.joined(separator: "\n")
  }

  /// A scratch folder with `base.sqlite` holding the 2022 release, and the states before and
  /// after importing the 2025 one (the latter from a copy).
  func prepared() throws -> (folder: URL, base: String, before: String, after: String) {
    let folder = try makeScratchFolder()
    let base = folder.appendingPathComponent("base.sqlite").path
    let first = runHighneeds(["data", "import", old, "--store", base])
    try #require(first.status == 0, "\(first.stderr)")
    let full = folder.appendingPathComponent("full.sqlite").path
    try FileManager.default.copyItem(atPath: base, toPath: full)
    let second = runHighneeds(["data", "import", new, "--store", full])
    try #require(second.status == 0, "\(second.stderr)")
    let (before, after) = (state(base), state(full))
    try #require(before != after && !before.contains("exit 6") && !after.contains("exit 6"))
    return (folder, base, before, after)
  }

  /// A fresh copy of `base` at `store`, with no journal beside it.
  func reset(_ store: String, from base: String) throws {
    for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
    try FileManager.default.copyItem(atPath: base, toPath: store)
  }

  /// Six kills: three at a uniformly random moment of a whole import (x 1.2, so some finish),
  /// three as soon as the rollback journal appears (the write transaction is open). Each
  /// time the store reads back as before or as the complete import: data lost 0.
  @Test("kill -9 during data import leaves the previous store or the complete import")
  func killedImports() throws {
    let (folder, base, before, after) = try prepared()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("store.sqlite").path
    try reset(store, from: base)
    let started = Date()
    #expect(runHighneeds(["data", "import", new, "--store", store]).status == 0)
    let duration = Date().timeIntervalSince(started)
    var tally = (kept: 0, complete: 0, lost: 0)
    for run in 0..<6 {
      try reset(store, from: base)
      let importer = try #require(startHighneeds(["data", "import", new, "--store", store]))
      if run < 3 {
        let killAt = Date().addingTimeInterval(Double.random(in: 0...(duration * 1.2)))
        while importer.isRunning, Date() < killAt { usleep(1000) }
      } else {
        let deadline = Date().addingTimeInterval(max(10, duration * 3))
        while importer.isRunning, Date() < deadline, !FileManager.default.fileExists(atPath: store + "-journal") {
          usleep(100)
        }
      }
      kill(importer.processIdentifier, SIGKILL)
      importer.waitUntilExit()
      let now = state(store)
      if now == before { tally.kept += 1 } else if now == after { tally.complete += 1 } else { tally.lost += 1 }
    }
    #expect(tally.lost == 0, "\(tally)")
  }

  /// Two imports started together serialise (the command locks the store's folder): both
  /// succeed, one finds the release already there, and the store is the complete import.
  /// Into a store that does not exist yet, too (before the lock, one failed with "database is
  /// locked" or "no such table: grdb_migrations", and a failing first import removed the
  /// store, which could be the one the other had filled).
  @Test("two imports at once serialise", arguments: [true, false])
  func concurrentImports(storeExists: Bool) throws {
    let (folder, base, _, after) = try prepared()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = folder.appendingPathComponent("store.sqlite").path
    if storeExists { try reset(store, from: base) }
    let files = storeExists ? [new] : [old, new]
    for _ in 0..<2 {
      let statuses = Statuses(count: 2)
      let outputs = Outputs(count: 2)
      let done = DispatchGroup()
      for i in 0..<2 {
        done.enter()
        Thread {
          let run = runHighneeds(["data", "import"] + files + ["--store", store])
          statuses.set(i, run.status, run.stderr)
          outputs.set(i, run.stdout)
          done.leave()
        }.start()
      }
      done.wait()
      #expect(statuses.all.allSatisfy { $0.status == 0 }, "\(statuses.all)")
      #expect(outputs.all.contains { $0.contains("the 2025 release is already in the store; nothing changed") })
      #expect(state(store) == after)
      try? FileManager.default.removeItem(atPath: store)
      if storeExists { try reset(store, from: base) }
    }
  }

  /// A disk that fills during the import (a file-size limit, `ulimit -f`, with SIGXFSZ
  /// ignored so that writes fail with EFBIG as on a full disk): exit 73 naming the store,
  /// and the store's bytes as they were.
  @Test("a full disk during data import exits 73 and changes nothing")
  func fullDisk() throws {
    let (folder, base, before, _) = try prepared()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bytes = try Data(contentsOf: URL(fileURLWithPath: base))
    let executable = try #require(highneedsExecutable()).path
    // Room for the journal's first pages, not for the 2025 release's values.
    let limit = bytes.count / 1024 + 8
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", "ulimit -f \(limit); trap '' XFSZ; exec \"$0\" \"$@\"", executable, "data", "import", new, "--store", base]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 73, "\(message)")
    #expect(message.contains(base), "\(message)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: base)) == bytes)
    #expect(state(base) == before)
  }
}

/// Standard outputs written from many threads.
final class Outputs: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [String]
  init(count: Int) { values = Array(repeating: "", count: count) }
  func set(_ i: Int, _ text: String) { lock.withLock { values[i] = text } }
  var all: [String] { lock.withLock { values } }
}
