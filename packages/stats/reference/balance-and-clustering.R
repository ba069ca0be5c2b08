# Golden values for packages/stats/src/descriptive: standardized mean difference and one-way ANOVA
# variance components / ICC (the inputs of experiment balance tables and power analysis).
# Run: Rscript packages/stats/reference/balance-and-clustering.R
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "json.R"))

smd <- function(x, y) (mean(x) - mean(y)) / sqrt((var(x) + var(y)) / 2)
smd_cases <- list(
  list(name = "pre-period hours", x = I(c(12.5, 30.1, 8.2, 44, 19.9, 25.3, 7.7)), y = I(c(15.2, 22.8, 9.9, 31.4, 18.1))),
  list(name = "offset 1e6, unequal spread", x = I(1e6 + c(1, 2, 3, 4, 5, 6)), y = I(1e6 + c(0.5, 4.5, 9))),
  list(name = "one arm constant", x = I(c(3, 3, 3)), y = I(c(1, 2, 4, 7)))
)
smd_cases <- lapply(smd_cases, function(c) { c$smd <- smd(c$x, c$y); c })

# Clustered data: PR log-hours within developers, unequal cluster sizes (deterministic).
anova_case <- function(name, sizes, shift) {
  g <- rep(seq_along(sizes), sizes)
  i <- seq_along(g)
  y <- 2 + 0.6 * sin(g * 1.9 + shift) + 0.8 * cos(i * 2.7 + shift) + 0.1 * (i %% 4)
  a <- anova(lm(y ~ factor(g)))
  msb <- a[["Mean Sq"]][1]
  msw <- a[["Mean Sq"]][2]
  n <- length(y)
  n0 <- (n - sum(sizes^2) / n) / (length(sizes) - 1)
  between <- max(0, (msb - msw) / n0)
  list(name = name, values = I(y), clusters = I(g), meanSquareBetween = msb, meanSquareWithin = msw,
       n0 = n0, between = between, within = msw, icc = between / (between + msw))
}
anova_cases <- list(
  anova_case("9 developers, 1-7 PRs", c(3, 7, 1, 4, 5, 2, 6, 2, 4), 0.4),
  anova_case("balanced 5 x 4", rep(4, 5), 1.3),
  # Developer effects weaker than the PR noise: MSB < MSW, so sigma2_b is truncated at 0.
  list(name = "no between-developer variance", values = I(c(1, 3, 2, 2, 3, 1, 2.1, 1.9, 2, 2.05)),
       clusters = I(c(1, 1, 1, 2, 2, 2, 3, 3, 4, 4)))
)
last <- anova_cases[[3]]
a <- anova(lm(last$values ~ factor(last$clusters)))
sizes <- as.vector(table(last$clusters))
n <- length(last$values)
anova_cases[[3]] <- c(last, list(meanSquareBetween = a[["Mean Sq"]][1], meanSquareWithin = a[["Mean Sq"]][2],
  n0 = (n - sum(sizes^2) / n) / (length(sizes) - 1), between = 0, within = a[["Mean Sq"]][2], icc = 0))
stopifnot(a[["Mean Sq"]][1] < a[["Mean Sq"]][2])

write_reference(list(source = paste("R", getRversion()), smd = smd_cases, varianceComponents = anova_cases),
                file.path(here, "balance-and-clustering.json"))
