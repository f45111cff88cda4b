#!/usr/bin/env bash
# Pantau PBJ: a month's exports, checked, published and uploaded, in one step that a CI job (or a
# cron job, or a person) runs. Copy it into your own repository; docs/publishing.md explains it.
#
# Settings, from the environment (defaults in brackets):
#   PANTAU   the pantau tool                                                     [pantau]
#   EXPORTS  the folder of the month's exports: CSV, JSON, JSON Lines, OCDS,
#            gzip-compressed or not (ISB, SPSE, e-Katalog, SiRUP, OCDS files)    [exports]
#   NAME     the published statistics file's name                                [pbj.json]
#   WIDGET   the widget's release build (dist/ of `trunk build --release`)       [dist]
#   BASE     the folder's public address, for absolute addresses in the
#            snippets and og:image (https://data.example.go.id/pbj)             [none: relative]
#   PAGES_LANG  the pages' language, id or en                                    [id]
#   SITE     the folder to write                                                 [site]
#   UPLOAD   a command that uploads "$SITE" (run with eval, after publishing)    [none: no upload]
#            rsync -a --delete "$SITE"/ deploy@web.example.go.id:/var/www/pbj/
#            aws s3 sync "$SITE" s3://bucket/pbj --delete
#
# Exit codes: 0 published (data issues, if any, are in "$SITE/check.json"); 2 an export or the
# converted file cannot be used (nothing is published); the upload command's own on failure.
set -euo pipefail

PANTAU=${PANTAU:-pantau}
EXPORTS=${EXPORTS:-exports}
NAME=${NAME:-pbj.json}
WIDGET=${WIDGET:-dist}
PAGES_LANG=${PAGES_LANG:-id}
SITE=${SITE:-site}

say() { printf '[publish] %s\n' "$*" >&2; }

# 1. The exports, in a stable order.
inputs=()
while IFS= read -r -d '' file; do
  inputs+=("$file")
done < <(find "$EXPORTS" -maxdepth 1 -type f \
  \( -name '*.csv' -o -name '*.json' -o -name '*.jsonl' -o -name '*.csv.gz' \
     -o -name '*.json.gz' -o -name '*.jsonl.gz' \) -print0 | sort -z)
if [ "${#inputs[@]}" -eq 0 ]; then
  say "no exports in $EXPORTS"
  exit 2
fi
say "${#inputs[@]} exports in $EXPORTS"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 2. Check every export as the widget reads it: 0 clean, 1 issues (published, and listed in the
#    report), 2 unusable (stop here: nothing half-done reaches readers).
status=0
"$PANTAU" check --format json --lang "$PAGES_LANG" "${inputs[@]}" > "$work/check.json" || status=$?
if [ "$status" -ge 2 ]; then
  say "an export cannot be used (exit $status); the report:"
  cat "$work/check.json" >&2
  exit "$status"
fi

# 3. Convert them into one small statistics file, and check that file too.
"$PANTAU" convert --quiet "${inputs[@]}" -o "$work/$NAME"
status=0
"$PANTAU" check --lang "$PAGES_LANG" "$work/$NAME" >&2 || status=$?
if [ "$status" -ge 2 ]; then
  say "the converted file cannot be used (exit $status)"
  exit "$status"
fi

# 4. Publish: data, SHA256SUMS, snapshots, cards, snippets, the widget, the transparency page,
#    precompressed copies; and the exports' check report beside them, for auditors.
publish=(publish --quiet "$work/$NAME" --widget "$WIDGET" --lang "$PAGES_LANG" -o "$SITE")
if [ -n "${BASE:-}" ]; then
  publish+=(--base "$BASE")
fi
"$PANTAU" "${publish[@]}"
cp "$work/check.json" "$SITE/check.json"
say "published $SITE ($(find "$SITE" -type f | wc -l) files)"

# 5. Upload.
if [ -n "${UPLOAD:-}" ]; then
  export SITE
  eval "$UPLOAD"
  say "uploaded"
fi
