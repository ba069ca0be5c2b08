# Golden values for packages/stats/src/bootstrap: boot.ci(type = c("perc", "bca")) given the
# replicates and the jackknife influence values, so the interval arithmetic (norm.inter quantiles,
# z0, acceleration) is checked exactly; the replicates come from R's RNG, which differs from ours,
# so the resampling itself is checked by properties (and approximately against these intervals).
# Run: Rscript packages/stats/reference/bootstrap.R
suppressMessages(library(boot))
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "json.R"))

# 30 developers with 1-8 PRs each; merge hours are skewed (log-normal-like), deterministic.
sizes <- c(3, 5, 1, 4, 8, 2, 4, 3, 6, 2, 7, 3, 4, 2, 5, 1, 3, 6, 2, 4, 5, 3, 8, 2, 4, 1, 6, 3, 2, 5)
units <- lapply(seq_along(sizes), function(g) {
  k <- seq_len(sizes[g])
  round(exp(1.2 + 0.9 * sin(g * 1.91 + k * 0.77) + 0.5 * cos(g * 0.37)), 4)
})
# Statistic: PR-weighted mean merge hours (a ratio estimator over resampled developers).
pooled_mean <- function(us) sum(unlist(us)) / length(unlist(us))
stat <- function(ids, i) pooled_mean(units[i])

set.seed(20261126)
b <- boot(seq_along(units), stat, R = 999)
jack <- vapply(seq_along(units), function(i) pooled_mean(units[-i]), 0)
L <- (length(jack) - 1) * (mean(jack) - jack)
ci95 <- boot.ci(b, conf = 0.95, type = c("perc", "bca"), L = L)
ci90 <- boot.ci(b, conf = 0.9, type = c("perc", "bca"), L = L)

out <- list(
  source = paste("R", getRversion(), "boot", packageVersion("boot")),
  units = lapply(units, I),
  estimate = b$t0,
  replicates = I(as.numeric(b$t)),
  jackknife = I(jack),
  percentile95 = I(ci95$percent[4:5]),
  bca95 = I(ci95$bca[4:5]),
  percentile90 = I(ci90$percent[4:5]),
  bca90 = I(ci90$bca[4:5]),
  acceleration = sum(L^3) / (6 * sum(L^2)^1.5),
  biasCorrection = qnorm(sum(b$t < b$t0) / length(b$t))
)
write_reference(out, file.path(here, "bootstrap.json"))
