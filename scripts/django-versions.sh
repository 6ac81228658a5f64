#!/usr/bin/env bash
# Django 4.2 and 5.2 beside the system's Django 3.2, for the runtime tests.
#
# Debian 12 installs only Django 3.2, but Debian's archive also serves trixie (Django 4.2 LTS, DRF
# 3.16) and sid (Django 5.2 LTS, DRF 3.18). Their packages are pure Python and run on the system's
# /usr/bin/python3 once extracted. This script fetches them with a PRIVATE apt configuration (the
# system's sources, lists and cache are never touched; the archive's URI is read from the system's
# /etc/apt/sources.list.d/debian.sources, never written down here), extracts each version into
#   .cache/django/<version>/root/            (git-ignored; skipped when .cache/django/<version>/.complete exists)
# and prints one line per version:
#   <version> <django version> PYTHONPATH=<absolute path>
# Run a generated project on it with
#   PYTHONPATH=<path> /usr/bin/python3 manage.py test
# or DJFORGE_PYTHONPATH=<path> for djforge and the runtime tests.
# Usage: scripts/django-versions.sh [--quiet]   (DJFORGE_DJANGO_CACHE overrides .cache/django)
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${DJFORGE_DJANGO_CACHE:-$PWD/.cache/django}"
QUIET="${1:-}"
PACKAGES=(
  python3-django python3-djangorestframework python3-django-filters
  python3-djangorestframework-spectacular python3-djangorestframework-simplejwt
  python3-django-cors-headers python3-django-environ python3-asgiref python3-sqlparse
  python3-inflection python3-uritemplate python3-jwt
)
# version → Debian suite
declare -A SUITES=([4.2]=trixie [5.2]=sid)
VERSIONS=(4.2 5.2)

say() { [ "$QUIET" = "--quiet" ] || echo "django-versions: $*" >&2; }
site() { echo "$CACHE/$1/root/usr/lib/python3/dist-packages"; }
django_version() { PYTHONPATH="$(site "$1")" /usr/bin/python3 -c 'import django; print(django.get_version())'; }

missing=()
for v in "${VERSIONS[@]}"; do [ -f "$CACHE/$v/.complete" ] || missing+=("$v"); done

if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || {
    echo "django-versions: apt-get and dpkg-deb are needed to fetch Django ${missing[*]}" >&2
    exit 1
  }
  SOURCES=/etc/apt/sources.list.d/debian.sources
  URI="$(awk '/^URIs:/ { print $2; exit }' "$SOURCES" 2>/dev/null || true)"
  [ -n "$URI" ] || { echo "django-versions: no URIs: line in $SOURCES" >&2; exit 1; }
  APT="$CACHE/apt"
  mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial"
  : >"$APT/sources.list"
  for v in "${missing[@]}"; do
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $URI ${SUITES[$v]} main" >>"$APT/sources.list"
  done
  OPTS=(-o "Dir::Etc::sourcelist=$APT/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache" -o "Debug::NoLocking=1")
  say "updating the private package lists (${missing[*]})"
  apt-get "${OPTS[@]}" -qq update
  for v in "${missing[@]}"; do
    suite="${SUITES[$v]}"
    rm -rf "${CACHE:?}/$v"
    mkdir -p "$CACHE/$v/debs" "$CACHE/$v/root"
    say "downloading Django $v from $suite"
    (cd "$CACHE/$v/debs" && apt-get "${OPTS[@]}" -qq download "${PACKAGES[@]/%//$suite}" 2>&1 |
      grep -v 'unsandboxed as root' >&2 || true)
    count=$(find "$CACHE/$v/debs" -name '*.deb' | wc -l)
    [ "$count" -eq ${#PACKAGES[@]} ] || {
      echo "django-versions: got $count of ${#PACKAGES[@]} packages for Django $v from $suite" >&2
      exit 1
    }
    for deb in "$CACHE/$v/debs"/*.deb; do dpkg-deb -x "$deb" "$CACHE/$v/root"; done
    rm -rf "$CACHE/$v/debs"
    got="$(django_version "$v")"
    case "$got" in
      "$v"*) : ;;
      *) echo "django-versions: $CACHE/$v holds Django '$got', not $v" >&2; exit 1 ;;
    esac
    touch "$CACHE/$v/.complete"
  done
  rm -rf "$APT"
fi

echo "3.2 $(/usr/bin/python3 -c 'import django; print(django.get_version())' 2>/dev/null || echo missing) PYTHONPATH="
for v in "${VERSIONS[@]}"; do echo "$v $(django_version "$v") PYTHONPATH=$(site "$v")"; done
