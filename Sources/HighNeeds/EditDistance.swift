/// "Did you mean" suggestions for misspelt keys and names (scenario keys here, CSV
/// column names in the command-line tool).
public enum Suggestion {
  /// The Levenshtein distance between two strings (insertions, deletions, substitutions),
  /// compared case-insensitively. O(m·n) time, O(n) memory.
  public static func distance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased())
    let y = Array(b.lowercased())
    guard !x.isEmpty else { return y.count }
    guard !y.isEmpty else { return x.count }
    var previous = Array(0...y.count)
    var current = previous
    for i in 1...x.count {
      current[0] = i
      for j in 1...y.count {
        let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[y.count]
  }

  /// The candidate closest to `word`, if it is close enough to be a plausible typo
  /// (at most a third of the word's length, and at least 2 edits allowed), or one contains the other.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    guard word.count <= 200 else { return nil }
    let limit = max(2, word.count / 3)
    let scored = candidates.map { ($0, distance(word, $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    if let best = scored.first, best.1 <= limit { return best.0 }
    let lower = word.lowercased()
    if lower.count >= 3,
      let containing = candidates.first(where: {
        $0.lowercased().contains(lower) || lower.contains($0.lowercased())
      })
    {
      return containing
    }
    return nil
  }

  /// A hint for a key that is three digits: almost always the tail of `£8,000` written inside
  /// `{...}` or `[...]`, where a comma separates entries.
  public static func flowCommaHint(for key: String) -> String {
    guard key.count == 3, key.allSatisfy(\.isASCIIDigit) else { return "" }
    return
      " (inside { } or [ ] a comma separates entries, so '£8,000' splits in two: write £8k, or quote it: \"£8,000\")"
  }

  /// `; did you mean 'x'?`-style hint text, or an empty string.
  public static func hint(for word: String, among candidates: [String]) -> String {
    guard let best = closest(to: word, among: candidates) else { return "" }
    return " (did you mean '\(best)'?)"
  }
}
