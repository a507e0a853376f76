import CSVReading
import Forecasting
import HighNeeds

/// Reads an ONS sub-national population projection CSV as published (one row per area, sex
/// and single year of age: `AREA_CODE, AREA_NAME, COMPONENT, SEX, AGE_GROUP, 2018, 2019, ...`;
/// `AGE_GROUP` is `0` to `89`, `90 and over` or `All ages`) into people by the cohort model's
/// bands (0-4, 5-10, 11-15, 16-19, 20-25) for the area `code`.
///
/// Only `AREA_CODE`, `AGE_GROUP` and the year columns are required; with a `SEX` column only the
/// `persons` rows are read (a file of males and females is refused rather than added up twice).
/// Every single year 0 to 25 must be there once.
///
/// - Throws: `Failure` 66 when the file cannot be read, 65 naming the line and column of a bad
///   cell, a missing column or the missing ages.
func readPopulationProjection(_ path: String, area code: String) throws -> CohortPopulation {
  let text = try readTextFile(path)
  let records: [CSVRecord]
  do {
    records = try CSVRecords.parse(text)
  } catch {
    throw Failure.dataInvalid("\(path):\(error.line): not well-formed CSV (an unclosed quote?)")
  }
  guard let header = records.first else { throw Failure.dataInvalid("\(path): the file is empty") }
  let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
  guard let areaColumn = names.firstIndex(of: "AREA_CODE"), let ageColumn = names.firstIndex(of: "AGE_GROUP") else {
    throw Failure.dataInvalid(
      "\(path):\(header.line): expected the ONS projection columns AREA_CODE and AGE_GROUP, then a column per year")
  }
  let sexColumn = names.firstIndex(of: "SEX")
  let yearColumns = names.enumerated().compactMap { index, name -> (Int, Int)? in
    guard name.count == 4, let year = Int(name), (1900...2200).contains(year) else { return nil }
    return (index, year)
  }
  guard !yearColumns.isEmpty else {
    throw Failure.dataInvalid("\(path):\(header.line): no year columns (such as 2025) in the header")
  }
  var byYear: [Int: [Double]] = [:]
  var seen: [Int: Int] = [:]
  for record in records.dropFirst() {
    func cell(_ column: Int) -> String {
      column < record.fields.count ? record.fields[column].trimmingCharacters(in: .whitespaces) : ""
    }
    guard cell(areaColumn) == code else { continue }
    if let sexColumn {
      let sex = cell(sexColumn).lowercased()
      guard sex == "persons" || sex == "all persons" else {
        if sex == "males" || sex == "females" { continue }
        throw Failure.dataInvalid(
          "\(path):\(record.line): column SEX (column \(sexColumn + 1)): '\(cell(sexColumn))' is not persons, males or females"
        )
      }
    }
    let age = cell(ageColumn)
    guard let years = Int(age) else {
      if age == "90 and over" || age.lowercased() == "all ages" { continue }
      throw Failure.dataInvalid(
        "\(path):\(record.line): column AGE_GROUP (column \(ageColumn + 1)): '\(age)' is not an age (0 to 89, 90 and over, All ages)"
      )
    }
    guard (0...25).contains(years) else { continue }
    if let earlier = seen[years] {
      throw Failure.dataInvalid(
        "\(path):\(record.line): age \(years) of \(code) is given twice (lines \(earlier) and \(record.line)); give one persons row per age"
      )
    }
    seen[years] = record.line
    let band = CohortBand.allCases.first { years < [5, 11, 16, 20, 26][$0.rawValue] }!
    for (column, year) in yearColumns {
      guard let people = Double(cell(column).replacingOccurrences(of: ",", with: "")), people.isFinite, people >= 0
      else {
        throw Failure.dataInvalid(
          "\(path):\(record.line): column \(year) (column \(column + 1)): '\(cell(column))' is not a number of people")
      }
      byYear[year, default: [Double](repeating: 0, count: CohortBand.allCases.count)][band.rawValue] += people
    }
  }
  let missing = (0...25).filter { seen[$0] == nil }
  guard missing.isEmpty else {
    throw Failure.dataInvalid(
      "\(path): no persons row for \(code) at ages \(missing.map(String.init).joined(separator: ", ")); expected every age 0 to 25 for the area (AREA_CODE)"
    )
  }
  return CohortPopulation(byYear: byYear, source: "\(path), \(code)")
}
