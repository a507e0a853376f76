import CLAPACK
import Foundation

/// Which BLAS and LAPACK this process is running on (for `highneeds --version`).
///
/// Debian's alternatives can swap the reference libraries for OpenBLAS at run time with no
/// rebuild, so the answer is read from the loaded process, not from the build.
public enum NumericLibraries {
  /// LAPACK's version as `ilaver` reports it, such as `3.11.0`.
  public static var lapackVersion: String {
    var major: Int32 = 0
    var minor: Int32 = 0
    var patch: Int32 = 0
    ilaver_(&major, &minor, &patch)
    return "\(major).\(minor).\(patch)"
  }

  /// The BLAS shared object mapped into this process (the alternatives' link resolved:
  /// `.../blas/libblas.so.3` is the reference BLAS, `.../openblas-pthread/libblas.so.3`
  /// OpenBLAS), or nil when none is found in `/proc/self/maps`.
  public static var blasLibrary: String? { mapped("libblas.so") ?? mapped("libopenblas") }

  /// The LAPACK shared object mapped into this process, as for ``blasLibrary``.
  public static var lapackLibrary: String? { mapped("liblapack.so") ?? mapped("libopenblas") }

  /// The first mapped file whose name contains `fragment`.
  private static func mapped(_ fragment: String) -> String? {
    // /proc files report a size of 0: read them as a stream, not by their size.
    guard let handle = FileHandle(forReadingAtPath: "/proc/self/maps") else { return nil }
    defer { try? handle.close() }
    guard let data = try? handle.readToEnd() else { return nil }
    let maps = String(decoding: data, as: UTF8.self)
    for line in maps.split(separator: "\n") {
      guard let slash = line.firstIndex(of: "/") else { continue }
      let path = String(line[slash...])
      if URL(fileURLWithPath: path).lastPathComponent.contains(fragment) { return path }
    }
    return nil
  }
}
