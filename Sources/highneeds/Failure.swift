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

/// Prints `highneeds: warning: MESSAGE` on standard error (the report carries it too).
func warn(_ message: String) {
  FileHandle.standardError.write(Data("highneeds: warning: \(message)\n".utf8))
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
  var isDirectory: ObjCBool = false
  if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
    throw Failure.inputUnreadable("cannot read \(path): it is a folder, not a file")
  }
  // A pipe (/dev/stdin, <(...)) is not read by contents(atPath:): read it as a stream.
  let contents =
    FileManager.default.contents(atPath: path)
    ?? FileHandle(forReadingAtPath: path).flatMap { handle in
      defer { try? handle.close() }
      return try? handle.readToEnd() ?? Data()
    }
  guard let data = contents else {
    throw Failure.inputUnreadable("cannot read \(path): no such file or not readable")
  }
  guard let text = String(data: data, encoding: .utf8) else {
    throw Failure.dataInvalid("\(path): not UTF-8 text")
  }
  return text
}

/// Writes `text` to `path` atomically (a temporary file in the same folder, then renamed),
/// or to standard output when `path` is nil. A failure leaves any existing file untouched
/// and exits 73: so does a destination that is a read-only file, and one that is one of
/// `inputs` (the files the command read), which would otherwise be replaced by the report.
func writeOutput(_ text: String, to path: String?, protecting inputs: [String] = []) throws {
  guard let path else {
    try writeStandardOutput(text)
    return
  }
  try writeOutputs([(text, path)], protecting: inputs)
}

/// Writes standard output, failing with exit 73 (not silently) when it cannot be written
/// (a full disk, a closed pipe).
func writeStandardOutput(_ text: String) throws {
  // write(2) directly: FileHandle's write on Linux does not report every failure (a write
  // to /dev/full "succeeded").
  var bytes = Array(text.utf8)[...]
  while !bytes.isEmpty {
    let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    if written < 0 {
      if errno == EINTR { continue }
      throw Failure.outputUnwritable("cannot write the standard output: \(String(cString: strerror(errno)))")
    }
    bytes = bytes.dropFirst(written)
  }
}

/// Writes several files all or nothing, as far as the file system allows: every
/// destination is checked and every temporary written before the first is renamed into
/// place, so that one unwritable destination leaves all of them untouched.
func writeOutputs(_ outputs: [(text: String, path: String)], protecting inputs: [String] = []) throws {
  let inputPaths = Set(inputs.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path })
  var seen: Set<String> = []
  for (_, path) in outputs {
    try checkDestination(path, inputs: inputPaths)
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    guard seen.insert(resolved).inserted else {
      throw Failure.outputUnwritable("cannot write \(path): it is given for two outputs")
    }
  }
  // A destination that exists and is not a regular file (/dev/null, /dev/stdout, a pipe) is
  // written in place: renaming over it would replace the device itself.
  let special = outputs.filter { isSpecialFile($0.path) }
  let regular = outputs.filter { !isSpecialFile($0.path) }
  var staged: [(temporary: URL, path: String)] = []
  func discard() { for s in staged { try? FileManager.default.removeItem(at: s.temporary) } }
  for (index, (text, given)) in regular.enumerated() {
    // Through a symbolic link to the file it names (renaming over the link would replace it).
    let url = URL(fileURLWithPath: given).resolvingSymlinksInPath()
    let path = url.path
    removeStaleTemporaries(besides: url)
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(index).tmp")
    do {
      try Data(text.utf8).write(to: temporary, options: [])
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      discard()
      throw Failure.outputUnwritable("cannot write \(given): \(error.localizedDescription)")
    }
    staged.append((temporary, path))
  }
  for (text, path) in special {
    guard let handle = FileHandle(forWritingAtPath: path) else {
      discard()
      throw Failure.outputUnwritable("cannot write \(path): cannot open it for writing")
    }
    defer { try? handle.close() }
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { write(handle.fileDescriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        discard()
        throw Failure.outputUnwritable("cannot write \(path): \(reason)")
      }
      bytes = bytes.dropFirst(written)
    }
  }
  for (i, s) in staged.enumerated() {
    // rename(2) replaces the destination atomically: readers see the old file or the new one.
    guard rename(s.temporary.path, s.path) == 0 else {
      let reason = String(cString: strerror(errno))
      for rest in staged[i...] { try? FileManager.default.removeItem(at: rest.temporary) }
      throw Failure.outputUnwritable("cannot write \(s.path): \(reason)")
    }
  }
}

/// Fails with exit 73 unless `path` may be written as an output of a command that read `inputs`
/// (the checks ``writeOutputs(_:protecting:)`` makes before writing anything).
func checkWritable(_ path: String, protecting inputs: [String]) throws {
  let inputPaths = Set(inputs.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path })
  try checkDestination(path, inputs: inputPaths)
}

/// Fails with exit 73 unless `path` names a file that may be created or replaced: not empty,
/// not a folder, in a folder that exists, not a read-only file, not one of `inputs`.
private func checkDestination(_ path: String, inputs: Set<String>) throws {
  guard !path.isEmpty else { throw Failure.outputUnwritable("cannot write to an empty path (--output \"\")") }
  let url = URL(fileURLWithPath: path)
  let fm = FileManager.default
  var isDirectory: ObjCBool = false
  if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
    if isDirectory.boolValue { throw Failure.outputUnwritable("cannot write \(path): it is a folder; give a file name") }
    if inputs.contains(url.resolvingSymlinksInPath().standardizedFileURL.path) {
      throw Failure.outputUnwritable("cannot write \(path): it is an input of this command and would be overwritten")
    }
    if isSpecialFile(path) { return }
    // access() alone lets root replace a read-only file: the mode's write bits count too.
    let mode = (try? fm.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o644
    if access(path, W_OK) != 0 || mode & 0o222 == 0 {
      throw Failure.outputUnwritable("cannot write \(path): the file is read-only; it was left untouched")
    }
  }
  let folder = url.deletingLastPathComponent().path
  guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
    throw Failure.outputUnwritable("cannot write \(path): the folder \(folder) does not exist")
  }
}

/// Whether `path` exists and is not a regular file or folder (a device, a pipe, a socket).
private func isSpecialFile(_ path: String) -> Bool {
  var info = stat()
  guard stat(path, &info) == 0 else { return false }
  let kind = info.st_mode & S_IFMT
  return kind != S_IFREG && kind != S_IFDIR
}
