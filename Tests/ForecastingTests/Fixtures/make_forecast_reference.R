#!/usr/bin/env Rscript
# Reference values for Tests/ForecastingTests/ForecastReferenceTests.swift, from R and
# the forecast package (Debian r-base-core, r-cran-forecast, r-cran-jsonlite).
# Run from this folder:  Rscript make_forecast_reference.R > forecast_reference.json
suppressPackageStartupMessages({ library(forecast); library(jsonlite) })

medway <- c(1460, 1456, 1412, 1395, 1409, 1500, 1564, 1684, 1946, 2144, 2296)  # SEN2, 2010-2020
years <- 2010:2020
h <- 4
new <- data.frame(u = (2021:2024) - mean(years))

trend <- function(formula, log = FALSE) {
  d <- data.frame(u = years - mean(years), y = if (log) log(medway) else medway)
  fit <- lm(formula, data = d)
  p80 <- predict(fit, new, interval = "prediction", level = 0.80, se.fit = TRUE)
  p95 <- predict(fit, new, interval = "prediction", level = 0.95)
  s2 <- summary(fit)$sigma^2
  out <- list(
    fit = unname(p80$fit[, "fit"]),
    predictionSD = unname(sqrt(p80$se.fit^2 + s2)),
    lo80 = unname(p80$fit[, "lwr"]), hi80 = unname(p80$fit[, "upr"]),
    lo95 = unname(p95[, "lwr"]), hi95 = unname(p95[, "upr"]),
    aicc = AIC(fit) + 2 * (length(coef(fit)) + 1) * (length(coef(fit)) + 2) / (length(medway) - length(coef(fit)) - 2))
  if (log) {
    # Back-transformed: bounds are exp of the log bounds; the mean is exp(mu + s^2/2) with
    # s^2 the prediction variance on the log scale.
    out$mean <- exp(out$fit + out$predictionSD^2 / 2)
    for (k in c("lo80", "hi80", "lo95", "hi95")) out[[k]] <- exp(out[[k]])
  } else out$mean <- out$fit
  out
}

rw <- function(drift) {
  f <- rwf(ts(medway, start = 2010), h = h, drift = drift, level = c(80, 95))
  list(mean = as.numeric(f$mean), lo80 = as.numeric(f$lower[, 1]), hi80 = as.numeric(f$upper[, 1]),
       lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))
}

hd <- holt(ts(medway, start = 2010), h = h, damped = TRUE, level = c(80, 95))
# A longer series where the damped trend's likelihood has a clear interior optimum.
set.seed(20200407)
long <- round(1000 + cumsum(20 + arima.sim(list(ar = 0.5), n = 30, sd = 15)))
hl <- holt(ts(long, start = 1991), h = h, damped = TRUE, level = c(80, 95))
damped <- function(f) list(
  alpha = unname(f$model$par["alpha"]), beta = unname(f$model$par["beta"]), phi = unname(f$model$par["phi"]),
  level0 = unname(f$model$par["l"]), trend0 = unname(f$model$par["b"]), loglik = f$model$loglik,
  mean = as.numeric(f$mean), lo80 = as.numeric(f$lower[, 1]), hi80 = as.numeric(f$upper[, 1]),
  lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))

# Rolling-origin errors as tsCV: linear trend refitted at each origin, errors at h = 1..2.
linfc <- function(y, h) {
  n <- length(y); t <- seq_len(n)
  fit <- lm(y ~ t)
  fc <- predict(fit, data.frame(t = n + seq_len(h)))
  structure(list(mean = ts(fc, start = tsp(y)[2] + 1)), class = "forecast")
}
cv <- tsCV(ts(medway, start = 2010), linfc, h = 2, initial = 4)

out <- list(
  source = "R forecast package; see make_forecast_reference.R",
  r = R.version.string, forecast = as.character(packageVersion("forecast")),
  years = years, values = medway,
  linear = trend(y ~ u), quadratic = trend(y ~ u + I(u^2)), exponential = trend(y ~ u, log = TRUE),
  drift = rw(TRUE), naive = rw(FALSE),
  dampedMedway = damped(hd),
  longSeries = as.numeric(long), dampedLong = damped(hl),
  tsCVLinear = list(h1 = as.numeric(cv[, 1]), h2 = as.numeric(cv[, 2])))
cat(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"))
