/// The columns of the DSG allocation tables' `High_needs_deductions` sheet (2020-21 on): the
/// place funding the ESFA pays providers directly, deducted from the High Needs Block before it
/// is paid to the authority (so that before deductions − after deductions = ``total``).
///
/// Each is the year's deduction in pounds: places × £6,000 or £10,000 (pre-16) or the post-16
/// rate, × the months of the year they apply (April to August at one count, September to March
/// at the next). Section 251 lines are the authority's own spend and leave these out, so a cost
/// per plan in academies needs them added back (``UnitCostRecipe``).
public enum HighNeedsDeduction: String, Hashable, Sendable, CaseIterable {
  /// Mainstream academies' SEN units and resourced provision, pre-16 places at £6,000.
  case mainstreamPre16SEN6000 = "mainstream_academies.pre16_sen_6000"
  /// Mainstream academies' SEN units and resourced provision, pre-16 places at £10,000.
  case mainstreamPre16SEN10000 = "mainstream_academies.pre16_sen_10000"
  /// Mainstream academies, post-16 SEN places (sixth forms).
  case mainstreamPost16SEN = "mainstream_academies.post16_sen"
  /// Mainstream academies, pre-16 AP places.
  case mainstreamPre16AP = "mainstream_academies.pre16_ap"
  /// Special academies, pre-16 SEN places.
  case specialAcademiesPre16SEN = "special_academies.pre16_sen"
  /// Special academies, post-16 SEN places (their sixth forms).
  case specialAcademiesPost16SEN = "special_academies.post16_sen"
  /// Special academies, pre-16 AP places.
  case specialAcademiesPre16AP = "special_academies.pre16_ap"
  /// Special free schools, pre-16 SEN places.
  case specialFreePre16SEN = "special_free_schools.pre16_sen"
  /// Special free schools, post-16 SEN places.
  case specialFreePost16SEN = "special_free_schools.post16_sen"
  /// Special free schools, pre-16 AP places.
  case specialFreePre16AP = "special_free_schools.pre16_ap"
  /// AP academies and free schools, pre-16 SEN places.
  case apAcademiesPre16SEN = "ap_academies.pre16_sen"
  /// AP academies and free schools, post-16 SEN places.
  case apAcademiesPost16SEN = "ap_academies.post16_sen"
  /// AP academies and free schools, pre-16 AP places.
  case apAcademiesPre16AP = "ap_academies.pre16_ap"
  /// Hospital academies' funding.
  case hospitalAcademies = "hospital_academies"
  /// 16-19 academies and free schools, post-16 SEN places.
  case academies16to19Post16SEN = "academies_16_19.post16_sen"
  /// Further education colleges and independent learning providers.
  case furtherEducation = "fe_and_ilp"
  /// The sheet's total deduction for direct funding of places.
  case total

  /// Every column but the total: they add up to it.
  public static var parts: [HighNeedsDeduction] { allCases.filter { $0 != .total } }

  /// The provider heading (row 1 of the sheet, over its columns) and the place heading (row 2)
  /// this column sits under, lower-cased prefixes as the DfE writes them.
  var headings: (provider: String, places: String?) {
    switch self {
    case .mainstreamPre16SEN6000: return ("mainstream academies", "pre-16 sen places funded at £6,000")
    case .mainstreamPre16SEN10000: return ("mainstream academies", "pre-16 sen places funded at £10,000")
    case .mainstreamPost16SEN: return ("mainstream academies", "post-16 sen places")
    case .mainstreamPre16AP: return ("mainstream academies", "pre-16 alternative provision (ap) places")
    case .specialAcademiesPre16SEN: return ("special academies", "pre-16 sen places")
    case .specialAcademiesPost16SEN: return ("special academies", "post-16 sen places")
    case .specialAcademiesPre16AP: return ("special academies", "pre-16 ap places")
    case .specialFreePre16SEN: return ("special free schools", "pre-16 sen places")
    case .specialFreePost16SEN: return ("special free schools", "post-16 sen places")
    case .specialFreePre16AP: return ("special free schools", "pre-16 ap places")
    case .apAcademiesPre16SEN: return ("alternative provision (ap) academies", "pre-16 sen places")
    case .apAcademiesPost16SEN: return ("alternative provision (ap) academies", "post-16 sen places")
    case .apAcademiesPre16AP: return ("alternative provision (ap) academies", "pre-16 ap places")
    case .hospitalAcademies: return ("hospital academies", "hospital academies funding")
    case .academies16to19Post16SEN: return ("16-19 academies", "post-16 sen places")
    case .furtherEducation: return ("further education (fe)", "fe and ilp")
    case .total: return ("total deduction to high needs block", nil)
    }
  }
}
