# Golden values for packages/stats/src/regression: OLS, HC0-HC3, CR0/CR1/CR2, CR2 Satterthwaite df.
# Run: Rscript packages/stats/reference/ols.R (from the repository root). Needs r-cran-sandwich, r-cran-clubsandwich.
suppressMessages({ library(sandwich); library(clubSandwich) })
source(file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "json.R"))

# Deterministic data: developers (clusters) with unequal numbers of PRs; treatment and the pre-period
# covariate are constant within a developer, PR size varies by PR.
make_data <- function(sizes, treated, seed_shift) {
  cluster <- rep(seq_along(sizes), sizes)
  i <- seq_along(cluster)
  treat <- treated[cluster]
  pre <- 2 + 0.6 * sin(cluster * 1.3 + seed_shift)
  size <- round(50 + 40 * cos(i * 0.7 + seed_shift) + 5 * cluster)
  noise <- 0.45 * sin(i * 1.7 + seed_shift) + 0.35 * cos(cluster * 2.3) + 0.1 * (i %% 3)
  y <- 0.8 - 0.17 * treat + 0.55 * pre + 0.004 * size + noise
  data.frame(y = y, treat = treat, pre = pre, size = size, cluster = cluster)
}

fit_case <- function(name, d, formula = y ~ treat + pre + size) {
  fit <- lm(formula, data = d)
  X <- model.matrix(fit)
  ct <- coef_test(fit, vcov = "CR2", cluster = d$cluster, test = "Satterthwaite")
  ct1 <- coef_test(fit, vcov = "CR1S", cluster = d$cluster, test = "naive-t")
  list(
    name = name,
    y = I(d$y),
    X = unname(X),
    cluster = I(d$cluster),
    coefficients = I(unname(coef(fit))),
    residuals = I(unname(residuals(fit))),
    sigma2 = summary(fit)$sigma^2,
    vcovClassical = unname(vcov(fit)),
    HC0 = unname(vcovHC(fit, type = "HC0")),
    HC1 = unname(vcovHC(fit, type = "HC1")),
    HC2 = unname(vcovHC(fit, type = "HC2")),
    HC3 = unname(vcovHC(fit, type = "HC3")),
    CR0 = unname(vcovCL(fit, cluster = d$cluster, type = "HC0", cadjust = FALSE)),
    CR1 = unname(vcovCL(fit, cluster = d$cluster, type = "HC1", cadjust = TRUE)),
    CR1S = unname(as.matrix(vcovCR(fit, cluster = d$cluster, type = "CR1S"))),
    CR2 = unname(as.matrix(vcovCR(fit, cluster = d$cluster, type = "CR2"))),
    cr2Df = I(unname(ct$df_Satt)),
    cr2P = I(unname(ct$p_Satt)),
    cr1P = I(unname(ct1$p_t)),
    cr1Df = I(unname(ct1$df_t))
  )
}

sizes_a <- c(3, 5, 1, 4, 6, 2, 4, 3, 5, 2, 6, 3, 4, 2)
treated_a <- rep(c(0, 1), 7)
sizes_b <- c(7, 2, 9, 4, 3, 6)
treated_b <- c(1, 0, 0, 1, 1, 0)
out <- list(
  source = paste("R", getRversion(), "sandwich", packageVersion("sandwich"), "clubSandwich", packageVersion("clubSandwich")),
  cases = list(
    fit_case("14 developers, 1-6 PRs each", make_data(sizes_a, treated_a, 0.3)),
    fit_case("6 developers, 2-9 PRs each", make_data(sizes_b, treated_b, 1.1)),
    # A dummy for the single-PR developer 3 gives that row leverage 1: I - H_gg is singular and CR2
    # uses its Moore-Penrose inverse square root.
    fit_case("leverage-1 singleton cluster", transform(make_data(sizes_a, treated_a, 0.3), solo = as.numeric(cluster == 3)),
             y ~ treat + pre + size + solo)
  )
)
write_reference(out, file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "ols.json"))
