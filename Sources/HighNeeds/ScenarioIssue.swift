/// A position in a scenario file: 1-based line and column, as editors show them.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The file's path as it was given to the loader.
  public let file: String
  /// Line number, starting from 1.
  public let line: Int
  /// Column number, starting from 1 (counted in Unicode scalars, as libyaml does).
  public let column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }
}

/// One thing wrong with a scenario: where, which field, what was wrong and what was expected.
///
/// Printed as `file:line:column: field: problem; expected ...`, the form compilers use, so
/// editors can jump to it.
public struct ScenarioIssue: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where the offending value (or the mapping that lacks a field) starts.
  public let location: SourceLocation
  /// The field's path in the file, dotted: `funding.high_needs_block.2019-20`.
  public let field: String
  /// What was wrong, in words a finance officer can act on.
  public let problem: String
  /// What would have been accepted, or nil when the problem says it all.
  public let expected: String?

  /// Creates an issue.
  public init(location: SourceLocation, field: String, problem: String, expected: String? = nil) {
    self.location = location
    self.field = field
    self.problem = problem
    self.expected = expected
  }

  /// `file:line:column: field: problem; expected ...`.
  public var description: String {
    let head = "\(location): \(field.isEmpty ? "(document)" : field): \(problem)"
    guard let expected else { return head }
    return "\(head); expected \(expected)"
  }
}

/// A scenario that cannot be used, with every issue found (not only the first).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
  /// The issues, in file order.
  public let issues: [ScenarioIssue]

  /// Creates an error from issues; they are sorted by line and column.
  public init(issues: [ScenarioIssue]) {
    self.issues = issues.sorted {
      ($0.location.file, $0.location.line, $0.location.column, $0.field)
        < ($1.location.file, $1.location.line, $1.location.column, $1.field)
    }
  }

  /// One issue per line.
  public var description: String { issues.map(\.description).joined(separator: "\n") }
}
