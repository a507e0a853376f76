#!/usr/bin/env Rscript
# Peer forecasts for the highneeds backtest: R's forecast package on the same splits.
#
# Usage (from the repository root):
#   Rscript benchmarks/backtest/peers.R ../shared/data/sen2/ehcp_caseload_2010_2025.csv \
#     [--origins 2015,2016,...] [--horizon 5] [--min-training 5] [--out FILE.csv]
#
# Series: every row with level "Local authority", one per code, its years the columns whose
# header is a year and whose cell is a number (reorganised and re-coded authorities have
# gaps). For each origin T a series is forecast when it is observed in T and in the
# min-training years before it without a gap (the same rule as `highneeds backtest
# --allow-gaps --min-training 5`); the training set is that run of years, and the forecast
# is scored on the observed years among T+1..T+h. Peers: auto.arima, ets,
# holt(damped = TRUE), rwf(drift = TRUE), naive, all at 80 and 95%, default settings, lower
# bounds clamped at zero as ours are.
#
# Prints, per origin and pooled, the per-forecast MAPE summary (as before), then per horizon:
# median and mean APE, coverage of the 80 and 95% intervals and the interval score of each
# (Gneiting & Raftery 2007: (u - l) + (2/a)(l - y)+ + (2/a)(y - u)+, as a percentage of the
# actual, averaged). Writes every forecast to --out.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: peers.R DATA.csv [--origins 2015,2016] [--horizon 5] [--min-training 5] [--out FILE]")
path <- args[1]
opt <- function(name, default) {
  i <- match(name, args)
  if (is.na(i)) default else args[i + 1]
}
origins <- as.integer(strsplit(opt("--origins", "2015,2016,2017,2018,2019,2020,2021,2022,2023,2024"), ",")[[1]])
horizon <- as.integer(opt("--horizon", "5"))
minTraining <- as.integer(opt("--min-training", "5"))
out <- opt("--out", "")

raw <- read.csv(path, check.names = FALSE, stringsAsFactors = FALSE)
yearCols <- names(raw)[grepl("^[0-9]+$", names(raw))]
years <- as.integer(yearCols)
la <- raw[raw$level == "Local authority", ]
m <- as.matrix(la[, yearCols])
storage.mode(m) <- "double"
cat(sprintf("local authority rows: %d (%d with every year %d-%d)\n", nrow(m),
  sum(apply(m, 1, function(r) all(is.finite(r)))), min(years), max(years)))

peers <- list(
  "auto.arima" = function(y, h) forecast(auto.arima(y), h = h, level = c(80, 95)),
  "ets" = function(y, h) forecast(ets(y), h = h, level = c(80, 95)),
  "holt-damped" = function(y, h) holt(y, h = h, damped = TRUE, level = c(80, 95)),
  "rwf-drift" = function(y, h) rwf(y, h = h, drift = TRUE, level = c(80, 95)),
  "naive" = function(y, h) naive(y, h = h, level = c(80, 95))
)

# The run of consecutive observed years ending at `origin`, or NULL when shorter than minTraining.
trainingRun <- function(r, origin) {
  j <- match(origin, years)
  if (is.na(j) || !is.finite(r[j])) return(NULL)
  start <- j
  while (start > 1 && is.finite(r[start - 1]) && years[start - 1] == years[start] - 1) start <- start - 1
  if (j - start + 1 < minTraining) return(NULL)
  start:j
}

rows <- list()
for (origin in origins) {
  for (i in seq_len(nrow(m))) {
    run <- trainingRun(m[i, ], origin)
    if (is.null(run)) next
    future <- which(years > origin & years <= origin + horizon & is.finite(m[i, ]))
    if (length(future) == 0) next
    h <- max(years[future]) - origin
    y <- ts(m[i, run], start = years[run[1]])
    for (name in names(peers)) {
      fc <- tryCatch(peers[[name]](y, h), error = function(e) NULL)
      if (is.null(fc)) {
        # A peer that cannot fit falls back to naive, and says so.
        fc <- naive(y, h = h, level = c(80, 95))
        note <- "failed: naive used"
      } else note <- ""
      steps <- years[future] - origin
      rows[[length(rows) + 1]] <- data.frame(
        code = la$code[i], origin = origin, model = name, year = years[future],
        step = steps, actual = m[i, future], mean = as.numeric(fc$mean)[steps],
        lo80 = pmax(0, as.numeric(fc$lower[, 1]))[steps], hi80 = as.numeric(fc$upper[, 1])[steps],
        lo95 = pmax(0, as.numeric(fc$lower[, 2]))[steps], hi95 = as.numeric(fc$upper[, 2])[steps],
        note = note, stringsAsFactors = FALSE)
    }
  }
}
all <- do.call(rbind, rows)
if (nzchar(out)) write.csv(all, out, row.names = FALSE)

intervalScore <- function(lo, hi, y, level) {
  a <- 1 - level / 100
  100 * ((hi - lo) + (2 / a) * pmax(0, lo - y) + (2 / a) * pmax(0, y - hi)) / y
}

summarise <- function(d, label) {
  cat(sprintf("\n%s\n", label))
  cat(sprintf("%-14s %9s %8s %8s %8s %8s %6s\n", "model", "forecasts", "medMAPE", "meanMAPE", "cov80", "cov95", "fails"))
  for (name in unique(d$model)) {
    s <- d[d$model == name & d$actual > 0, ]
    ape <- 100 * abs(s$mean - s$actual) / s$actual
    key <- paste(s$code, s$origin)
    mape <- tapply(ape, key, mean)
    cov80 <- mean(s$actual >= s$lo80 & s$actual <= s$hi80)
    cov95 <- mean(s$actual >= s$lo95 & s$actual <= s$hi95)
    fails <- length(unique(key[s$note != ""]))
    cat(sprintf("%-14s %9d %8.2f %8.2f %8.1f %8.1f %6d\n", name, length(mape), median(mape), mean(mape),
      100 * cov80, 100 * cov95, fails))
  }
}

byHorizon <- function(d, label) {
  cat(sprintf("\n%s, by horizon\n", label))
  cat(sprintf("%-14s %4s %9s %8s %8s %8s %8s %8s %8s\n", "model", "h", "forecasts", "medAPE", "meanAPE",
    "cov80", "cov95", "IS80%", "IS95%"))
  for (name in unique(d$model)) {
    for (h in sort(unique(d$step))) {
      s <- d[d$model == name & d$step == h & d$actual > 0, ]
      if (nrow(s) == 0) next
      ape <- 100 * abs(s$mean - s$actual) / s$actual
      cat(sprintf("%-14s %4d %9d %8.2f %8.2f %8.1f %8.1f %8.2f %8.2f\n", name, h, nrow(s), median(ape), mean(ape),
        100 * mean(s$actual >= s$lo80 & s$actual <= s$hi80), 100 * mean(s$actual >= s$lo95 & s$actual <= s$hi95),
        mean(intervalScore(s$lo80, s$hi80, s$actual, 80)), mean(intervalScore(s$lo95, s$hi95, s$actual, 95))))
    }
  }
}

for (origin in origins) {
  summarise(all[all$origin == origin, ], sprintf("origin %d: train to %d, forecast %d-%d", origin, origin, origin + 1,
    min(max(years), origin + horizon)))
}
if (length(origins) > 1) {
  pooled <- sprintf("pooled over origins %s", paste(origins, collapse = ", "))
  summarise(all, pooled)
  byHorizon(all, pooled)
  one <- all[all$step == 1, ]
  cat("\none year ahead, by origin (median APE / 80% coverage)\n")
  for (name in unique(one$model)) {
    s <- one[one$model == name & one$actual > 0, ]
    cells <- sapply(origins, function(o) {
      t <- s[s$origin == o, ]
      sprintf("%d %.2f/%.0f", o, median(100 * abs(t$mean - t$actual) / t$actual),
        100 * mean(t$actual >= t$lo80 & t$actual <= t$hi80))
    })
    cat(sprintf("%-14s %s\n", name, paste(cells, collapse = "  ")))
  }
}
