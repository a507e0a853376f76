#!/usr/bin/env Rscript
# Reference values for the normal and Student-t distribution functions.
#
# Writes distributions.json next to this script. Regenerate with
#   cd Tests/ForecastingTests/Fixtures && Rscript make_distributions.R
#
# All p values are LOWER tail probabilities (R's default lower.tail = TRUE),
# except "pt_upper", which holds upper tail probabilities P(T > t)
# (lower.tail = FALSE) for large positive t, to test tiny tail p-values.
# Every number (inputs included) is written with sprintf("%.17g"), so it
# parses back to exactly the double R used.
#
# Note: R's pnorm underflows to exactly 0 below about x = -37.5193, so the
# fixture has pnorm(-38) = 0 although the true value (about 2.885e-316) is a
# representable subnormal double. An implementation returning either is fine.

script_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 1) dirname(normalizePath(sub("^--file=", "", arg))) else getwd()
}

num <- function(v) {
  if (!is.numeric(v) || length(v) != 1 || !is.finite(v)) stop("non-finite or non-scalar number: ", v)
  sprintf("%.17g", v)
}

# One JSON object per line: {"a": 1, "b": 2}
record <- function(...) {
  fields <- list(...)
  paste0("{", paste0('"', names(fields), '": ', vapply(fields, num, ""), collapse = ", "), "}")
}

section <- function(name, records, last = FALSE) {
  paste0('  "', name, '": [\n    ', paste(records, collapse = ",\n    "), "\n  ]", if (last) "" else ",")
}

pnorm_x <- c(-38, -30, -20, -10, -8.5, -5, -3, -1.96, -1, -0.5, -1e-8, 0, 1e-8,
             0.3, 1, 1.6448536269514722, 2.5, 5, 8, 9)
qnorm_p <- c(1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.1, 0.3,
             0.5, 0.7, 0.9, 0.975, 0.99, 0.999, 1 - 1e-10)
t_df <- c(1, 1.5, 2, 3, 4, 5, 7, 10, 12.5, 20, 30, 50, 100, 1000, 1e6)
pt_t <- c(-50, -10, -4, -2.5, -1, -0.2, 0, 0.7, 1.5, 3, 6, 20)
qt_p <- c(1e-12, 1e-8, 1e-4, 0.001, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.6,
          0.9, 0.95, 0.975, 0.99, 0.999, 0.9999)
upper_t <- c(5, 10, 30, 100)
upper_df <- c(1, 3, 10, 30, 100)

pnorm_rec <- vapply(pnorm_x, function(x) record(x = x, p = pnorm(x)), "")
qnorm_rec <- vapply(qnorm_p, function(p) record(p = p, x = qnorm(p)), "")
pt_rec <- unlist(lapply(t_df, function(df)
  vapply(pt_t, function(t) record(t = t, df = df, p = pt(t, df)), "")))
qt_rec <- unlist(lapply(t_df, function(df)
  vapply(qt_p, function(p) record(p = p, df = df, t = qt(p, df)), "")))
upper_rec <- unlist(lapply(upper_df, function(df)
  vapply(upper_t, function(t) record(t = t, df = df, p = pt(t, df, lower.tail = FALSE)), "")))

json <- paste0("{\n",
               section("pnorm", pnorm_rec), "\n",
               section("qnorm", qnorm_rec), "\n",
               section("pt", pt_rec), "\n",
               section("qt", qt_rec), "\n",
               section("pt_upper", upper_rec, last = TRUE), "\n",
               "}\n")
out <- file.path(script_dir(), "distributions.json")
writeChar(json, out, eos = NULL, useBytes = TRUE)
cat(sprintf("wrote %s: pnorm %d, qnorm %d, pt %d, qt %d, pt_upper %d\n", out,
            length(pnorm_rec), length(qnorm_rec), length(pt_rec), length(qt_rec), length(upper_rec)))
