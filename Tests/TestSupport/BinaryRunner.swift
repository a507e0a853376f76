import Foundation

/// The result of one run of the `highneeds` binary.
public struct BinaryRun: Sendable {
  /// The exit status (a signal would show as a status other than the sysexits codes).
  public let status: Int32
  /// Everything written to standard output.
  public let stdout: String
  /// Everything written to standard error.
  public let stderr: String
  /// True when the process was ended by a signal (a crash or trap), not an exit.
  public let crashed: Bool
}

/// Where the built `highneeds` executable is: in the build folder beside the test bundle
/// (`.build/<config>/highneeds`), found by walking up from the running test binary. The
/// end-to-end target depends on the executable, so `swift test` builds it first.
public func highneedsExecutable() -> URL? {
  var candidates: [URL] = []
  var folder = Bundle.main.bundleURL
  for _ in 0..<4 {
    candidates.append(folder)
    folder.deleteLastPathComponent()
  }
  for folder in candidates {
    let url = folder.appendingPathComponent("highneeds")
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
      return url
    }
  }
  return nil
}

/// The repository's root folder (for `scenarios/` and shared fixtures), from this file's path
/// (`Tests/TestSupport/BinaryRunner.swift`).
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// Runs `highneeds` with `args` (and optional standard input), waiting for it to finish: the
/// one way the tests run the binary.
///
/// Output goes through temporary files rather than pipes so a large report cannot deadlock
/// the test (a pipe read after the other fills and blocks the child). A missing binary is
/// reported as status -1 with the reason on `stderr`, so a test expecting 0 or 65 fails.
public func runHighneeds(_ args: [String], stdin: String? = nil, in directory: URL? = nil) -> (
  status: Int32, stdout: String, stderr: String
) {
  let run = runHighneedsDetailed(args, stdin: stdin, in: directory)
  return (run.status, run.stdout, run.stderr)
}

/// Like ``runHighneeds(_:stdin:in:)`` but also says whether the process died of a signal.
public func runHighneedsDetailed(_ args: [String], stdin: String? = nil, in directory: URL? = nil) -> BinaryRun {
  guard let executable = highneedsExecutable() else {
    return BinaryRun(
      status: -1, stdout: "", stderr: "highneeds executable not found beside the test bundle", crashed: false)
  }
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("highneeds-e2e-\(UUID().uuidString)")
  do {
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  } catch {
    return BinaryRun(status: -1, stdout: "", stderr: "cannot create \(scratch.path): \(error)", crashed: false)
  }
  defer { try? FileManager.default.removeItem(at: scratch) }
  let outURL = scratch.appendingPathComponent("stdout")
  let errURL = scratch.appendingPathComponent("stderr")
  _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
  _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)

  let process = Process()
  process.executableURL = executable
  process.arguments = args
  if let directory { process.currentDirectoryURL = directory }
  do {
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
  } catch {
    return BinaryRun(status: -1, stdout: "", stderr: "cannot run \(executable.path): \(error)", crashed: false)
  }
  let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
  let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
  return BinaryRun(
    status: process.terminationStatus, stdout: stdout, stderr: stderr,
    crashed: process.terminationReason == .uncaughtSignal)
}

/// A fresh empty folder for a test's output files.
public func makeScratchFolder() throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("highneeds-out-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}

/// Starts `highneeds` with `args` without waiting (for tests that kill it part way), its
/// standard output and error sent to /dev/null. Nil when the binary is missing or will not
/// start.
public func startHighneeds(_ args: [String], in directory: URL? = nil) -> Process? {
  guard let executable = highneedsExecutable() else { return nil }
  let process = Process()
  process.executableURL = executable
  process.arguments = args
  if let directory { process.currentDirectoryURL = directory }
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  process.standardInput = FileHandle.nullDevice
  do { try process.run() } catch { return nil }
  return process
}
