import Foundation

/// Reads ODS and XLSX workbooks into sheets of located cells.
///
/// The container is opened with ZIPFoundation; the format is told by the archive's members
/// (`content.xml` for ODS, `xl/workbook.xml` for XLSX), not by the file's extension.
///
/// ```swift
/// let workbook = try SpreadsheetReader.read(url: URL(fileURLWithPath: "dedicated-schools-grant.ods"))
/// let sheet = try workbook.sheet(named: "Allocations_1920")
/// ```
///
/// Every failure is a ``SpreadsheetError`` naming the file (and member, line and column where
/// known): a truncated or non-ZIP file, a missing part, malformed XML, a value that is not
/// what the format allows, or a sheet past the size limits. The reader never traps on input.
public enum SpreadsheetReader {
  /// Reads the workbook at `url`; `name` (default: the file's last path component) is the
  /// file name every location and error will carry.
  public static func read(url: URL, name: String? = nil) throws -> Workbook {
    let zip = try ZipContainer(url: url, file: name ?? url.lastPathComponent)
    return try read(zip)
  }

  /// Reads a workbook held in memory, naming it `name` in locations and errors.
  public static func read(data: Data, name: String) throws -> Workbook {
    try read(try ZipContainer(data: data, file: name))
  }

  private static func read(_ zip: ZipContainer) throws -> Workbook {
    if zip.contains("content.xml") { return try ODSReader.read(zip) }
    if zip.contains("xl/workbook.xml") { return try XLSXReader.read(zip) }
    throw SpreadsheetError(file: zip.file, kind: .unknownFormat(members: zip.memberPaths))
  }
}
