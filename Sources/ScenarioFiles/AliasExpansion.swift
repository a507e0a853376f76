import CLibYAML

/// How many values a YAML text expands to, counted from libyaml's parse events before Yams
/// composes it.
///
/// Yams composes an alias (`*name`) as one more reference to the anchored value, which is cheap,
/// but checks every mapping for duplicate keys by hashing the keys: a key written as a list of
/// nested aliases is hashed value by value (9⁸ values from eight short lines took about 30 s,
/// found by fuzzing). Counting events first, each alias as the size of the value it names, takes
/// time in proportion to the text, and the count is checked before anything is composed.
enum AliasExpansion {
  /// Where the count of values (keys, values and list items, aliases expanded) first passes
  /// `limit`: the line and column of the event that passed it, counted from 1 as Yams counts.
  ///
  /// - Returns: nil when the count stays within `limit`, and also when the text does not parse
  ///   before that: Yams then reports the syntax error where libyaml found it.
  static func firstPositionBeyond(_ limit: Int, in text: String) -> (line: Int, column: Int)? {
    let bytes = Array(text.utf8)
    // libyaml asserts its input is not null, which an empty array's buffer may be.
    guard !bytes.isEmpty else { return nil }
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      // The values each anchor stands for; a later anchor of the same name replaces it, as in Yams.
      var sizes: [String: Int] = [:]
      // The collections not yet closed: their anchor and the count before they started.
      var open: [(anchor: String?, start: Int)] = []
      var count = 0
      var event = yaml_event_t()
      while yaml_parser_parse(&parser, &event) == 1 {
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return nil
        case YAML_SCALAR_EVENT:
          count += 1
          if let anchor = event.data.scalar.anchor { sizes[String(cString: anchor)] = 1 }
        case YAML_SEQUENCE_START_EVENT:
          open.append((event.data.sequence_start.anchor.map { String(cString: $0) }, count))
          count += 1
        case YAML_MAPPING_START_EVENT:
          open.append((event.data.mapping_start.anchor.map { String(cString: $0) }, count))
          count += 1
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          if let (anchor, start) = open.popLast(), let anchor { sizes[anchor] = count - start }
        case YAML_ALIAS_EVENT:
          // An alias to an anchor not defined (yet) is Yams' error to report; it counts as one.
          count += event.data.alias.anchor.flatMap { sizes[String(cString: $0)] } ?? 1
        default:
          break
        }
        if count > limit {
          return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
        }
      }
      return nil
    }
  }
}
