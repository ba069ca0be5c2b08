# Golden values for packages/stats/src/distributions and special: pnorm, qnorm, pt, qt, pchisq, pf,
# lgamma, lbeta, noncentral pt. Run: Rscript packages/stats/reference/distributions.R
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "json.R"))

grid <- function(f, args) lapply(args, function(a) c(a, do.call(f, as.list(a))))

z <- c(-38, -37, -30, -20, -10, -8.3, -7.1, -5.7, -5.6, -3, -1.96, -0.6744, -0.5, -1e-5, 0, 1e-5, 0.3, 0.6745,
       1, 1.644853626951472, 2.5, 4, 5.65, 5.66, 6, 7.5, 8.2, 8.3, 9)
p <- c(1e-300, 1e-100, 1e-20, 1e-12, 1e-8, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.075, 0.1, 0.3, 0.4999, 0.5, 0.5001,
       0.7, 0.925, 0.975, 0.99, 0.999, 1 - 1e-8)
t_args <- expand.grid(t = c(-1e4, -200, -40, -12, -6, -2.5, -1, -0.1, 0, 0.05, 0.7, 1.96, 3, 8, 25, 1e3),
                      df = c(0.5, 1, 2, 3, 4.5, 10, 29.7, 100, 1e4, 1e6))
qt_args <- expand.grid(p = c(1e-12, 1e-8, 1e-4, 0.001, 0.025, 0.05, 0.2, 0.45, 0.5, 0.6, 0.9, 0.975, 0.999),
                       df = c(0.5, 0.7, 1, 2, 3, 4.5, 7, 10, 29.7, 100, 1234.5, 1e5))
chi_args <- expand.grid(x = c(1e-6, 0.01, 0.5, 1, 2, 3.84, 7, 10, 20, 45, 80, 150, 300, 1000, 5000),
                        df = c(0.5, 1, 2, 3, 5, 9, 20, 60, 150, 1000, 4000))
f_args <- expand.grid(x = c(0.001, 0.1, 0.5, 1, 1.7, 3, 5, 10, 40, 200, 1e4), df1 = c(1, 2, 3, 7.5, 20),
                      df2 = c(1, 3, 10, 45, 300))
lg <- c(1e-8, 0.001, 0.1, 0.5, 0.999, 1.001, 1.5, 1.999, 2.001, 2.5, 3.3, 7, 9.99, 10, 10.5, 33.3, 100, 1234.5,
        1e6, 1e10, 1e15)
lb_args <- expand.grid(a = c(0.3, 0.5, 1, 4.5, 12, 250, 1e5), b = c(0.5, 2, 9.5, 30, 1e4))
nct_args <- expand.grid(t = c(-3, -0.5, 0.3, 1.2, 1.97, 2.6, 5, 12), df = c(2, 5.5, 18, 98, 598), ncp = c(-2, 0.4, 1.5, 2.8, 4, 9))

out <- list(
  source = paste("R", getRversion()),
  pnorm = lapply(z, function(x) c(x, pnorm(x), pnorm(x, lower.tail = FALSE))),
  qnorm = lapply(p, function(q) c(q, qnorm(q), qnorm(q, lower.tail = FALSE))),
  pt = lapply(seq_len(nrow(t_args)), function(i) with(t_args[i, ], c(t, df, pt(t, df), pt(t, df, lower.tail = FALSE)))),
  qt = lapply(seq_len(nrow(qt_args)), function(i) with(qt_args[i, ], c(p, df, qt(p, df), qt(p, df, lower.tail = FALSE)))),
  pchisq = lapply(seq_len(nrow(chi_args)), function(i) with(chi_args[i, ], c(x, df, pchisq(x, df), pchisq(x, df, lower.tail = FALSE)))),
  pf = lapply(seq_len(nrow(f_args)), function(i) with(f_args[i, ], c(x, df1, df2, pf(x, df1, df2), pf(x, df1, df2, lower.tail = FALSE)))),
  lgamma = lapply(lg, function(x) c(x, lgamma(x))),
  lbeta = lapply(seq_len(nrow(lb_args)), function(i) with(lb_args[i, ], c(a, b, lbeta(a, b)))),
  pnct = lapply(seq_len(nrow(nct_args)), function(i) with(nct_args[i, ], c(t, df, ncp, pt(t, df, ncp), pt(t, df, ncp, lower.tail = FALSE))))
)
write_reference(out, file.path(here, "distributions.json"))
