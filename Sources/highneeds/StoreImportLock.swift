import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs `body` holding an exclusive lock (flock(2)) on the folder of the store at `path`,
/// creating the folder first: two `data import`s into one store run one after the other.
///
/// SQLite alone lets both read their ZIPs and then refuses the second writer ("database is
/// locked"), or lets two new stores race through creation ("no such table: grdb_migrations");
/// and an import that fails removes a store it created, which could be the store the other
/// import had just filled. Under the lock, whether the store existed is decided by the
/// import that holds it. The folder, not a file beside the store, is locked: nothing is left
/// behind, and a read-only folder can still be locked (the import then fails writing, 73).
/// The lock goes with the process, also when it is killed.
func withStoreImportLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
  let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
  do {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  } catch {
    throw Failure.outputUnwritable("store \(path): cannot create its folder \(folder): \(error.localizedDescription)")
  }
  let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
  guard descriptor >= 0 else {
    throw Failure.outputUnwritable("store \(path): cannot open its folder \(folder): \(String(cString: strerror(errno)))")
  }
  defer { close(descriptor) }
  if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
    guard errno == EWOULDBLOCK else {
      throw Failure.outputUnwritable("store \(path): cannot lock its folder: \(String(cString: strerror(errno)))")
    }
    FileHandle.standardError.write(Data("highneeds: waiting for another import into \(folder) to finish\n".utf8))
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else {
        throw Failure.outputUnwritable("store \(path): cannot lock its folder: \(String(cString: strerror(errno)))")
      }
    }
  }
  defer { flock(descriptor, LOCK_UN) }
  return try body()
}
