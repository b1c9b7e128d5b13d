#!/usr/bin/env bash
# Regenerate every generated file of the demo pack, then check the source folder.
# The PDF embeds images/5k.png, so the images come first.
set -euo pipefail
cd "$(dirname "$0")/../.."
npx tsx scripts/demo-pack/render-images.ts
npx tsx scripts/demo-pack/make-pdf.ts
bash scripts/demo-pack/make-audio.sh
npx tsx scripts/demo-pack/check.ts
