import Forecasting
import HighNeeds
import LinearAlgebra

/// Draws plans for the forecast years of every draw, laid out as a years × draws array.
///
/// Method. Draw d takes standard normal deviates ε from its own generator (SplitMix64 stream d
/// of the seed, ``ZigguratNormal``), so its numbers depend only on the seed and d. The copula's
/// year-to-year link turns them into the path Z = L·ε, with L lower triangular,
/// L[h, k] = ρₖ₊₁⋯ρₕ·√(1 − ρₖ²): the same Zₕ = ρₕ·Zₕ₋₁ + √(1 − ρₕ²)·εₕ as before, applied to a
/// block of draws as one matrix product (BLAS DGEMM). Plans are G(Z) = Q(Φ(Z)) read from each
/// year's ``QuantileTable``.
///
/// One component (a single authority, or several that move together) draws H deviates. With a
/// national shock c < 1 (several authorities), each authority a has its own path from its own
/// links, mixed with a common one: Zₐ = √c·Z꜀ + √(1 − c)·Lₐ·εₐ, so each Zₐ is still standard
/// normal in every year and corr(Zₐ, Z_b) = c; plans are the sum of the authorities' G(Zₐ).
///
/// Draws are processed in blocks of ``blockSize``, whatever the number of threads, so that even
/// the BLAS sees the same products: the same seed and draws give the same bits on 1 or 2 threads.
struct DemandSampler: Sendable {
  /// One set of quantile tables and the links behind its own path.
  struct Component: Sendable {
    /// One table per drawn year; nil where the component's plans are fixed.
    let tables: [QuantileTable?]
    /// Plans in the years without a table.
    let fixed: [Double]
    /// The copula's factor L (H × H).
    let factor: Matrix
  }

  /// Draws in a block.
  static let blockSize = 512

  /// The drawn census years, in order (H of them).
  let years: [CensusYear]
  /// The common path's factor (for one component: its own).
  let commonFactor: Matrix
  /// The components: one, or one per authority with a national shock.
  let components: [Component]
  /// The national shock's share c; nil when there is one component on the common path.
  let commonShare: Double?
  /// Every table's coefficients in one array, component by component and year by year, so
  /// that the inner loops read them through one pointer (no reference counting).
  let flat: [Double]
  /// Where each (component, year) table starts in `flat`, or −1 where the plans are fixed.
  let offsets: [Int]

  /// The sampler over `components`, their tables laid out in one array.
  init(years: [CensusYear], commonFactor: Matrix, components: [Component], commonShare: Double?) {
    self.years = years
    self.commonFactor = commonFactor
    self.components = components
    self.commonShare = commonShare
    var flat: [Double] = []
    var offsets: [Int] = []
    for component in components {
      for table in component.tables {
        guard let table else {
          offsets.append(-1)
          continue
        }
        offsets.append(flat.count)
        flat += table.coefficients
      }
    }
    self.flat = flat
    self.offsets = offsets
  }

  /// Deviates a draw takes: H for the common path, H more for each authority with a shock.
  var deviatesPerDraw: Int { years.count * (commonShare == nil ? 1 : 1 + components.count) }

  /// The copula's factor for `links` (see the type's method).
  static func factor(links: [Double]) -> Matrix {
    let h = links.count
    var l = Matrix(rows: h, columns: h)
    for k in 0..<h {
      var value = (1 - links[k] * links[k]).squareRoot()
      l[k, k] = value
      for row in (k + 1)..<max(k + 1, h) {
        value *= links[row]
        l[row, k] = value
      }
    }
    return l
  }

  /// Plans of draws `range` (a block), written to `out` row h at `h * total`; `scratch` holds
  /// at least ``scratchSize(count:)`` doubles.
  func sample(
    block range: Range<Int>, total: Int, seed: UInt64, out: UnsafeMutablePointer<Double>,
    scratch: UnsafeMutablePointer<Double>
  ) {
    let h = years.count
    let n = range.count
    let rows = deviatesPerDraw
    let deviates = scratch
    let path = deviates + rows * n
    let own = path + h * n
    ZigguratNormal.edges.withUnsafeBufferPointer { edges in
      ZigguratNormal.ratios.withUnsafeBufferPointer { ratios in
        for (column, draw) in range.enumerated() {
          var random = SplitMix64(seed: seed, stream: UInt64(draw))
          let target = deviates + column * rows
          for index in 0..<rows {
            target[index] = ZigguratNormal.next(&random, edges: edges.baseAddress!, ratios: ratios.baseAddress!)
          }
        }
      }
    }
    commonFactor.multiply(columns: n, of: deviates, leadingDimension: rows, into: path, leadingDimension: h)
    let shared = commonShare.map { $0.squareRoot() } ?? 1
    let ownWeight = commonShare.map { (1 - $0).squareRoot() } ?? 0
    for year in 0..<h {
      let row = out + year * total + range.lowerBound
      for column in 0..<n { row[column] = 0 }
    }
    flat.withUnsafeBufferPointer { flat in
      for (a, component) in components.enumerated() {
        if commonShare != nil {
          component.factor.multiply(
            columns: n, of: deviates + h * (1 + a), leadingDimension: rows, into: own, leadingDimension: h)
        }
        for year in 0..<h {
          let row = out + year * total + range.lowerBound
          let offset = offsets[a * h + year]
          guard offset >= 0, let table = component.tables[year] else {
            let fixed = component.fixed[year]
            for column in 0..<n { row[column] += fixed }
            continue
          }
          let c = flat.baseAddress! + offset
          let start = table.start
          let inverse = table.inverseStep
          let last = Double(table.pieces) - 0x1p-40
          if commonShare == nil {
            for column in 0..<n {
              row[column] += QuantileTable.value(path[column * h + year], c, start, inverse, last)
            }
          } else {
            for column in 0..<n {
              let z = shared * path[column * h + year] + ownWeight * own[column * h + year]
              row[column] += QuantileTable.value(z, c, start, inverse, last)
            }
          }
        }
      }
    }
  }

  /// Doubles of scratch a block of `count` draws needs.
  func scratchSize(count: Int) -> Int { (deviatesPerDraw + 2 * years.count) * count }
}
