#!/usr/bin/env Rscript
# W2 automatic forecasting, peers: R forecast::auto.arima and forecast::ets on the SEN2 series.
#
# Usage: Rscript w2_peers.R auto.arima|ets DATA.csv [--reps 3]
#
# Series: every row of ehcp_caseload_2010_2020.csv with level "Local authority" whose eleven
# counts 2010..2020 are present and positive (the same rule as hn-bench w2 and
# backtest/peers.R), as ts(values, start = 2010) (annual, frequency 1).
# Per series: forecast(auto.arima(y), h = 4, level = c(80, 95)), or the same with ets(y):
# model selection by AICc over the package's default search space, fit, 4-year forecast with
# 80 and 95% intervals. No backtest: the peers select on in-sample AICc only.
# Timing: proc.time() elapsed (wall) and user + system (CPU) around one full pass, after an untimed warm-up pass over the
# first tenth of the series (as hn-bench does). Prints RESULT / CHECK lines for hn-bench.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2 || !(args[1] %in% c("auto.arima", "ets"))) {
  stop("usage: w2_peers.R auto.arima|ets DATA.csv [--reps 3]")
}
method <- args[1]
reps <- if ("--reps" %in% args) as.integer(args[match("--reps", args) + 1]) else 3L

raw <- read.csv(args[2], check.names = FALSE, stringsAsFactors = FALSE)
years <- 2010:2020
la <- raw[raw$level == "Local authority", ]
m <- as.matrix(la[, as.character(years)])
storage.mode(m) <- "double"
complete <- apply(m, 1, function(r) all(is.finite(r)) && all(r > 0))
m <- m[complete, , drop = FALSE]
series <- lapply(seq_len(nrow(m)), function(i) ts(m[i, ], start = 2010))
cat(sprintf("INFO w2 r-%s complete_series=%d skipped=%d forecast=%s\n",
            method, length(series), sum(!complete), as.character(packageVersion("forecast"))))

fit <- if (method == "auto.arima") auto.arima else ets
one_pass <- function(ss) {
  mean4 <- 0
  hi95 <- 0
  for (y in ss) {
    f <- forecast(fit(y), h = 4, level = c(80, 95))
    mean4 <- mean4 + f$mean[4]
    hi95 <- hi95 + f$upper[4, 2]
  }
  sprintf("series=%d sum_mean_2024=%.12g sum_hi95_2024=%.12g", length(ss), mean4, hi95)
}

invisible(one_pass(series[seq_len(max(1, length(series) %/% 10))]))  # warm-up
check <- ""
for (r in seq_len(reps)) {
  t0 <- proc.time()
  check <- one_pass(series)
  t <- proc.time() - t0
  cat(sprintf("RESULT w2 r-%s %.6f %d %.6f\n", method, t[["elapsed"]], length(series),
              t[["user.self"]] + t[["sys.self"]]))
}
cat(sprintf("CHECK w2 r-%s %s\n", method, check))
