import Foundation

/// Removes the temporaries an earlier `--output` write left beside `url` when it was killed
/// (kill -9, a power cut) between creating its temporary and renaming it into place.
///
/// ``writeOutputs(_:protecting:)`` names each temporary `.<file>.<pid>.<n>.tmp` beside its
/// destination. A kill -9 cannot be caught, so such a file can be left behind; it is never
/// read (the destination is only ever replaced whole, by rename), so it is harmless, and the
/// next write to the same destination removes it here. Only temporaries of processes that no
/// longer exist are removed: a writer still running (another `highneeds` writing the same
/// path) keeps its own. A process id reused since only delays the removal.
func removeStaleTemporaries(besides url: URL) {
  let folder = url.deletingLastPathComponent()
  let prefix = ".\(url.lastPathComponent)."
  guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
  for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
    let middle = name.dropFirst(prefix.count).dropLast(".tmp".count).split(separator: ".")
    guard middle.count == 2, let pid = pid_t(middle[0]), pid > 0, UInt(middle[1]) != nil else { continue }
    guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
    unlink(folder.appendingPathComponent(name).path)
  }
}
