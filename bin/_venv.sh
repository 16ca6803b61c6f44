# Sourced by bin/serve and bin/test: make .venv and install a requirements file when it changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
# torch from PyTorch's CPU wheel index, as in the Dockerfile: on Linux the default wheel on PyPI is the multi-GB CUDA
# build. Set TORCH_INDEX_URL= (empty) to take whatever the configured indexes serve. An index that does not answer
# within a few seconds (an offline mirror) is left out rather than stalling the install.
TORCH_INDEX_URL=${TORCH_INDEX_URL-https://download.pytorch.org/whl/cpu}
torch_index_args() {
  [ -n "$TORCH_INDEX_URL" ] || return 0
  if "$PYTHON" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "/torch/", timeout=5)' \
      "$TORCH_INDEX_URL" >/dev/null 2>&1; then
    echo "--extra-index-url $TORCH_INDEX_URL"
  else
    echo "==> $TORCH_INDEX_URL does not answer: torch comes from the configured package indexes" >&2
  fi
}
ensure_venv() {
  local requirements=$1 stamp
  if [ ! -x .venv/bin/python ]; then
    echo "==> creating .venv with $($PYTHON --version)"
    "$PYTHON" -m venv .venv
  fi
  stamp=".venv/.installed-$(basename "$requirements")"
  if [ ! -f "$stamp" ] || ! cmp -s <(cat requirements*.txt) "$stamp"; then
    echo "==> installing $requirements (first time: a few minutes)"
    .venv/bin/python -m pip install --quiet --upgrade pip
    # shellcheck disable=SC2046
    .venv/bin/python -m pip install --quiet $(torch_index_args) -r "$requirements"
    cat requirements*.txt > "$stamp"
  fi
}
