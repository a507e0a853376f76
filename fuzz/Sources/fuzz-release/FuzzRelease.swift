import OfficialData

/// One input: a byte choosing the member (its value modulo the number of members an import
/// reads, in `ReleaseMember.members` order: 4 of the 2022 layout, then 5 of the 2025 layout),
/// then the member's bytes. Reading must give values or an `invalidRelease` error at this
/// archive and member, on a line that exists (from 1 to one more than the line feeds). Values
/// must come from data lines (2 on, not decreasing), name a GSS code (9 characters, E or W
/// first), a year the table can hold, and a count that is not negative or else a suppression
/// code. Any other error, a trap, leak or hang is a defect.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRelease(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size >= 1 else { return 0 }
  let member = ReleaseMember.members[Int(data[0]) % ReleaseMember.members.count]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let lines = 1 + bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  do {
    let read = try ReleaseMember(member: member, bytes: bytes, archive: "fuzz.zip")
    guard !read.values.isEmpty else { fatalError("\(member): read with no values") }
    var previous = 2
    for value in read.values {
      guard value.line >= previous, value.line <= lines else {
        fatalError("\(member): a value on line \(value.line) after line \(previous), of \(lines) lines")
      }
      previous = value.line
      guard value.authority.count == 9, value.authority.first == "E" || value.authority.first == "W" else {
        fatalError("\(member): line \(value.line): authority '\(value.authority)' is not a GSS code")
      }
      guard (1990...2101).contains(value.year) else {
        fatalError("\(member): line \(value.line): year \(value.year)")
      }
      if let count = value.count {
        guard count >= 0, value.missingCode == nil else { fatalError("\(member): line \(value.line): count \(count)") }
      } else {
        guard let code = value.missingCode, SuppressionCode.isSuppression(code) else {
          fatalError("\(member): line \(value.line): no count and no suppression code")
        }
      }
    }
  } catch OfficialDataError.invalidRelease(let location, let problem) {
    guard location.archive == "fuzz.zip", location.member == member,
      (location.line.map { (1...lines).contains($0) } ?? true), !problem.isEmpty
    else {
      fatalError("\(member): an error at \(location) (\(lines) lines): \(problem)")
    }
  } catch {
    fatalError("\(member): not an invalidRelease error: \(error)")
  }
  return 0
}
