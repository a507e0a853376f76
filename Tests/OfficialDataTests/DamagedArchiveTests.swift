import Foundation
import OfficialData
import Testing

/// Damaged copies of a good release: cut short at many lengths, or with single bytes changed.
/// Each import must either fail with an `OfficialDataError` (never a crash or another error)
/// or, where the damage misses everything read, succeed; the store never holds a partial import.
@Suite struct DamagedArchiveTests {
  private static let original = (try? Data(contentsOf: URL(fileURLWithPath: fixture("sen2-2025-small.zip")))) ?? Data()

  private func importCopy(_ bytes: Data) throws -> Bool {
    let folder = URL(fileURLWithPath: scratchStorePath()).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("damaged.zip").path
    try bytes.write(to: URL(fileURLWithPath: path))
    let store = try OfficialStore(path: folder.appendingPathComponent("store.sqlite").path)
    do {
      _ = try store.importReleases([path])
      return true
    } catch is OfficialDataError {
      #expect(try store.releases().isEmpty)
      return false
    }
  }

  @Test func truncatedAtManyLengths() throws {
    #expect(Self.original.count > 10_000)
    var failed = 0
    for fraction in stride(from: 0.0, to: 1.0, by: 0.1) {
      if !(try importCopy(Self.original.prefix(Int(Double(Self.original.count) * fraction)))) { failed += 1 }
    }
    // Every cut removes the central directory at the end of the file: all must fail.
    #expect(failed == 10)
  }

  @Test func singleBytesChanged() throws {
    let count = Int(ProcessInfo.processInfo.environment["HIGHNEEDS_FUZZ_COUNT"] ?? "") ?? 24
    // Offsets from a fixed linear congruential sequence, so every run damages the same bytes.
    var state: UInt64 = 20_260_612
    var offsets = (0..<count).map { _ -> Int in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(Self.original.count))
    }
    offsets += [Self.original.count - 1, Self.original.count - 10, Self.original.count - 22, 0, 10, 30]
    for offset in offsets {
      var copy = Self.original
      copy[offset] ^= 0x5A
      _ = try importCopy(copy)
    }
  }
}
