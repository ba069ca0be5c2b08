#!/bin/sh
# Regenerates every golden-value file in this folder. Needs R (r-base-core, r-cran-sandwich,
# r-cran-clubsandwich, r-cran-boot) and python3 with scipy and mpmath. CI does not run this: the
# tests read the committed JSON. Run from anywhere: sh packages/stats/reference/regenerate.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for script in distributions descriptive ols hypothesis bootstrap power balance-and-clustering; do
  Rscript "$here/$script.R"
done
python3 "$here/high_precision.py"
# Biome formats JSON too; format the generated files so `biome check` stays clean.
cd "$here/../../.." && PATH="$PWD/node_modules/.bin:$PATH" npx biome format --write packages/stats/reference >/dev/null
