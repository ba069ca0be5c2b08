# Golden values for packages/stats/src/hypothesis: t.test (Welch), wilcox.test (exact / normal,
# with Hodges-Lehmann intervals; tol.root = 1e-10 so R's uniroot lands on the exact crossing),
# chisq.test goodness of fit, p.adjust. Run: Rscript packages/stats/reference/hypothesis.R
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "json.R"))

# Log PR merge hours of two small arms, no ties.
x_small <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06)
y_small <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06 + 0.0015, 3.14, 1.29 - 0.0021, 0.41)
# Integer-valued outcome (days), many ties.
x_ties <- c(3, 5, 2, 8, 5, 5, 1, 4, 6, 3, 9, 2, 5)
y_ties <- c(4, 6, 7, 5, 9, 6, 10, 8, 5, 7, 12, 6)
# Larger arms (>= 50 each): the default is the normal approximation.
i <- 1:64
x_large <- exp(1.4 + 0.9 * sin(i * 1.37) + 0.2 * cos(i * 0.61))
j <- 1:57
y_large <- exp(1.7 + 0.8 * sin(j * 2.11 + 0.4) + 0.25 * cos(j * 0.93))
# Tiny arms: the requested confidence level is not achievable.
x_tiny <- c(2.1, 3.7, 1.4)
y_tiny <- c(0.3, 1.1, 2.6, 0.9)

wilcox_case <- function(name, x, y, ...) {
  args <- list(...)
  w <- suppressWarnings(do.call(wilcox.test, c(list(x = x, y = y, conf.int = TRUE, tol.root = 1e-10), args)))
  list(
    name = name,
    x = I(x),
    y = I(y),
    alternative = if (is.null(args$alternative)) "two.sided" else args$alternative,
    correct = if (is.null(args$correct)) TRUE else args$correct,
    exact = if (is.null(args$exact)) NA else args$exact,
    confLevel = if (is.null(args$conf.level)) 0.95 else args$conf.level,
    mu = if (is.null(args$mu)) 0 else args$mu,
    method = w$method,
    statistic = unname(w$statistic),
    pValue = w$p.value,
    confInt = I(as.numeric(w$conf.int)),
    achievedConfLevel = attr(w$conf.int, "conf.level"),
    medianDifference = median(outer(x, y, "-"))
  )
}

welch_case <- function(name, x, y, ...) {
  t <- t.test(x, y, ...)
  args <- list(...)
  list(
    name = name, x = I(x), y = I(y),
    alternative = if (is.null(args$alternative)) "two.sided" else args$alternative,
    mu = if (is.null(args$mu)) 0 else args$mu,
    confLevel = if (is.null(args$conf.level)) 0.95 else args$conf.level,
    statistic = unname(t$statistic), df = unname(t$parameter), pValue = t$p.value,
    confInt = I(as.numeric(t$conf.int)), estimate = I(unname(t$estimate)), stderr = t$stderr
  )
}

chisq_case <- function(observed, p) {
  r <- chisq.test(observed, p = p, rescale.p = TRUE)
  list(observed = I(observed), p = I(p), statistic = unname(r$statistic), df = unname(r$parameter),
       pValue = r$p.value, expected = I(unname(r$expected)))
}

pvals <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.9, 1e-6, 0.5, 0.0251)

out <- list(
  source = paste("R", getRversion()),
  welch = list(
    welch_case("small arms", x_small, y_small),
    welch_case("non-inferiority, one-sided", x_small, y_small, mu = 0.3, alternative = "less", conf.level = 0.9),
    welch_case("greater", x_large, y_large, alternative = "greater"),
    welch_case("large arms", log(x_large), log(y_large), conf.level = 0.99)
  ),
  wilcox = list(
    wilcox_case("exact, two-sided", x_small, y_small),
    wilcox_case("exact, greater, 90%", x_small, y_small, alternative = "greater", conf.level = 0.9),
    wilcox_case("exact, less", x_small, y_small, alternative = "less"),
    wilcox_case("exact, shifted null", x_small, y_small, mu = 0.25),
    wilcox_case("normal forced, no ties", x_small, y_small, exact = FALSE),
    wilcox_case("ties, two-sided", x_ties, y_ties),
    wilcox_case("ties, less", x_ties, y_ties, alternative = "less"),
    wilcox_case("ties, greater, no correction", x_ties, y_ties, alternative = "greater", correct = FALSE),
    wilcox_case("large arms, normal", x_large, y_large),
    wilcox_case("large arms, 80%", x_large, y_large, conf.level = 0.8),
    wilcox_case("tiny arms, level not achievable", x_tiny, y_tiny, conf.level = 0.99)
  ),
  chisq = list(
    chisq_case(c(1512, 1433), c(0.5, 0.5)),
    chisq_case(c(30, 52, 18), c(1, 2, 1)),
    chisq_case(c(10000, 11000), c(0.5, 0.5)),
    chisq_case(c(5000, 6500), c(0.5, 0.5)),
    chisq_case(c(7, 0, 3, 12), c(0.25, 0.1, 0.15, 0.5))
  ),
  padjust = list(p = I(pvals), holm = I(p.adjust(pvals, "holm")), BH = I(p.adjust(pvals, "BH")),
                 bonferroni = I(p.adjust(pvals, "bonferroni")))
)
write_reference(out, file.path(here, "hypothesis.json"))
