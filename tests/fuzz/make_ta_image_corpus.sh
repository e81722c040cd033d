#!/bin/bash
# Regenerates the seed corpus of fuzz_ta_image and the public key the
# fuzzer trusts. The signing key is made here and deleted at the end: only
# public data is committed. Needs out/tools/sign_ta (`make`) or SIGN_TA=path.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
sign=${SIGN_TA:-$REPO/out/tools/sign_ta}
corpus=$REPO/tests/fuzz/corpus/ta_image
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
uuid=8aaaf200-2450-11e4-abe2-0002a5d5c51b

openssl genrsa -out "$tmp/key.pem" 3072 2>/dev/null
"$sign" --key "$tmp/key.pem" --pubkey-header "$REPO/tests/fuzz/ta_image_key/ta_pubkey.h"
# A small ELF-looking payload keeps each fuzz iteration cheap.
{ printf '\177ELF\002\001\001\000'; seq 1 40; } >"$tmp/payload.elf"
rm -f "$corpus"/*
"$sign" --key "$tmp/key.pem" --uuid $uuid --ta-version 1 --algo pss \
	--in "$tmp/payload.elf" --out "$corpus/good_pss.ta"
"$sign" --key "$tmp/key.pem" --uuid $uuid --ta-version 2 --algo pkcs1 \
	--in "$tmp/payload.elf" --out "$corpus/good_pkcs1.ta"
# The header alone; a legacy type 0 image (bootstrap header dropped: the
# hash no longer matches); an encrypted-type header.
head -c 20 "$corpus/good_pss.ta" >"$corpus/shdr_only"
{ head -c 4 "$corpus/good_pss.ta"; printf '\000\000\000\000'
  head -c 436 "$corpus/good_pss.ta" | tail -c +9; tail -c +457 "$corpus/good_pss.ta"; } >"$corpus/type0"
{ head -c 4 "$corpus/good_pss.ta"; printf '\002\000\000\000'; tail -c +9 "$corpus/good_pss.ta"; } >"$corpus/type2"
ls -l "$corpus"
