# Golden values for packages/experiment/src/analysis: the primary estimator and the robustness block
# of `uplift experiment analyze` on a small PR-level dataset, computed with R's lm, clubSandwich,
# t.test, wilcox.test and chisq.test. Writes analysis-small.csv (the data) and analysis.json.
# Run: Rscript packages/experiment/reference/analysis.R   (needs r-cran-clubsandwich)
suppressMessages({ library(clubSandwich); library(sandwich); library(lmtest) })
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "../../stats/reference/json.R"))

# 12 developers with 1-7 PRs; treatment lowers merge hours by ~15 %; pre-period hours per developer.
sizes <- c(3, 7, 1, 4, 5, 2, 6, 3, 4, 2, 5, 3)
arm <- rep(c("control", "treatment"), 6)
dev <- rep(sprintf("dev%02d", seq_along(sizes)), sizes)
g <- rep(seq_along(sizes), sizes)
i <- seq_along(g)
ability <- 0.5 * sin(seq_along(sizes) * 1.7)
pre <- round(exp(2.8 + ability + 0.2 * cos(seq_along(sizes) * 2.1)), 2)
treat <- as.numeric(arm[g] == "treatment")
hours <- round(exp(2.8 + ability[g] - 0.16 * treat + 0.6 * sin(i * 2.3) + 0.2 * cos(i * 0.9)), 2)
d <- data.frame(pr = i, dev = dev, arm = arm[g], pre = pre[g], hours = hours)
write.csv(d, file.path(here, "analysis-small.csv"), row.names = FALSE, quote = FALSE)

d$treat <- as.numeric(d$arm == "treatment")
cr2 <- function(fit) {
  ct <- coef_test(fit, vcov = "CR2", cluster = d$dev, test = "Satterthwaite")
  ci <- conf_int(fit, vcov = "CR2", cluster = d$dev, test = "Satterthwaite", level = 0.95)
  list(beta = unname(coef(fit)["treat"]), se = ct$SE[2], df = ct$df_Satt[2], p = ct$p_Satt[2],
       ci = I(c(ci$CI_L[2], ci$CI_U[2])))
}
log_cov <- cr2(lm(log(hours) ~ treat + log(pre), data = d))
log_plain <- cr2(lm(log(hours) ~ treat, data = d))
absolute <- cr2(lm(hours ~ treat + pre, data = d))

# Winsorized at the pooled type-7 5th/95th percentiles of log(hours), same model.
ly <- log(d$hours)
q <- quantile(ly, c(0.05, 0.95), type = 7, names = FALSE)
d$wy <- pmin(pmax(ly, q[1]), q[2])
winsorized <- cr2(lm(wy ~ treat + log(pre), data = d))

# Developer-level aggregation: mean of log(hours) per developer.
unit_mean <- tapply(ly, d$dev, mean)
unit_arm <- tapply(d$arm, d$dev, function(a) a[1])
tm <- unname(unit_mean[unit_arm == "treatment"])
cm <- unname(unit_mean[unit_arm == "control"])
welch <- t.test(tm, cm)
wx <- wilcox.test(tm, cm, conf.int = TRUE)

# Developer-level ANCOVA: mean log(hours) on arm + mean log(pre), HC2, residual df.
unit_treat <- as.numeric(unit_arm == "treatment")
unit_fit <- lm(unname(unit_mean) ~ unit_treat + unname(tapply(log(d$pre), d$dev, mean)))
ct_unit <- coeftest(unit_fit, vcov = vcovHC(unit_fit, type = "HC2"))
ci_unit <- coefci(unit_fit, vcov = vcovHC(unit_fit, type = "HC2"))
ancova <- list(beta = ct_unit[2, 1], se = ct_unit[2, 2], p = ct_unit[2, 4], ci = I(unname(ci_unit[2, ])))

# Medians of PR-level hours per arm.
med_t <- median(d$hours[d$treat == 1])
med_c <- median(d$hours[d$treat == 0])

# Balance: SMD of per-developer mean log(pre).
unit_pre <- tapply(log(d$pre), d$dev, mean)
pt <- unit_pre[unit_arm == "treatment"]
pc <- unit_pre[unit_arm == "control"]
smd <- (mean(pt) - mean(pc)) / sqrt((var(pt) + var(pc)) / 2)

# The bootstrap statistic on one fixed resample: developers 1, 1, 4, 6 (treatment…) — lm on the
# stacked rows of a multiset of developers.
resample <- c("dev01", "dev01", "dev03", "dev05", "dev02", "dev04", "dev04", "dev12")
stacked <- do.call(rbind, lapply(resample, function(u) d[d$dev == u, ]))
resample_beta <- unname(coef(lm(log(hours) ~ treat + log(pre), data = stacked))["treat"])

# Non-inferiority of the primary estimate with a 50 % margin (lower is better): one-sided CR2 t test
# of H0: beta >= log(1.5) at 2.5 %, and the worse end of the 95 % interval.
ni_p <- pt((log_cov$beta - log(1.5)) / log_cov$se, log_cov$df)
ni_bound <- expm1(log_cov$beta + qt(0.975, log_cov$df) * log_cov$se)

srm <- chisq.test(c(6, 6))
srm_uneven <- chisq.test(c(130, 170))

write_reference(list(
  source = paste("R", getRversion(), "clubSandwich", packageVersion("clubSandwich")),
  logCovariate = log_cov, logPlain = log_plain, absolute = absolute, winsorized = winsorized,
  winsorBounds = I(q),
  unitAncova = ancova,
  welch = list(estimate = unname(welch$estimate[1] - welch$estimate[2]), ci = I(unname(welch$conf.int)), p = welch$p.value),
  wilcox = list(estimate = unname(wx$estimate), ci = I(unname(wx$conf.int)), p = wx$p.value),
  medians = list(treatment = med_t, control = med_c),
  geometricMeans = list(treatment = exp(mean(ly[d$treat == 1])), control = exp(mean(ly[d$treat == 0]))),
  smd = smd,
  resample = I(resample), resampleBeta = resample_beta,
  srmUneven = list(counts = I(c(130, 170)), p = srm_uneven$p.value, statistic = unname(srm_uneven$statistic)),
  srmEven = srm$p.value,
  nonInferiority = list(margin = 0.5, p = ni_p, bound = ni_bound)
), file.path(here, "analysis.json"))
