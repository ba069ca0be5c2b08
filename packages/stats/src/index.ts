/** Numerical statistics (distributions, regression, bootstrap, tests) — pure functions, no I/O. Filled in by the experiment issue. */
export {};
