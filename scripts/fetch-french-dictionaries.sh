#!/usr/bin/env bash
# Regenerates src/main/resources/dictionaries/fr/ (French word lists for the password
# strength estimator) from the npm package @zxcvbn-ts/language-fr (MIT; common words from
# OpenSubtitles via OPUS, ODC-BY: see NOTICE.md). Data only; no code is taken.
# Note: upstream's "firstnames" list holds surnames and "lastnames" first names; we name
# the files by what they hold.
set -euo pipefail
version=${1:-4.1.2}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack "@zxcvbn-ts/language-fr@$version" >/dev/null
tar xzf zxcvbn-ts-language-fr-*.tgz
out="$here/src/main/resources/dictionaries/fr"
mkdir -p "$out"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1] + "/"
files = {"commonWords": "common-words.txt", "firstnames": "surnames.txt",
         "lastnames": "first-names.txt", "wikipedia": "wikipedia.txt"}
for source, target in files.items():
    words = json.load(open("package/src/" + source + ".json"))
    open(out + target, "w").write("\n".join(words) + "\n")
PY
cp package/LICENSE.txt package/NOTICE.md package/THIRD_PARTY_LICENSES.md "$out/"
echo "French dictionaries written to $out (version $version)"
