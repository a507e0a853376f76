import Foundation

/// The shipped scenarios (`scenarios/*.yaml`), read once, by file name: the bases an input's
/// `extends:` may name. Found from this file's path (`fuzz/Sources/FuzzSupport/`).
public let shippedScenarios: [String: String] = {
  let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")
  var texts: [String: String] = [:]
  for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".yaml") {
    texts[name] = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }
  return texts
}()

/// Reads a base for `extends:`: a shipped scenario when the path ends in one's name, else
/// `fallback` (the input itself, so that chains and cycles are reached).
public func baseReader(fallback: String) -> (String) throws -> String {
  { path in shippedScenarios[URL(fileURLWithPath: path).lastPathComponent] ?? fallback }
}
