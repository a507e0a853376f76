#!/usr/bin/env Rscript
# Peer forecasts for the highneeds backtest: R's forecast package on the same splits.
#
# Usage (from the repository root):
#   Rscript benchmarks/backtest/peers.R ../shared/data/sen2/ehcp_caseload_2010_2020.csv \
#     [--origins 2014,2015,2016] [--horizon 4] [--out benchmarks/backtest/r_peers.csv]
#
# For every local authority with a complete, positive 2010-2020 series, and every origin T,
# each peer is fitted to the years up to T and forecasts T+1..T+h (h cut at 2020). Peers:
# auto.arima, ets, holt(damped = TRUE), rwf(drift = TRUE), naive, all at 80 and 95%.
# Prints per-origin and pooled tables of median / mean MAPE across authorities and the
# empirical coverage of the 80 and 95% intervals; writes every forecast to --out.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: peers.R DATA.csv [--origins 2014,2015,2016] [--horizon 4] [--out FILE]")
path <- args[1]
opt <- function(name, default) {
  i <- match(name, args)
  if (is.na(i)) default else args[i + 1]
}
origins <- as.integer(strsplit(opt("--origins", "2014,2015,2016"), ",")[[1]])
horizon <- as.integer(opt("--horizon", "4"))
out <- opt("--out", "")

raw <- read.csv(path, check.names = FALSE, stringsAsFactors = FALSE)
years <- 2010:2020
la <- raw[raw$level == "Local authority", ]
m <- as.matrix(la[, as.character(years)])
storage.mode(m) <- "double"
complete <- apply(m, 1, function(r) all(is.finite(r)) && all(r > 0))
la <- la[complete, ]
m <- m[complete, , drop = FALSE]
cat(sprintf("authorities with a complete series: %d\n", nrow(m)))

peers <- list(
  "auto.arima" = function(y, h) forecast(auto.arima(y), h = h, level = c(80, 95)),
  "ets" = function(y, h) forecast(ets(y), h = h, level = c(80, 95)),
  "holt-damped" = function(y, h) holt(y, h = h, damped = TRUE, level = c(80, 95)),
  "rwf-drift" = function(y, h) rwf(y, h = h, drift = TRUE, level = c(80, 95)),
  "naive" = function(y, h) naive(y, h = h, level = c(80, 95))
)

rows <- list()
for (origin in origins) {
  h <- min(horizon, max(years) - origin)
  for (i in seq_len(nrow(m))) {
    y <- ts(m[i, years <= origin], start = min(years))
    actual <- m[i, years > origin][seq_len(h)]
    for (name in names(peers)) {
      fc <- tryCatch(peers[[name]](y, h), error = function(e) NULL)
      if (is.null(fc)) {
        # A peer that cannot fit (e.g. ets on too few points) falls back to naive, and says so.
        fc <- naive(y, h = h, level = c(80, 95))
        note <- "failed: naive used"
      } else note <- ""
      rows[[length(rows) + 1]] <- data.frame(
        code = la$code[i], origin = origin, model = name, year = origin + seq_len(h),
        step = seq_len(h), actual = actual, mean = as.numeric(fc$mean),
        lo80 = pmax(0, as.numeric(fc$lower[, 1])), hi80 = as.numeric(fc$upper[, 1]),
        lo95 = pmax(0, as.numeric(fc$lower[, 2])), hi95 = as.numeric(fc$upper[, 2]),
        note = note, stringsAsFactors = FALSE)
    }
  }
}
all <- do.call(rbind, rows)
if (nzchar(out)) write.csv(all, out, row.names = FALSE)

summarise <- function(d, label) {
  cat(sprintf("\n%s\n", label))
  cat(sprintf("%-14s %8s %8s %8s %8s %6s\n", "model", "medMAPE", "meanMAPE", "cov80", "cov95", "fails"))
  for (name in unique(d$model)) {
    s <- d[d$model == name, ]
    ape <- 100 * abs(s$mean - s$actual) / s$actual
    key <- paste(s$code, s$origin)
    mape <- tapply(ape, key, mean)
    cov80 <- mean(s$actual >= s$lo80 & s$actual <= s$hi80)
    cov95 <- mean(s$actual >= s$lo95 & s$actual <= s$hi95)
    fails <- length(unique(key[s$note != ""]))
    cat(sprintf("%-14s %8.2f %8.2f %8.1f %8.1f %6d\n", name, median(mape), mean(mape), 100 * cov80, 100 * cov95, fails))
  }
}
for (origin in origins) summarise(all[all$origin == origin, ], sprintf("origin %d (train 2010-%d, forecast %d-%d)", origin, origin, origin + 1, min(2020, origin + horizon)))
if (length(origins) > 1) summarise(all, sprintf("pooled over origins %s", paste(origins, collapse = ",")))
