#!/usr/bin/env bash
# Parses the seed pages and scores them against the gold in ../shared (development aid).
set -euo pipefail
out=$(mktemp -d)
node --import tsx scripts/parse-dev.ts "$out" ../shared/corpus/seeds/*.txt
python3 ../shared/eval/score.py ../shared/corpus/gold "$out" --verbose
echo "$out"
