import HighNeeds
import Foundation

/// A value in the scenario tree together with its dotted path, for messages.
struct Located {
  /// The value.
  let node: SourceNode
  /// The dotted path of the field, such as `funding.growth`.
  let path: String
  /// Where to report problems with the value.
  let mark: SourceLocation

  /// Wraps a node at its own position.
  init(node: SourceNode, path: String) {
    self.node = node
    self.path = path
    self.mark = node.location
  }

  /// Wraps a node reported at an explicit position (a mapping key read as a value).
  init(node: SourceNode, path: String, mark: SourceLocation) {
    self.node = node
    self.path = path
    self.mark = mark
  }

  /// The scalar's text, or nil when the node is a mapping or sequence.
  var scalarText: String? { node.scalar }

  /// True for an empty value (`key:` with nothing after it, `~` or `null`).
  var isNull: Bool {
    guard case .scalar(let text, let plain, _) = node, plain else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(text)
  }

  /// A word for what the node is, for "expected a mapping but found a list".
  var kindDescription: String {
    switch node {
    case .scalar: return isNull ? "an empty value" : "the value '\(String(scalarText?.prefix(40) ?? ""))'"
    case .mapping: return "a mapping (key: value lines)"
    case .sequence: return "a list"
    }
  }
}

/// Collects issues while reading a YAML tree; every read reports into it and carries on.
///
/// Reading never stops at the first problem: each field that cannot be read is reported and
/// skipped, so one run lists every issue in the file.
final class NodeReader {
  /// The file's path, used in every issue.
  let file: String
  /// Issues found so far.
  private(set) var issues: [ScenarioIssue] = []
  /// True when a base scenario named by `extends:` could not be used: its fields are missing, so
  /// "missing required field" at the top level would only repeat that one problem.
  var baseMissing = false

  init(file: String) {
    self.file = file
  }

  /// A location (kept for readability at call sites that record positions).
  func location(_ mark: SourceLocation) -> SourceLocation { mark }

  /// Adds issues found elsewhere (while converting or merging trees).
  func append(_ more: [ScenarioIssue]) { issues += more }

  /// Records an issue at `value`.
  func report(_ value: Located, _ problem: String, expected: String? = nil) {
    issues.append(ScenarioIssue(location: value.mark, field: value.path, problem: problem, expected: expected))
  }

  /// Records an issue at an explicit mark.
  func report(at mark: SourceLocation, field: String, _ problem: String, expected: String? = nil) {
    issues.append(ScenarioIssue(location: mark, field: field, problem: problem, expected: expected))
  }

  /// Reads `value` as a mapping with string keys, reporting anything else.
  ///
  /// Keys that are not plain text (a list or mapping used as a key) are reported and skipped.
  func mapping(_ value: Located, expected: String) -> MappingView? {
    guard case .mapping(let pairs, _) = value.node else {
      report(value, "found \(value.kindDescription)", expected: expected)
      return nil
    }
    var entries: [MappingView.Entry] = []
    for pair in pairs {
      let path = value.path.isEmpty ? pair.key : "\(value.path).\(pair.key)"
      // A block mapping or list on the lines below its key is reported at the key (`per_plan:`),
      // where a reader looks for it; libyaml marks it at its first inner entry instead.
      var nested = Located(node: pair.value, path: path)
      if pair.value.scalar == nil, nested.mark.file == pair.keyLocation.file, nested.mark.line > pair.keyLocation.line {
        nested = Located(node: pair.value, path: path, mark: pair.keyLocation)
      }
      entries.append(MappingView.Entry(key: pair.key, keyMark: pair.keyLocation, value: nested))
    }
    return MappingView(owner: value, entries: entries, reader: self)
  }

  /// Reads a scalar through `parse`, reporting a non-scalar, an empty value or a parse problem.
  func scalar<T>(_ value: Located, expected: String, _ parse: (String) throws -> T) -> T? {
    guard let text = value.scalarText else {
      report(value, "found \(value.kindDescription)", expected: expected)
      return nil
    }
    guard !value.isNull else {
      report(value, "no value given", expected: expected)
      return nil
    }
    do {
      return try parse(text)
    } catch let problem as ValueProblem {
      report(value, problem.problem, expected: problem.expected)
      return nil
    } catch {
      report(value, String(describing: error), expected: expected)
      return nil
    }
  }

  /// Reads non-empty text (a name or title).
  func text(_ value: Located, expected: String) -> String? {
    scalar(value, expected: expected) { text in
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else { throw ValueProblem(problem: "the text is blank", expected: expected) }
      return trimmed
    }
  }
}

/// The entries of one YAML mapping, with helpers that report missing and unknown keys.
struct MappingView {
  /// One `key: value` pair.
  struct Entry {
    let key: String
    let keyMark: SourceLocation
    let value: Located
  }

  let owner: Located
  let entries: [Entry]
  let reader: NodeReader

  /// The value under `key`, or nil (reporting it when `required`).
  func value(_ key: String, required: Bool = false, expected: String = "") -> Located? {
    if let entry = entries.first(where: { $0.key == key }) { return entry.value }
    if required, !(reader.baseMissing && owner.path.isEmpty) {
      let field = owner.path.isEmpty ? key : "\(owner.path).\(key)"
      reader.report(
        at: owner.mark, field: field, "missing required field '\(key)'", expected: expected.isEmpty ? nil : expected)
    }
    return nil
  }

  /// Reports every key not in `allowed`, with a "did you mean" hint.
  func rejectUnknownKeys(allowed: [String]) {
    for entry in entries where !allowed.contains(entry.key) {
      let hint = Suggestion.hint(for: entry.key, among: allowed) + Suggestion.flowCommaHint(for: entry.key)
      reader.report(
        at: entry.keyMark, field: entry.value.path, "unknown key '\(entry.key)'\(hint)",
        expected: "one of: \(allowed.joined(separator: ", "))")
    }
  }
}
