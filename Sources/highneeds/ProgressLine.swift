import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A progress line on standard error for long work (`run --simulate`): shown only when standard
/// error is a terminal and the work has run for more than 2 seconds, redrawn at most ten times a
/// second, and cleared when the work ends, so that piped or redirected output never sees it.
final class ProgressLine: Sendable {
  private struct State {
    var shown = false
    var lastDrawn = 0.0
  }

  private let label: String
  private let start = Date()
  private let enabled = isatty(STDERR_FILENO) == 1
  private let state = Mutex(State())

  /// A line that names the work as `label`.
  init(_ label: String) {
    self.label = label
  }

  /// Reports `fraction` (0 to 1) done; safe from any thread.
  func update(_ fraction: Double) {
    guard enabled else { return }
    let elapsed = Date().timeIntervalSince(start)
    guard elapsed > 2 else { return }
    state.withLock { state in
      guard elapsed - state.lastDrawn >= 0.1 || fraction >= 1 else { return }
      state.lastDrawn = elapsed
      state.shown = true
      let percent = Int((fraction * 100).rounded(.down))
      let line = "\r\(label): \(percent)% after \(Int(elapsed)) s\u{1B}[K"
      FileHandle.standardError.write(Data(line.utf8))
    }
  }

  /// Clears the line if it was drawn.
  func finish() {
    state.withLock { state in
      if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      state.shown = false
    }
  }
}
