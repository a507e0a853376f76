import Synchronization

/// The candidates' scores of a forecast, given or computed on first request.
///
/// `auto` needs the rolling-origin scores of the models it combines to make its forecast;
/// the other candidates' scores (damped trend, linear, drift, ...) are only reported. They
/// are computed the first time `scores` is read, once, by the closure `AutoSelection`
/// supplies, so that a caller who only uses the forecast (a scenario run, a national
/// projection) does not pay for them, and one who reads them gets exactly what an eager
/// computation would have given. Thread-safe: concurrent readers wait for one computation.
final class CandidateTable: Sendable {
  private enum State {
    case ready([CandidateScore])
    case pending(@Sendable () -> [CandidateScore])
  }

  private let state: Mutex<State>

  /// A table of scores already known.
  init(_ scores: [CandidateScore]) {
    state = Mutex(.ready(scores))
  }

  /// A table computed by `compute` when first read.
  init(computing compute: @escaping @Sendable () -> [CandidateScore]) {
    state = Mutex(.pending(compute))
  }

  /// The scores, computed now if they have not been.
  var scores: [CandidateScore] {
    state.withLock { state in
      switch state {
      case .ready(let scores):
        return scores
      case .pending(let compute):
        let scores = compute()
        state = .ready(scores)
        return scores
      }
    }
  }

  /// Whether the scores have been computed (for tests).
  var isComputed: Bool {
    state.withLock { if case .ready = $0 { true } else { false } }
  }
}
