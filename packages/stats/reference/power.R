# Golden values for packages/stats/src/power: power.t.test (two-sample, strict = FALSE) solved for
# power, delta (MDE) and n with tol = 1e-12. CUPED and clustering enter as sd' and n' (see the test):
# power.t.test(n = nPerArm / m, sd = sd * sqrt((1 - r2) * (1 + (m - 1) * icc) / m)).
# Run: Rscript packages/stats/reference/power.R
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "json.R"))

designs <- list(
  list(nPerArm = 150, sd = 0.9, alpha = 0.05, power = 0.8, r2 = 0, clusterSize = 1, icc = 0, alternative = "two.sided"),
  list(nPerArm = 150, sd = 0.9, alpha = 0.05, power = 0.8, r2 = 0.4, clusterSize = 1, icc = 0, alternative = "two.sided"),
  list(nPerArm = 1500, sd = 1.1, alpha = 0.05, power = 0.9, r2 = 0.3, clusterSize = 10, icc = 0.15, alternative = "two.sided"),
  list(nPerArm = 12, sd = 2, alpha = 0.01, power = 0.8, r2 = 0, clusterSize = 1, icc = 0, alternative = "one.sided"),
  list(nPerArm = 40, sd = 1, alpha = 0.1, power = 0.95, r2 = 0.64, clusterSize = 4, icc = 0.3, alternative = "two.sided")
)

cases <- lapply(designs, function(d) {
  m <- d$clusterSize
  sd_eff <- d$sd * sqrt((1 - d$r2) * (1 + (m - 1) * d$icc) / m)
  n_eff <- d$nPerArm / m
  mde <- power.t.test(n = n_eff, sd = sd_eff, sig.level = d$alpha, power = d$power,
                      alternative = d$alternative, tol = 1e-12)$delta
  delta <- 0.7 * mde
  power_at <- power.t.test(n = n_eff, delta = delta, sd = sd_eff, sig.level = d$alpha,
                           alternative = d$alternative)$power
  n_needed <- power.t.test(delta = mde * 1.3, sd = sd_eff, sig.level = d$alpha, power = d$power,
                           alternative = d$alternative, tol = 1e-12)$n * m
  c(d, list(mde = mde, delta = delta, powerAtDelta = power_at, deltaForN = mde * 1.3, nPerArmNeeded = n_needed))
})
write_reference(list(source = paste("R", getRversion()), cases = cases), file.path(here, "power.json"))
