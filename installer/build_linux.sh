#!/usr/bin/env bash
# Build installer/guilin_union.spec on Linux and run the bundle's own self-test.
#
# The Windows setup can only be built on Windows (build_windows.ps1), but the PyInstaller spec
# is the same: building it here and running `guilin-union --self-test` from the bundle proves
# that every module, resource, compiled form and the bundled font made it in. The slow test
# tests/installer/test_build_linux.py runs this script in CI.
#
# Usage: installer/build_linux.sh [OUT_DIR]
#   OUT_DIR (default: the repository) receives dist/guilin-union/ and build/pyinstaller/.
# Needs: uv (the dev dependency group brings PyInstaller), binutils (objdump; installed
# below with apt-get if missing) and, on a bare Debian/Ubuntu, the packages .ci/run installs
# (Qt's libEGL/libGL/libxkbcommon/libfontconfig/libdbus).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT}" && cd "${1:-$ROOT}" && pwd)"
DIST="$OUT/dist"
BUNDLE="$DIST/guilin-union"

# PyInstaller reads shared libraries with objdump (binutils), which a bare Debian may lack.
if ! command -v objdump >/dev/null 2>&1; then
  echo "==> 安装 binutils（PyInstaller 需要 objdump）"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq binutils >/dev/null
fi

cd "$ROOT"
echo "==> PyInstaller: $ROOT/installer/guilin_union.spec -> $BUNDLE"
uv run pyinstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$OUT/build/pyinstaller" installer/guilin_union.spec

for exe in guilin-union guilin-union-cli; do
  [ -x "$BUNDLE/$exe" ] || { echo "缺少 $BUNDLE/$exe" >&2; exit 1; }
done
echo "==> 大小：$(du -sh "$BUNDLE" | cut -f1)"

echo "==> 自检（在临时数据库上运行主窗口、全部报表和 Excel 导出）"
# Run from an unrelated folder with a clean environment, so that nothing of the checkout
# (resources/, fonts, the package) can stand in for what the bundle lacks. The self-test
# chooses the offscreen Qt platform itself when none is requested.
cd "$(mktemp -d)"
"$BUNDLE/guilin-union-cli" --version
env -u QT_QPA_PLATFORM -u PYTHONPATH -u GUILIN_UNION_DB -u GUILIN_UNION_FONT -u GUILIN_UNION_FONT_DIR \
  "$BUNDLE/guilin-union" --self-test
