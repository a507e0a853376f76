#!/usr/bin/env Rscript
# R's ets and auto.arima on the same totals as the cohort backtest (issue 13), and one table of
# every model on the (authority, origin, census) triples they all forecast.
#
# Usage (from the repository root; see cohort.sh):
#   Rscript benchmarks/backtest/cohort_peers.R ROWS.csv ../shared/data/sen2/ehcp_caseload_2010_2025.csv \
#     --out benchmarks/backtest/results/cohort_r_peers.csv
#
# ROWS.csv is `highneeds backtest --all-authorities --models auto,auto-alone,cohort --rows ROWS.csv`:
# every held-out forecast (series = authority name, origin, model, time, step, actual, mean,
# lo80, hi80, lo95, hi95). For every (series, origin) the cohort model forecast, each peer is
# fitted to the wide CSV's row of that name (`level` "Local authority"), years 2010..origin,
# and forecasts the same censuses; the script checks that the CSV's actual equals the one in
# ROWS.csv (the store and the CSV hold the same published counts). Default settings, 80 and
# 95% intervals, lower bounds clamped at zero (as peers.R). Writes the peers' rows to --out in
# ROWS.csv's layout and prints, per model and horizon on the common triples: median and mean
# APE, coverage of the 80 and 95% intervals, and the interval score (as peers.R).
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: cohort_peers.R ROWS.csv SEN2.csv [--out FILE.csv]")
opt <- function(name, default) {
  i <- match(name, args)
  if (is.na(i)) default else args[i + 1]
}
out <- opt("--out", "")
ours <- read.csv(args[1], stringsAsFactors = FALSE, check.names = FALSE)
raw <- read.csv(args[2], check.names = FALSE, stringsAsFactors = FALSE)
yearCols <- names(raw)[grepl("^[0-9]+$", names(raw))]
years <- as.integer(yearCols)
la <- raw[raw$level == "Local authority", ]
m <- as.matrix(la[, yearCols])
storage.mode(m) <- "double"

peers <- list(
  "R ets" = function(y, h) forecast(ets(y), h = h, level = c(80, 95)),
  "R auto.arima" = function(y, h) forecast(auto.arima(y), h = h, level = c(80, 95))
)

cohort <- ours[ours$model == "cohort", ]
pairs <- unique(cohort[, c("series", "origin")])
rows <- list()
mismatch <- 0
missing <- character(0)
for (k in seq_len(nrow(pairs))) {
  name <- pairs$series[k]
  origin <- pairs$origin[k]
  i <- which(la$name == name)
  if (length(i) != 1) {
    missing <- c(missing, name)
    next
  }
  train <- which(years <= origin & is.finite(m[i, ]))
  target <- cohort[cohort$series == name & cohort$origin == origin, ]
  h <- max(target$step)
  y <- ts(m[i, train], start = years[train[1]])
  for (peer in names(peers)) {
    fc <- tryCatch(peers[[peer]](y, h), error = function(e) NULL)
    if (is.null(fc)) stop(sprintf("%s failed on %s at %d", peer, name, origin))
    s <- target$step
    actual <- m[i, match(target$time, years)]
    mismatch <- mismatch + sum(abs(actual - target$actual) > 0.5)
    rows[[length(rows) + 1]] <- data.frame(
      series = name, origin = origin, model = peer, time = target$time, step = s, actual = target$actual,
      mean = as.numeric(fc$mean)[s], lo80 = pmax(0, as.numeric(fc$lower[, 1]))[s],
      hi80 = as.numeric(fc$upper[, 1])[s], lo95 = pmax(0, as.numeric(fc$lower[, 2]))[s],
      hi95 = as.numeric(fc$upper[, 2])[s], stringsAsFactors = FALSE, check.names = FALSE)
  }
}
if (length(missing) > 0) cat(sprintf("not in the CSV by name (left out): %s\n", paste(unique(missing), collapse = "; ")))
cat(sprintf("actuals differing between the store and the CSV: %d\n", mismatch))
theirs <- do.call(rbind, rows)
if (nzchar(out)) write.csv(theirs, out, row.names = FALSE)

all <- rbind(ours[, names(theirs)], theirs)
all$key <- paste(all$series, all$origin, all$time, sep = "\r")
models <- unique(all$model)
common <- Reduce(intersect, lapply(models, function(x) all$key[all$model == x]))
all <- all[all$key %in% common & all$actual > 0, ]
cat(sprintf("common (authority, origin, census) triples: %d; authorities: %d\n", length(common),
  length(unique(all$series))))
intervalScore <- function(lo, hi, y, level) {
  a <- 1 - level / 100
  100 * ((hi - lo) + (2 / a) * pmax(0, lo - y) + (2 / a) * pmax(0, y - hi)) / y
}
cat(sprintf("%-14s %2s %8s %8s %8s %7s %7s %8s %8s\n", "model", "h", "outcomes", "medAPE", "meanAPE", "cov80",
  "cov95", "IS80%", "IS95%"))
for (name in models) {
  for (h in sort(unique(all$step))) {
    s <- all[all$model == name & all$step == h, ]
    ape <- 100 * abs(s$mean - s$actual) / s$actual
    cat(sprintf("%-14s %2d %8d %8.2f %8.2f %7.1f %7.1f %8.2f %8.2f\n", name, h, nrow(s), median(ape), mean(ape),
      100 * mean(s$actual >= s$lo80 & s$actual <= s$hi80), 100 * mean(s$actual >= s$lo95 & s$actual <= s$hi95),
      mean(intervalScore(s$lo80, s$hi80, s$actual, 80)), mean(intervalScore(s$lo95, s$hi95, s$actual, 95))))
  }
}
