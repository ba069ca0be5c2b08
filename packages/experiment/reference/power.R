# Golden values for packages/experiment/src/power: minimum detectable effect and sample size from
# pre-period data, recomputed independently in R: one-way ANOVA variance components (aov), the
# covariate adjustment by lm residuals, the per-developer SD of the PR-weighted estimator
# sqrt(s2b_adj (1 + CV^2) + s2w_adj / m), then power.t.test. Writes power-pre.csv and power.json.
# Run: Rscript packages/experiment/reference/power.R
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "../../stats/reference/json.R"))

# 40 developers, 2-12 PRs each, log merge hours with a developer effect; prior-period hours as covariate.
G <- 40
sizes <- 2 + (seq_len(G) * 7) %% 11
dev <- rep(sprintf("d%02d", seq_len(G)), sizes)
g <- rep(seq_len(G), sizes)
i <- seq_along(g)
ability <- 0.45 * sin(seq_len(G) * 2.3) + 0.2 * cos(seq_len(G) * 0.7)
prior <- round(exp(3 + ability + 0.25 * sin(seq_len(G) * 1.1)), 2)
extra <- 0.3 * cos(seq_len(G) * 3.1)
hours <- round(exp(3 + ability[g] + extra[g] + 0.7 * sin(i * 1.9) + 0.3 * cos(i * 0.37)), 2)
d <- data.frame(pr = i, dev = dev, prior = prior[g], hours = hours)
write.csv(d, file.path(here, "power-pre.csv"), row.names = FALSE, quote = FALSE)

components <- function(y, g) {
  a <- anova(lm(y ~ factor(g)))
  msb <- a[["Mean Sq"]][1]; msw <- a[["Mean Sq"]][2]
  n <- length(y); ng <- as.vector(table(g)); G <- length(ng)
  n0 <- (n - sum(ng^2) / n) / (G - 1)
  c(between = max(0, (msb - msw) / n0), within = msw)
}
y <- log(d$hours)
raw <- components(y, d$dev)
adj <- components(residuals(lm(y ~ log(d$prior))), d$dev)
ng <- as.vector(table(d$dev))
m <- mean(ng)
cv2 <- mean((ng - m)^2) / m^2   # population variance of the cluster sizes
sd_unit <- function(m_plan, comp) sqrt(comp[["between"]] * (1 + cv2) + comp[["within"]] / m_plan)

n_per_arm <- 150
mde <- function(sd) power.t.test(n = n_per_arm, sd = sd, power = 0.8, sig.level = 0.05, tol = 1e-12)$delta
need <- function(sd) ceiling(power.t.test(delta = abs(log(1 - 0.17)), sd = sd, power = 0.8, sig.level = 0.05, tol = 1e-12)$n)
pow <- function(sd) power.t.test(n = n_per_arm, delta = abs(log(1 - 0.17)), sd = sd, sig.level = 0.05)$power

write_reference(list(
  source = paste("R", getRversion()),
  icc = raw[["between"]] / (raw[["between"]] + raw[["within"]]),
  r2 = 1 - adj[["between"]] / raw[["between"]],
  rowsPerUnit = m, cv = sqrt(cv2),
  plain = list(sd = sd_unit(m, raw), mdeRelative = expm1(mde(sd_unit(m, raw))),
               mdeDecrease = expm1(-mde(sd_unit(m, raw))), developers = need(sd_unit(m, raw)), power = pow(sd_unit(m, raw))),
  adjusted = list(sd = sd_unit(m, adj), mdeRelative = expm1(mde(sd_unit(m, adj))),
                  developers = need(sd_unit(m, adj)), power = pow(sd_unit(m, adj))),
  # 4 weeks of data planned over 8 weeks: twice the PRs per developer
  eightWeeks = list(rowsPerUnit = 2 * m, mdeRelative = expm1(mde(sd_unit(2 * m, adj))))
), file.path(here, "power.json"))
