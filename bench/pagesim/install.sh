#!/usr/bin/env bash
# What bench/pagesim needs beyond the project's venv: poppler's pdftotext (22.12 on Debian 12, the
# version that made the dev dumps), the two CJK fonts the dev pages embed, reportlab (writes the
# PDFs) and PyMuPDF (the third dump; AGPL-3.0, a bench tool only, never a banmian dependency).
# Usage: bench/pagesim/install.sh [PYTHON]   (default: .venv/bin/python of the repository)
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
py="${1:-$here/.venv/bin/python}"
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/arphic/uming.ttc ] || need+=(fonts-arphic-uming)
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  $sudo_cmd apt-get install -y -q "${need[@]}"
fi
# pinned: the simulated pages (and the gate's floors on them) are made with these versions
"$py" -m pip install -q "reportlab==5.1.0" "pymupdf==2.0"
"$py" -c "import reportlab, pymupdf; print('pagesim tools: reportlab', reportlab.Version, '| pymupdf', pymupdf.VersionBind)"
pdftotext -v 2>&1 | head -1
