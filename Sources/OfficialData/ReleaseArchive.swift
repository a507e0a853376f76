import Foundation
import ZIPFoundation

/// A DfE "Education, health and care plans" release ZIP, opened and checked, not yet parsed.
///
/// A release has `data-guidance/data-guidance.txt` whose first line names the publication
/// and whose second gives the reporting year (`2022 Reporting year`, `Reporting year 2025`),
/// and CSV tables under `data/`. Members are read through ZIPFoundation, which checks each
/// one's CRC-32, so a truncated or damaged archive is reported, not half read.
struct ReleaseArchive {
  /// The publication title every SEN2 release's guidance opens with.
  static let publication = "Education, health and care plans"

  /// The path as the caller gave it (used in messages).
  let name: String
  /// The year the release reports (`2025` for the June 2025 release, census January 2025).
  let reportingYear: Int
  /// CRC-32 and size of every member, in path order: equal fingerprints mean the same release.
  let fingerprint: String
  private let archive: Archive

  /// Opens `path`. Throws `unreadable` when the file cannot be read and `invalidRelease` when it
  /// is not a ZIP, is truncated, or is not a SEN2 release.
  init(path: String) throws {
    name = path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw OfficialDataError.unreadable(path: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw OfficialDataError.unreadable(path: path, reason: "it is a folder, not a ZIP file")
    }
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw OfficialDataError.unreadable(path: path, reason: "permission denied")
    }
    let opened: Archive
    do {
      opened = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: path), "not a readable ZIP archive (truncated or damaged?): \(error)")
    }
    archive = opened
    let entries = opened.map { $0 }.sorted { $0.path < $1.path }
    fingerprint = entries.map { "\($0.path):\($0.checksum):\($0.uncompressedSize)" }.joined(separator: ";")
    guard let guidance = entries.first(where: { $0.path.hasSuffix("data-guidance.txt") }) else {
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: path),
        "not a DfE release: no data-guidance/data-guidance.txt (expected the 'Education, health and care plans' ZIP)")
    }
    let text = String(decoding: try Self.read(opened, guidance, archiveName: path), as: UTF8.self)
    reportingYear = try Self.reportingYear(in: text, location: ReleaseLocation(archive: path, member: guidance.path))
  }

  /// The paths of every member.
  var memberPaths: [String] { archive.map(\.path) }

  /// The bytes of the member whose path ends with `suffix` (`data/caseload.csv`), or nil.
  func member(endingWith suffix: String) throws -> (path: String, bytes: [UInt8])? {
    guard let entry = archive.first(where: { $0.path == suffix || $0.path.hasSuffix("/" + suffix) }) else {
      return nil
    }
    return (entry.path, try Self.read(archive, entry, archiveName: name))
  }

  /// The largest member read (the biggest SEN2 table is 11 MB): a larger one is refused
  /// rather than filling memory.
  static let largestMember: UInt64 = 512 << 20

  private static func read(_ archive: Archive, _ entry: Entry, archiveName: String) throws -> [UInt8] {
    guard entry.uncompressedSize <= largestMember else {
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: archiveName, member: entry.path),
        "\(entry.uncompressedSize) bytes uncompressed; a SEN2 table is at most a few tens of MB (limit \(largestMember))"
      )
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(min(entry.uncompressedSize, 1 << 30)))
    do {
      _ = try archive.extract(entry) { chunk in bytes.append(contentsOf: chunk) }
    } catch {
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: archiveName, member: entry.path),
        "cannot be read from the ZIP (truncated or damaged?): \(error)")
    }
    return bytes
  }

  /// Reads the reporting year from the guidance's first lines; throws when the title is not
  /// the SEN2 publication's.
  static func reportingYear(in guidance: String, location: ReleaseLocation) throws -> Int {
    let lines = guidance.split(whereSeparator: \.isNewline).prefix(3).map {
      $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}")))
    }
    guard let title = lines.first, title.caseInsensitiveCompare(publication) == .orderedSame else {
      let found = lines.first.map { "'\($0.prefix(80))'" } ?? "an empty file"
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: location.archive, member: location.member, line: 1),
        "not a DfE SEN2 release: the guidance opens with \(found), expected '\(publication)'")
    }
    for (offset, line) in lines.dropFirst().enumerated() where line.lowercased().contains("reporting year") {
      let digits = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
      if let year = digits.first(where: { (2000...2100).contains($0) }) { return year }
      throw OfficialDataError.invalidRelease(
        ReleaseLocation(archive: location.archive, member: location.member, line: offset + 2),
        "no year in '\(line)'; expected 'Reporting year YYYY'")
    }
    throw OfficialDataError.invalidRelease(
      ReleaseLocation(archive: location.archive, member: location.member, line: 2),
      "no 'Reporting year' line after the title")
  }
}
