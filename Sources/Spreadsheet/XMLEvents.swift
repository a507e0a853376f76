import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A streaming XML pass over one archive member with Foundation's `XMLParser` (namespaces
/// resolved), turning parser failures into located ``SpreadsheetError``s.
///
/// Subclasses override ``start(_:namespace:attributes:)``, ``end(_:namespace:)`` and
/// ``characters(_:)``; attributes arrive keyed by local name (prefix removed).
class XMLEvents: NSObject, XMLParserDelegate {
  let file: String
  let member: String
  /// The first content problem a subclass found; parsing stops and it is thrown.
  private(set) var failure: SpreadsheetError?
  private var parser: XMLParser?

  init(file: String, member: String) {
    self.file = file
    self.member = member
  }

  /// Parses `data`, calling the event methods.
  ///
  /// - Throws: ``SpreadsheetError`` `.malformedXML` with the parser's line and column, or the
  ///   error a subclass raised with ``fail(_:)``.
  func run(_ data: Data) throws {
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = true
    parser.shouldResolveExternalEntities = false
    parser.delegate = self
    self.parser = parser
    let succeeded = parser.parse()
    self.parser = nil
    if let failure { throw failure }
    // Foundation on Linux can report success and still set parserError: check both.
    if !succeeded || parser.parserError != nil {
      let reason = (parser.parserError as NSError?).map { "code \($0.code)" } ?? "parser stopped"
      throw SpreadsheetError(
        file: file, member: member, line: parser.lineNumber, column: parser.columnNumber,
        kind: .malformedXML(reason))
    }
  }

  /// Stops parsing with a content error located at the parser's current line.
  func fail(_ kind: SpreadsheetError.Kind) {
    guard failure == nil else { return }
    failure = SpreadsheetError(
      file: file, member: member, line: parser?.lineNumber, column: parser?.columnNumber, kind: kind)
    parser?.abortParsing()
  }

  /// True once ``fail(_:)`` has been called.
  var hasFailed: Bool { failure != nil }

  func start(_ name: String, namespace: String, attributes: [String: String]) {}
  func end(_ name: String, namespace: String) {}
  func characters(_ text: String) {}

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    guard failure == nil else { return }
    var local: [String: String] = [:]
    for (key, value) in attributeDict {
      if let colon = key.lastIndex(of: ":") {
        local[String(key[key.index(after: colon)...])] = value
      } else {
        local[key] = value
      }
    }
    start(elementName, namespace: namespaceURI ?? "", attributes: local)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) {
    guard failure == nil else { return }
    end(elementName, namespace: namespaceURI ?? "")
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard failure == nil else { return }
    characters(string)
  }
}
