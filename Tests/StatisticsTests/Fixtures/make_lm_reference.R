#!/usr/bin/env Rscript
# Reference values for ordinary and weighted least squares (R's lm).
#
# Writes lm_reference.json next to this script. Regenerate with
#   cd Tests/ForecastingTests/Fixtures && Rscript make_lm_reference.R
# Needs the R package gmp (Debian: r-cran-gmp) for exact rational arithmetic.
#
# How the numbers are made
# ------------------------
# The five data sets are typed below (they were drawn once with set.seed() and
# rounded, then pasted in), and are written into the JSON as well, so the
# Swift tests use exactly the same doubles.
#
# The least-squares solution is computed EXACTLY with rational arithmetic
# (gmp::bigq): each input double is converted to the rational it represents,
# the normal equations X'WX b = X'Wy are solved exactly, and the residual sum
# of squares, (X'WX)^-1, R^2, adjusted R^2 and every variance (coefficient
# standard errors, se.fit of predictions, prediction variance) are formed
# exactly, then rounded to double once (square roots are taken in double).
# Quantities that need logs or the t distribution (t, p, confidence limits,
# logLik, AIC, BIC, AICc) are then computed in double with R's own formulas
# (summary.lm, confint.lm, predict.lm, logLik.lm).
#
# Every value is then checked against R's lm()/summary()/confint()/predict()/
# logLik()/AIC()/BIC() and the script stops if any relative difference
# exceeds 1e-8, so the fixture is "what R says", only without R's rounding.
#
# Data set "quadratic_year" (y ~ year + year^2 on raw calendar years
# 2010..2020) is badly conditioned in the raw basis (year^2 ~ 4e6 and nearly
# collinear with year and the intercept). The reference coefficients are
# reported in the RAW basis (Intercept), year^1, year^2, from the exact
# rational solution. Basis-invariant values (sigma, R^2, logLik, AIC,
# predictions) are checked against lm(y ~ poly(year, 2)) (orthogonal basis,
# well conditioned); raw coefficients are checked against a fit on centred
# year (year - 2015) converted exactly back to the raw basis, and against
# qr.solve on the raw design. The console output reports whether
# lm(y ~ year + I(year^2)) dropped a term and how far its raw coefficients
# are from the exact solution.
#
# Conventions
# -----------
# * "df" is the residual degrees of freedom n - p.
# * k = p + 1 (coefficients plus sigma); aic = -2 logLik + 2k,
#   bic = -2 logLik + log(n) k, aicc = aic + 2k(k + 1)/(n - k - 1).
# * logLik is R's logLik.lm; for weighted fits it includes 0.5 * sum(log(w)).
# * With no intercept, R^2 is uncentred (total sum of squares sum(w y^2)) and
#   adjusted R^2 uses n instead of n - 1, as in summary.lm.
# * Predictions: "se" is se.fit; prediction intervals for the weighted data
#   set assume weight 1 for the new observations (predict.lm(weights = 1)).
# * Every number is written with sprintf("%.17g").

suppressPackageStartupMessages(library(gmp))

script_dir <- function() {
  arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(arg) == 1) dirname(normalizePath(sub("^--file=", "", arg))) else getwd()
}

# ---------------------------------------------------------------- data sets

datasets <- list(
  list(name = "trend",
       y = c(121, 127, 121, 131, 138, 136, 154, 156, 154, 163, 168, 169),
       x = list(year = 2010:2021),
       weights = NULL, intercept = TRUE, polyDegree = NULL,
       newdata = list(year = c(2022, 2023, 2024))),
  list(name = "two_regressors",
       y = c(0.04, 6.97, 7.29, 14.23, 5.14, 9.42, -5.28, 6.98, 12.61, 14.82,
             0.69, 7.35, 9.3, 6.81, 10.91),
       x = list(x1 = c(1.6, 4.5, 3.8, 6.9, 5.4, 7.9, 1.7, 3.7, 8.3, 7.4, 4.7,
                       2.4, 4.8, 6.4, 5.3),
                x2 = c(2.96, 1.34, 0.51, 0.6, 3.14, 3.65, 3.89, 1.08, 2.23,
                       0.55, 4.16, 0.14, 0.03, 4.63, 1.05)),
       weights = NULL, intercept = TRUE, polyDegree = NULL,
       newdata = list(x1 = c(2.5, 6, 9.1), x2 = c(1, 2.5, 4.2))),
  list(name = "no_intercept",
       y = c(13.4, 11.15, 4.06, 20.06, 11.45, 10.44, 13.44, 7.72, 15.76, 9.68),
       x = list(x1 = c(5.5, 3.9, 1, 7.6, 3.9, 3.7, 5.5, 3, 6.8, 3.3),
                x2 = c(0.5, 3.6, 1.7, 3.1, 3.8, 2.2, 1.6, 1.8, 3.7, 3.9)),
       weights = NULL, intercept = FALSE, polyDegree = NULL,
       newdata = list(x1 = c(4, 7.5), x2 = c(2, 0.5))),
  list(name = "weighted",
       y = c(48.2, 39.4, 32.1, 31.8, 50.7, 48.6, 38.8, 32.8, 42, 32.1, 43.4, 40),
       x = list(x = c(0.8, 6.6, 18.7, 14.4, 1.7, 3.3, 8.6, 15.4, 6, 18.1, 7.6, 3.5)),
       weights = c(25, 37, 13, 14, 32, 38, 30, 18, 22, 23, 24, 16),
       intercept = TRUE, polyDegree = NULL,
       newdata = list(x = c(5, 12, 21))),
  list(name = "quadratic_year",
       y = c(300, 313, 315, 322, 324, 329, 316, 315, 311, 292, 276),
       x = list(year = 2010:2020),
       weights = NULL, intercept = TRUE, polyDegree = 2L, polyColumn = "year",
       newdata = list(year = c(2021, 2022, 2023)))
)

# ---------------------------------------------------------------- helpers

tol <- 1e-8

check <- function(label, mine, theirs, tolerance = tol) {
  mine <- as.double(mine); theirs <- as.double(theirs)
  if (length(mine) != length(theirs)) stop(label, ": length mismatch")
  scale <- pmax(abs(mine), abs(theirs))
  rel <- ifelse(scale == 0, 0, abs(mine - theirs) / scale)
  if (any(!is.finite(rel)) || max(rel) > tolerance)
    stop(sprintf("%s: relative difference %.3g exceeds %.1g", label, max(rel), tolerance))
  invisible(max(rel))
}

# exact rational -> nearest double (as.double on bigq may truncate)
q2d <- function(q) {
  d <- as.double(q)
  d + as.double(q - as.bigq(d))
}

design <- function(ds, data) {
  cols <- list()
  if (ds$intercept) cols[["(Intercept)"]] <- rep(1, length(data[[1]]))
  for (nm in names(ds$x)) {
    if (!is.null(ds$polyDegree) && nm == ds$polyColumn) {
      for (d in seq_len(ds$polyDegree)) cols[[paste0(nm, "^", d)]] <- as.double(data[[nm]])^d
    } else {
      cols[[nm]] <- as.double(data[[nm]])
    }
  }
  m <- do.call(cbind, cols)
  colnames(m) <- names(cols)
  m
}

# exact rational matrix from double matrix (powers of integer years are exact
# in double: 2023^2 < 2^53)
qmat <- function(m) matrix(as.bigq(c(m)), nrow = nrow(m))

# ---------------------------------------------------------------- exact fit

exact_fit <- function(ds) {
  X <- design(ds, ds$x)
  n <- nrow(X); p <- ncol(X)
  w <- if (is.null(ds$weights)) rep(1, n) else ds$weights
  Xq <- qmat(X); yq <- as.bigq(ds$y); wq <- as.bigq(w)
  A <- t(Xq) %*% (Xq * wq)
  b <- solve(A, t(Xq) %*% (wq * yq))
  Ainv <- solve(A)
  res <- yq - Xq %*% b
  rss <- sum(wq * res^2)
  rdf <- n - p
  s2 <- rss / rdf
  tss <- if (ds$intercept) {
    ybar <- sum(wq * yq) / sum(wq)
    sum(wq * (yq - ybar)^2)
  } else sum(wq * yq^2)
  r2 <- 1 - rss / tss
  df_int <- if (ds$intercept) 1 else 0
  adj <- 1 - (1 - r2) * as.bigq(n - df_int) / rdf

  est <- q2d(b)
  se <- sqrt(vapply(seq_len(p), function(i) q2d(s2 * Ainv[i, i]), 0))
  tval <- est / se
  pval <- 2 * pt(abs(tval), rdf, lower.tail = FALSE)
  ci <- function(level) {
    a <- (1 - level) / 2
    cbind(est + se * qt(a, rdf), est + se * qt(1 - a, rdf))
  }
  ll <- 0.5 * (sum(log(w)) - n * (log(2 * pi) + 1 - log(n) + log(q2d(rss))))
  k <- p + 1
  aic <- -2 * ll + 2 * k
  bic <- -2 * ll + log(n) * k
  aicc <- aic + 2 * k * (k + 1) / (n - k - 1)

  X0 <- design(ds, ds$newdata)
  X0q <- qmat(X0)
  fit0 <- q2d(X0q %*% b)
  v0 <- lapply(seq_len(nrow(X0)), function(i) {
    xi <- X0q[i, , drop = FALSE]
    s2 * (xi %*% Ainv %*% t(xi))[1, 1]
  })
  se_fit <- sqrt(vapply(v0, q2d, 0))
  se_pred <- sqrt(vapply(v0, function(v) q2d(v + s2), 0))  # new weight 1
  band <- function(fit, s, level) {
    tfrac <- qt((1 - level) / 2, rdf)
    cbind(fit = fit, lwr = fit + tfrac * s, upr = fit - tfrac * s)
  }

  list(names = colnames(X), n = n, p = p, est = est, se = se, t = tval, pval = pval,
       sigma = sqrt(q2d(s2)), r2 = q2d(r2), adj = q2d(adj), rdf = rdf,
       ll = ll, aic = aic, bic = bic, aicc = aicc,
       ci95 = ci(0.95), ci90 = ci(0.90),
       conf95 = band(fit0, se_fit, 0.95), se_fit = se_fit,
       pred95 = band(fit0, se_pred, 0.95), pred80 = band(fit0, se_pred, 0.80),
       coef_exact = b)
}

# ---------------------------------------------------------------- checks vs R

check_against_r <- function(ds, e) {
  df <- as.data.frame(c(list(y = ds$y), lapply(ds$x, as.double)))
  nd <- as.data.frame(lapply(ds$newdata, as.double))
  xn <- names(ds$x)
  if (is.null(ds$polyDegree)) {
    rhs <- paste(c(if (ds$intercept) "1" else "0", xn), collapse = " + ")
    f <- as.formula(paste("y ~", rhs))
    fit <- if (is.null(ds$weights)) lm(f, data = df) else {
      df$w <- ds$weights; lm(f, data = df, weights = w)
    }
    s <- summary(fit)
    check("coef", e$est, coef(fit))
    check("se", e$se, s$coefficients[, 2])
    check("t", e$t, s$coefficients[, 3])
    check("p", e$pval, s$coefficients[, 4])
    check("confint95", e$ci95, confint(fit, level = 0.95))
    check("confint90", e$ci90, confint(fit, level = 0.90))
  } else {
    # Orthogonal-polynomial fit: well conditioned, basis-invariant values.
    fit <- lm(y ~ poly(year, 2), data = df)
    s <- summary(fit)
    # Centred fit, converted exactly (in rationals) to the raw basis.
    m <- 2015
    cfit <- lm(y ~ I(year - m) + I((year - m)^2), data = df)
    cc <- as.bigq(coef(cfit))
    mq <- as.bigq(m)
    raw_from_centred <- c(cc[1] - cc[2] * mq + cc[3] * mq^2, cc[2] - 2 * mq * cc[3], cc[3])
    check("raw coef from centred fit", e$est, q2d(raw_from_centred))
    V <- vcov(cfit)
    J <- rbind(c(1, -m, m^2), c(0, 1, -2 * m), c(0, 0, 1))
    check("raw se from centred fit", e$se, sqrt(diag(J %*% V %*% t(J))), 1e-6)
    Xraw <- design(ds, ds$x)
    check("raw coef from qr.solve", e$est, qr.solve(Xraw, ds$y, tol = 1e-12), 1e-5)
    rawfit <- lm(y ~ year + I(year^2), data = df)
    dropped <- names(coef(rawfit))[is.na(coef(rawfit))]
    cat(sprintf("  lm(y ~ year + I(year^2)) on raw years: dropped terms: %s\n",
                if (length(dropped)) paste(dropped, collapse = ", ") else "none"))
    if (!length(dropped)) {
      rel <- max(abs(coef(rawfit) - e$est) / abs(e$est))
      cat(sprintf("  max relative difference of raw lm coefficients from exact: %.3g\n", rel))
    }
    check("raw lm predictions", predict(rawfit, nd), e$conf95[, "fit"], 1e-6)
  }
  check("sigma", e$sigma, s$sigma)
  check("r.squared", e$r2, s$r.squared)
  check("adj.r.squared", e$adj, s$adj.r.squared)
  check("df", e$rdf, s$df[2], 0)
  check("logLik", e$ll, as.numeric(logLik(fit)))
  check("AIC", e$aic, AIC(fit))
  check("BIC", e$bic, BIC(fit))
  check("nobs", e$n, nobs(fit), 0)
  pc <- predict(fit, nd, interval = "confidence", level = 0.95, se.fit = TRUE)
  check("predict confidence", e$conf95, pc$fit)
  check("predict se.fit", e$se_fit, pc$se.fit)
  pw <- if (is.null(ds$weights)) list() else list(weights = 1)
  p95 <- do.call(predict, c(list(fit, nd, interval = "prediction", level = 0.95), pw))
  p80 <- do.call(predict, c(list(fit, nd, interval = "prediction", level = 0.80), pw))
  check("predict prediction 95", e$pred95, p95)
  check("predict prediction 80", e$pred80, p80)
}

# ---------------------------------------------------------------- JSON

num <- function(v) {
  if (!is.numeric(v) || length(v) != 1 || !is.finite(v)) stop("bad number: ", v)
  sprintf("%.17g", as.double(v))
}

scalar_json <- function(v) {
  if (is.logical(v)) return(if (v) "true" else "false")
  if (is.character(v)) return(paste0('"', gsub('(["\\\\])', "\\\\\\1", v), '"'))
  num(v)
}

is_scalar <- function(v) is.atomic(v) && length(v) == 1 && !inherits(v, "AsIs")

# Lists of scalars go on one line; atomic vectors are arrays on one line;
# anything else is spread over lines.
to_json <- function(x, indent = 0) {
  if (is.null(x)) return("null")
  if (is.atomic(x)) {
    if (is_scalar(x)) return(scalar_json(x))
    return(paste0("[", paste(vapply(x, scalar_json, ""), collapse = ", "), "]"))
  }
  named <- !is.null(names(x))
  keys <- if (named) paste0('"', names(x), '": ') else rep("", length(x))
  open <- if (named) "{" else "["; close <- if (named) "}" else "]"
  if (length(x) == 0) return(paste0(open, close))
  if (all(vapply(x, is_scalar, TRUE)))
    return(paste0(open, paste0(keys, vapply(x, to_json, ""), collapse = ", "), close))
  pad <- strrep(" ", indent + 2)
  items <- vapply(seq_along(x), function(i) paste0(pad, keys[i], to_json(x[[i]], indent + 2)), "")
  paste0(open, "\n", paste(items, collapse = ",\n"), "\n", strrep(" ", indent), close)
}

arr <- function(v) I(as.double(v))   # always a JSON array, even of length 1

rows <- function(m, cols) {
  unname(lapply(seq_len(nrow(m)), function(i) setNames(as.list(as.double(m[i, cols])), cols)))
}

dataset_json <- function(ds, e) {
  coefs <- unname(lapply(seq_len(e$p), function(i)
    list(name = e$names[i], estimate = e$est[i], standardError = e$se[i],
         t = e$t[i], p = e$pval[i])))
  conf <- rows(e$conf95, c("fit", "lwr", "upr"))
  for (i in seq_along(conf)) conf[[i]]$se <- e$se_fit[i]
  list(
    name = ds$name,
    y = arr(ds$y),
    x = lapply(ds$x, arr),
    weights = if (is.null(ds$weights)) NULL else arr(ds$weights),
    intercept = ds$intercept,
    polyDegree = if (is.null(ds$polyDegree)) NULL else as.double(ds$polyDegree),
    polyColumn = if (is.null(ds$polyDegree)) NULL else ds$polyColumn,
    expected = list(
      coefficients = coefs,
      sigma = e$sigma, rSquared = e$r2, adjRSquared = e$adj, df = e$rdf,
      logLik = e$ll, aic = e$aic, bic = e$bic, aicc = e$aicc,
      confint95 = lapply(seq_len(e$p), function(i) arr(e$ci95[i, ])),
      confint90 = lapply(seq_len(e$p), function(i) arr(e$ci90[i, ])),
      newdata = lapply(ds$newdata, arr),
      predictConfidence95 = conf,
      predictPrediction95 = rows(e$pred95, c("fit", "lwr", "upr")),
      predictPrediction80 = rows(e$pred80, c("fit", "lwr", "upr"))
    )
  )
}

# ---------------------------------------------------------------- main

out_sets <- list()
for (ds in datasets) {
  cat(ds$name, "\n")
  e <- exact_fit(ds)
  check_against_r(ds, e)
  out_sets[[length(out_sets) + 1]] <- dataset_json(ds, e)
}

json <- paste0(to_json(list(datasets = out_sets)), "\n")
out <- file.path(script_dir(), "lm_reference.json")
writeChar(json, out, eos = NULL, useBytes = TRUE)
cat(sprintf("wrote %s: %d data sets\n", out, length(out_sets)))
