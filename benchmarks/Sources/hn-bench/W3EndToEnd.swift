import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// W3, end to end: the wall time of a whole `highneeds` process, from `posix_spawn` to
/// `waitpid`, with standard output and error sent to /dev/null. Process start, dynamic
/// loading, YAML parsing, the run and JSON rendering are all inside the time. The child's
/// CPU time (user + system, from `wait4`) is reported beside the wall time, and its peak
/// resident memory (ru_maxrss, KB) after it. `--workload w4` files the lines under W4.
enum W3EndToEnd {
  static func run(_ options: Options) throws {
    guard let executable = options.string("exe") else { throw BenchError("w3 needs --exe PATH") }
    let tool = options.string("tool") ?? "highneeds"
    let workload = options.string("workload") ?? "w3"
    let repetitions = options.int("reps", default: 20)
    let warmUps = options.int("warmup", default: 3)
    let arguments = [executable] + options.rest
    for _ in 0..<warmUps { _ = try spawnAndWait(arguments) }
    let clock = ContinuousClock()
    for _ in 0..<repetitions {
      var run: (status: Int32, cpuSeconds: Double, maxResidentKB: Int) = (0, 0, 0)
      let elapsed = try clock.measure { run = try spawnAndWait(arguments) }
      guard run.status == 0 else { throw BenchError("\(arguments.joined(separator: " ")) exited with \(run.status)") }
      Harness.emit("RESULT \(workload) \(tool) \(Harness.seconds(elapsed)) 1 \(run.cpuSeconds) \(run.maxResidentKB)")
    }
    Harness.emit("CHECK \(workload) \(tool) exit=0")
  }

  /// Starts `arguments[0]` with the rest as its arguments and returns its exit status and
  /// the user + system CPU time it used (from `wait4`'s rusage).
  static func spawnAndWait(_ arguments: [String]) throws -> (status: Int32, cpuSeconds: Double, maxResidentKB: Int) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
    guard rc == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw BenchError("wait4 failed: \(String(cString: strerror(errno)))") }
    }
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
    let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime)
    // WIFEXITED / WEXITSTATUS by hand: Swift does not import the macros.
    return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f), cpu, Int(usage.ru_maxrss))
  }
}
