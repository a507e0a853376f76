/// Where a child or young person with a plan is educated, named as in the scenario file.
///
/// Names are the scenario's own (`mainstream`, `maintained_special`, `independent_special`,
/// `post16`, ...): the loader checks that every placement with a share also has a cost, so a
/// typo is reported rather than silently costing nothing.
public struct Placement: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The placement's name as written in the scenario (`independent_special`).
  public let name: String

  /// Creates a placement called `name`.
  public init(_ name: String) {
    self.name = name
  }

  /// The name, as written in the scenario.
  public var description: String { name }

  /// Orders placements by name (for stable output only).
  public static func < (lhs: Placement, rhs: Placement) -> Bool { lhs.name < rhs.name }
}
