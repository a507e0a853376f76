import ArgumentParser
import Foundation

/// A failure the user can act on, printed as `highneeds: <message>` with a sysexits code.
///
/// Commands throw this (or let `Failure.wrap` convert library errors) so that every path
/// out of the tool gets a message and the right exit code: 65 invalid data, 66 unreadable
/// input, 73 unwritable output.
struct Failure: Error, CustomStringConvertible {
  enum Kind: Int32 {
    case usage = 64
    case dataInvalid = 65
    case inputUnreadable = 66
    case outputUnwritable = 73
  }
  let kind: Kind
  let message: String
  var description: String { message }

  static func dataInvalid(_ message: String) -> Failure { Failure(kind: .dataInvalid, message: message) }
  static func inputUnreadable(_ message: String) -> Failure { Failure(kind: .inputUnreadable, message: message) }
  static func outputUnwritable(_ message: String) -> Failure { Failure(kind: .outputUnwritable, message: message) }

  /// Prints the message to standard error and returns the exit code to throw.
  func report() -> ExitCode {
    FileHandle.standardError.write(Data("highneeds: \(message)\n".utf8))
    return ExitCode(kind.rawValue)
  }
}

/// Runs `body`, turning a thrown `Failure` into its message on standard error and exit code.
/// Any other error is reported as invalid data (65): library errors describe bad input.
func runReportingFailures(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let failure as Failure {
    throw failure.report()
  } catch let exit as ExitCode {
    throw exit
  } catch {
    throw Failure.dataInvalid(String(describing: error)).report()
  }
}

/// Reads a whole text file, or fails with exit code 66 naming the path.
func readTextFile(_ path: String) throws -> String {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw Failure.inputUnreadable("cannot read \(path): no such file or not readable")
  }
  guard let text = String(data: data, encoding: .utf8) else {
    throw Failure.dataInvalid("\(path): not UTF-8 text")
  }
  return text
}

/// Writes `text` to `path` atomically (a temporary file in the same folder, then renamed),
/// or to standard output when `path` is nil. A failure leaves any existing file untouched
/// and exits 73.
func writeOutput(_ text: String, to path: String?) throws {
  guard let path else {
    FileHandle.standardOutput.write(Data(text.utf8))
    return
  }
  let url = URL(fileURLWithPath: path)
  let folder = url.deletingLastPathComponent()
  let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
  do {
    try Data(text.utf8).write(to: temporary, options: [])
    // rename(2) replaces the destination atomically: readers see the old file or the new one.
    guard rename(temporary.path, url.path) == 0 else {
      throw Failure.outputUnwritable("cannot write \(path): \(String(cString: strerror(errno)))")
    }
  } catch let failure as Failure {
    try? FileManager.default.removeItem(at: temporary)
    throw failure
  } catch {
    try? FileManager.default.removeItem(at: temporary)
    throw Failure.outputUnwritable("cannot write \(path): \(error.localizedDescription)")
  }
}
