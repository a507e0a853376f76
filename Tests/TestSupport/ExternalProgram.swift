import Foundation

/// The result of running an outside program (LibreOffice, Chromium) from a test.
public struct ProgramRun: Sendable {
  /// The exit status; -1 when the program could not be started or was killed for time.
  public let status: Int32
  /// Standard output and standard error together.
  public let output: String
  /// True when the run was stopped for going past its time limit.
  public let timedOut: Bool
}

/// The first of `names` found as an executable file on `PATH` (or in /usr/bin, /usr/local/bin).
///
/// Tests that need a real browser or spreadsheet call this and FAIL (never skip) when it
/// returns nil: `.ci/install-deps` installs the programs.
public func findProgram(_ names: [String]) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
  for name in names {
    for folder in folders {
      let candidate = folder + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
  }
  return nil
}

/// Runs `executable` with `arguments`, output to a temporary file, stopped after `timeout` seconds.
public func runProgram(_ executable: String, _ arguments: [String], timeout: TimeInterval = 120) -> ProgramRun {
  let log = FileManager.default.temporaryDirectory.appendingPathComponent("highneeds-program-\(UUID().uuidString).log")
  _ = FileManager.default.createFile(atPath: log.path, contents: nil)
  defer { try? FileManager.default.removeItem(at: log) }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  do {
    let handle = try FileHandle(forWritingTo: log)
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
  } catch {
    return ProgramRun(status: -1, output: "cannot run \(executable): \(error)", timedOut: false)
  }
  let deadline = Date().addingTimeInterval(timeout)
  while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
  let timedOut = process.isRunning
  if timedOut {
    process.terminate()
    process.waitUntilExit()
  }
  let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
  return ProgramRun(status: timedOut ? -1 : process.terminationStatus, output: output, timedOut: timedOut)
}

/// A fresh empty folder under the temporary directory.
public func makeTemporaryFolder(_ prefix: String) throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

/// Parses CSV text (RFC 4180: commas, double-quoted fields with `""` for a quote) into rows.
public func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var characters = Array(text).makeIterator()
  var pending: Character? = nil
  while let character = pending ?? characters.next() {
    pending = nil
    if quoted {
      if character == "\"" {
        let next = characters.next()
        if next == "\"" {
          field.append("\"")
        } else {
          quoted = false
          pending = next
        }
      } else {
        field.append(character)
      }
      continue
    }
    switch character {
    case "\"": quoted = true
    case ",":
      row.append(field)
      field = ""
    case "\n", "\r\n":
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    case "\r": continue
    default: field.append(character)
    }
  }
  if !field.isEmpty || !row.isEmpty {
    row.append(field)
    rows.append(row)
  }
  return rows
}

/// Why a test's outside program could not do its job (missing, failed, produced nothing).
public struct ExternalProgramError: Error, CustomStringConvertible {
  /// What went wrong and how to fix it.
  public let description: String

  /// An error saying `description`.
  public init(_ description: String) { self.description = description }
}

/// Opens the workbook at `xlsx` in LibreOffice (headless, a throwaway profile) and returns
/// every sheet in `sheets` as CSV rows of raw values (not as shown: `-9604000`, `0.08`).
///
/// Throws (so the calling test fails, never skips) when LibreOffice is not installed.
public func libreOfficeSheets(_ xlsx: URL, sheets: [String]) throws -> [String: [[String]]] {
  guard let soffice = findProgram(["soffice", "libreoffice"]) else {
    throw ExternalProgramError("LibreOffice not found on PATH: install libreoffice-calc-nogui (bash .ci/install-deps)")
  }
  let folder = try makeTemporaryFolder("libreoffice")
  defer { try? FileManager.default.removeItem(at: folder) }
  // Filter options: comma, double quote, UTF-8, from line 1, default cell formats, default
  // language, no quoted-as-text, detect numbers, raw values (not "as shown"), no formulas,
  // keep spaces, and sheet -1: every sheet to its own file, NAME-SHEET.csv.
  let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
  let run = runProgram(
    soffice,
    [
      "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", filter, "--outdir",
      folder.path, xlsx.path,
    ], timeout: 180)
  guard run.status == 0 else { throw ExternalProgramError("soffice failed (\(run.status)): \(run.output)") }
  let stem = xlsx.deletingPathExtension().lastPathComponent
  var result: [String: [[String]]] = [:]
  for sheet in sheets {
    let csv = folder.appendingPathComponent("\(stem)-\(sheet).csv")
    guard let text = try? String(contentsOf: csv, encoding: .utf8) else {
      throw ExternalProgramError("LibreOffice wrote no CSV for sheet '\(sheet)': \(run.output)")
    }
    result[sheet] = parseCSV(text)
  }
  return result
}

/// The cell in the row whose first cell is `label`, under the header `column` of row `headerRow`.
public func csvCell(_ rows: [[String]], row label: String, column: String, headerRow: Int = 3) -> String? {
  guard rows.count > headerRow, let columnIndex = rows[headerRow].firstIndex(of: column),
    let row = rows.first(where: { $0.first == label }), row.indices.contains(columnIndex)
  else { return nil }
  return row[columnIndex]
}
