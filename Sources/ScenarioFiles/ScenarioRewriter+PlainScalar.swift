import Yams

extension ScenarioRewriter {
  /// The length in Unicode scalars of the one-line plain scalar that starts at `line`:`column`
  /// of `text`, from the YAML itself; nil when there is none there (or it spans lines).
  ///
  /// Where a plain scalar ends depends on its context: in a flow collection
  /// (`{change: -5%, start: 2022-23}`) at the first `,`, `]` or `}`, in a block at a comment
  /// or the line's end. Composing the text and taking the scalar's value, which for a plain
  /// scalar on one line is exactly its source text, gets this right in both.
  static func plainScalarLength(in text: String, line: Int, column: Int, source: [Unicode.Scalar]) -> Int? {
    guard let root = try? Yams.compose(yaml: text), let scalar = plainScalar(in: root, line: line, column: column)
    else { return nil }
    let value = Array(scalar.string.unicodeScalars)
    let start = column - 1
    guard !value.isEmpty, start >= 0, start + value.count <= source.count,
      Array(source[start..<(start + value.count)]) == value
    else { return nil }
    return value.count
  }

  /// The plain scalar node that starts at `line`:`column`, searched depth first.
  private static func plainScalar(in node: Node, line: Int, column: Int) -> Node.Scalar? {
    switch node {
    case .scalar(let scalar):
      guard scalar.style == .plain || scalar.style == .any, let mark = scalar.mark, mark.line == line,
        mark.column == column
      else { return nil }
      return scalar
    case .mapping(let mapping):
      for (key, value) in mapping {
        if let found = plainScalar(in: key, line: line, column: column) ?? plainScalar(in: value, line: line, column: column) {
          return found
        }
      }
      return nil
    case .sequence(let sequence):
      for item in sequence {
        if let found = plainScalar(in: item, line: line, column: column) { return found }
      }
      return nil
    case .alias:
      return nil
    }
  }
}
