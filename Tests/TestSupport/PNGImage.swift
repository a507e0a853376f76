import CTestZlib
import Foundation

/// A decoded 8-bit PNG (greyscale, RGB or RGBA, not interlaced): enough to tell whether a
/// screenshot shows anything. Decoding follows the PNG specification (ISO/IEC 15948): the
/// IDAT chunks concatenated, inflated with zlib, each scanline un-filtered (None, Sub, Up,
/// Average, Paeth).
public struct PNGImage {
  /// Width in pixels.
  public let width: Int
  /// Height in pixels.
  public let height: Int
  /// Bytes per pixel (1, 3 or 4).
  public let channels: Int
  /// The pixels, row by row, `channels` bytes each.
  public let pixels: [UInt8]

  /// What went wrong decoding.
  public struct DecodeError: Error, CustomStringConvertible {
    /// The reason.
    public let description: String
  }

  /// Decodes `data`.
  public init(_ data: Data) throws {
    let bytes = [UInt8](data)
    guard bytes.count > 8, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
      throw DecodeError(description: "not a PNG file")
    }
    var offset = 8
    var header: [UInt8] = []
    var compressed: [UInt8] = []
    while offset + 8 <= bytes.count {
      let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
      let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
      guard offset + 12 + length <= bytes.count else { throw DecodeError(description: "truncated \(type) chunk") }
      let body = Array(bytes[offset + 8..<offset + 8 + length])
      if type == "IHDR" { header = body }
      if type == "IDAT" { compressed += body }
      offset += 12 + length
      if type == "IEND" { break }
    }
    guard header.count == 13 else { throw DecodeError(description: "no IHDR chunk") }
    width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
    height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
    let depth = header[8]
    let colourType = header[9]
    guard depth == 8, header[12] == 0, let channels = [0: 1, 2: 3, 6: 4][Int(colourType)] else {
      throw DecodeError(
        description: "unsupported PNG: depth \(depth), colour type \(colourType), interlace \(header[12])")
    }
    self.channels = channels
    let stride = width * channels
    var raw = [UInt8](repeating: 0, count: height * (stride + 1))
    var rawLength = uLongf(raw.count)
    let status = compressed.withUnsafeBufferPointer { source in
      raw.withUnsafeMutableBufferPointer { target in
        uncompress(target.baseAddress, &rawLength, source.baseAddress, uLong(source.count))
      }
    }
    guard status == Z_OK, Int(rawLength) == raw.count else {
      throw DecodeError(description: "zlib status \(status), \(rawLength) of \(raw.count) bytes")
    }
    pixels = try Self.unfilter(raw, height: height, stride: stride, channels: channels)
  }

  /// Undoes each scanline's filter (the byte before it says which).
  static func unfilter(_ raw: [UInt8], height: Int, stride: Int, channels: Int) throws -> [UInt8] {
    var out = [UInt8](repeating: 0, count: height * stride)
    for row in 0..<height {
      let filter = raw[row * (stride + 1)]
      let source = row * (stride + 1) + 1
      let base = row * stride
      for column in 0..<stride {
        let x = Int(raw[source + column])
        let a = column >= channels ? Int(out[base + column - channels]) : 0
        let b = row > 0 ? Int(out[base - stride + column]) : 0
        let c = row > 0 && column >= channels ? Int(out[base - stride + column - channels]) : 0
        let predictor: Int
        switch filter {
        case 0: predictor = 0
        case 1: predictor = a
        case 2: predictor = b
        case 3: predictor = (a + b) / 2
        case 4:
          let p = a + b - c
          let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
          predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
        default: throw DecodeError(description: "unknown filter \(filter) on row \(row)")
        }
        out[base + column] = UInt8((x + predictor) & 0xFF)
      }
    }
    return out
  }

  /// The share of pixels that are not near-white (any channel below 235 of 255).
  public var inkedFraction: Double {
    guard width * height > 0 else { return 0 }
    var inked = 0
    for pixel in 0..<(width * height) {
      let start = pixel * channels
      let colour = channels >= 3 ? pixels[start..<start + 3] : pixels[start..<start + 1]
      if colour.contains(where: { $0 < 235 }) { inked += 1 }
    }
    return Double(inked) / Double(width * height)
  }

  /// How many distinct colours (RGB, alpha ignored) the image uses, counting up to `limit`.
  public func distinctColours(limit: Int = 10_000) -> Int {
    var seen: Set<UInt32> = []
    for pixel in 0..<(width * height) {
      let start = pixel * channels
      let key =
        channels >= 3
        ? UInt32(pixels[start]) << 16 | UInt32(pixels[start + 1]) << 8 | UInt32(pixels[start + 2])
        : UInt32(pixels[start])
      seen.insert(key)
      if seen.count >= limit { break }
    }
    return seen.count
  }
}
