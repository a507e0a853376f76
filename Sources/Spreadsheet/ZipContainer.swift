import Foundation
import ZIPFoundation

/// The ZIP archive under an ODS or XLSX file, read with ZIPFoundation; every failure becomes a
/// ``SpreadsheetError`` naming the file and member.
struct ZipContainer {
  /// The largest member the reader will decompress: far above any DfE table (content.xml is
  /// about 2.5 MB) and well below what would exhaust memory.
  static let maximumMemberBytes: UInt64 = 512 * 1024 * 1024

  let file: String
  private let archive: Archive

  /// Opens `url` for reading; `file` is the name used in messages.
  init(url: URL, file: String) throws {
    self.file = file
    guard FileManager.default.isReadableFile(atPath: url.path) else {
      throw SpreadsheetError(file: file, kind: .unreadable("no such readable file"))
    }
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw SpreadsheetError(file: file, kind: .notAnArchive)
    }
  }

  /// Opens an archive held in memory.
  init(data: Data, file: String) throws {
    self.file = file
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw SpreadsheetError(file: file, kind: .notAnArchive)
    }
  }

  /// The paths of the archive's members, in directory order.
  var memberPaths: [String] { archive.map(\.path) }

  /// True when the archive has a member at `path`.
  func contains(_ path: String) -> Bool { archive[path] != nil }

  /// The decompressed bytes of the member at `path`, checksum verified.
  ///
  /// - Throws: ``SpreadsheetError`` `.missingMember` when absent, `.tooLarge` past
  ///   ``maximumMemberBytes``, `.damagedMember` when the data or its checksum is bad.
  func data(_ path: String) throws -> Data {
    guard let entry = archive[path] else {
      throw SpreadsheetError(file: file, kind: .missingMember(path))
    }
    guard entry.uncompressedSize <= Self.maximumMemberBytes else {
      throw SpreadsheetError(
        file: file, member: path, kind: .tooLarge("\(entry.uncompressedSize) bytes uncompressed"))
    }
    var bytes = Data()
    bytes.reserveCapacity(Int(entry.uncompressedSize))
    do {
      _ = try archive.extract(entry, skipCRC32: false) { chunk in
        bytes.append(chunk)
        if UInt64(bytes.count) > Self.maximumMemberBytes { throw ZipContainerStop.tooLarge }
      }
    } catch ZipContainerStop.tooLarge {
      throw SpreadsheetError(file: file, member: path, kind: .tooLarge("more than \(Self.maximumMemberBytes) bytes"))
    } catch {
      throw SpreadsheetError(file: file, member: path, kind: .damagedMember(String(describing: error)))
    }
    return bytes
  }

  /// The member at `path`, or nil when the archive has none.
  func dataIfPresent(_ path: String) throws -> Data? {
    contains(path) ? try data(path) : nil
  }
}

private enum ZipContainerStop: Error { case tooLarge }
