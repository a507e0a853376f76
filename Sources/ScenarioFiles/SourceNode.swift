import HighNeeds
import Yams

/// A YAML value with the file, line and column it was written at.
///
/// Scenario files are composed by Yams and converted to this tree so that every value keeps
/// its own file: a scenario that `extends:` another is the merge of two trees, and an issue in
/// a value inherited from the base must name the base file.
indirect enum SourceNode {
  /// Text; `plain` is false for quoted or block scalars (so `"~"` is text, not empty).
  case scalar(String, plain: Bool, at: SourceLocation)
  /// `key: value` pairs in file order.
  case mapping([SourceEntry], at: SourceLocation)
  /// A list.
  case sequence([SourceNode], at: SourceLocation)

  /// Where the value starts.
  var location: SourceLocation {
    switch self {
    case .scalar(_, _, let at), .mapping(_, let at), .sequence(_, let at): return at
    }
  }

  /// The text of a scalar, nil for a mapping or list.
  var scalar: String? {
    if case .scalar(let text, _, _) = self { return text }
    return nil
  }

  /// The most values a scenario may expand to. Aliases (`*name`) are shared in Yams' tree but
  /// copied here, so a few lines of nested aliases could otherwise expand to billions of values.
  /// Counted by ``AliasExpansion`` before Yams composes the file (see there why before).
  static let maximumValues = 200_000

  /// The one issue told about a file that expands beyond ``maximumValues``, at the value that
  /// passed the limit: the rest of the file is not read, so no other problem could be told
  /// truthfully (a cut-short tree would look as if sections were missing).
  static func expansionIssue(at location: SourceLocation) -> ScenarioIssue {
    ScenarioIssue(
      location: location, field: "",
      problem:
        "the file expands to more than \(maximumValues) values (aliases repeated inside aliases, or a very large file); nothing else in it was checked",
      expected: "a scenario of ordinary size; write values out instead of nesting aliases")
  }

  /// Converts a Yams tree, reporting keys that are not plain text (and dropping them).
  static func from(_ node: Node, file: String, issues: inout [ScenarioIssue]) -> SourceNode {
    func location(_ mark: Mark?) -> SourceLocation {
      SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }
    switch node {
    case .scalar(let scalar):
      return .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any, at: location(scalar.mark))
    case .mapping(let mapping):
      var entries: [SourceEntry] = []
      for (key, value) in mapping {
        guard let text = key.scalar?.string else {
          issues.append(
            ScenarioIssue(
              location: location(key.mark), field: "", problem: "a key must be plain text",
              expected: "a name such as 'growth'"))
          continue
        }
        entries.append(
          SourceEntry(
            key: text, keyLocation: location(key.mark), value: from(value, file: file, issues: &issues)
          ))
      }
      return .mapping(entries, at: location(mapping.mark))
    case .sequence(let sequence):
      var items: [SourceNode] = []
      for item in sequence {
        items.append(from(item, file: file, issues: &issues))
      }
      return .sequence(items, at: location(sequence.mark))
    case .alias(let alias):
      return .scalar("*\(alias.anchor.rawValue)", plain: false, at: location(nil))
    }
  }

  /// Keys that are alternatives to one another, by the path of their mapping: a scenario gives
  /// at most one of each group.
  static let alternatives: [String: [[String]]] = ["demand": [["census", "authorities"], ["model", "growth"]]]

  /// This tree with `override` laid over it: mappings merge key by key (recursively); any
  /// other value in `override` replaces the base's. Where `override` gives one of a group of
  /// ``alternatives`` (an option's `growth:` over a baseline's `model:`), the base's other keys
  /// of that group are dropped. Entries keep their own file positions.
  func merged(with override: SourceNode, path: String = "") -> SourceNode {
    guard case .mapping(let base, _) = self, case .mapping(let top, let at) = override else { return override }
    var entries = base
    for group in Self.alternatives[path] ?? [] {
      let given = Set(top.map(\.key)).intersection(group)
      guard !given.isEmpty else { continue }
      entries.removeAll { group.contains($0.key) && !given.contains($0.key) }
    }
    for entry in top {
      if let index = entries.firstIndex(where: { $0.key == entry.key }) {
        let inner = path.isEmpty ? entry.key : "\(path).\(entry.key)"
        entries[index] = SourceEntry(
          key: entry.key, keyLocation: entry.keyLocation,
          value: entries[index].value.merged(with: entry.value, path: inner))
      } else {
        entries.append(entry)
      }
    }
    return .mapping(entries, at: at)
  }
}

/// One `key: value` pair of a mapping.
struct SourceEntry {
  /// The key's text.
  let key: String
  /// Where the key is written.
  let keyLocation: SourceLocation
  /// The value.
  let value: SourceNode
}
