# Golden values for packages/stats/src/descriptive: mean, var, sd, quantile(type = 7), median,
# winsorize (pmin/pmax at type-7 quantiles, the DescTools::Winsorize default), geometric mean.
# Run: Rscript packages/stats/reference/descriptive.R
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "json.R"))

datasets <- list(
  mergeHours = c(0.5, 1.2, 3.4, 2.2, 48, 7.5, 0.9, 13, 5.5, 2.2, 120, 0.25, 9.1),
  largeOffset = 1e9 + c(4, 7, 13, 16),
  withTies = c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4),
  two = c(-2.5, 4)
)
probs <- c(0, 0.05, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 0.95, 0.99, 1)
winsor <- function(x, p) pmin(pmax(x, quantile(x, p, type = 7, names = FALSE)), quantile(x, 1 - p, type = 7, names = FALSE))

cases <- lapply(names(datasets), function(name) {
  x <- datasets[[name]]
  list(
    name = name,
    x = I(x),
    mean = mean(x),
    variance = var(x),
    sd = sd(x),
    median = median(x),
    probs = I(probs),
    quantiles = I(unname(quantile(x, probs, type = 7))),
    winsorized05 = I(winsor(x, 0.05)),
    winsorized20 = I(winsor(x, 0.2)),
    geometricMean = if (all(x > 0)) exp(mean(log(x))) else NULL
  )
})
write_reference(list(source = paste("R", getRversion()), cases = cases), file.path(here, "descriptive.json"))
