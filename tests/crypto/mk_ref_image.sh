#!/bin/bash
# Assembles a signed TA image (img_type 1) from the format description
# alone (optee-compat.md §5.1-5.2) with printf and the openssl command line:
# an implementation independent of tools/sign_ta, to check both against.
#   mk_ref_image.sh KEY.pem UUID TA_VERSION IN.elf pss|pkcs1 OUT.ta
set -euo pipefail
key=$1 uuid=$2 ver=$3 in=$4 algo=$5 out=$6
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

le32() { printf "\\x$(printf %02x $(($1 & 255)))\\x$(printf %02x $((($1 >> 8) & 255)))\\x$(printf %02x $((($1 >> 16) & 255)))\\x$(printf %02x $((($1 >> 24) & 255)))"; }
le16() { printf "\\x$(printf %02x $(($1 & 255)))\\x$(printf %02x $((($1 >> 8) & 255)))"; }

modhex=$(openssl rsa -in "$key" -noout -modulus | sed 's/^Modulus=//')
sig_size=$((${#modhex} / 2))
img_size=$(stat -c %s "$in")
case $algo in
pss) algo_id=0x70414930 opts=(-pkeyopt rsa_padding_mode:pss -pkeyopt rsa_pss_saltlen:32 -pkeyopt rsa_mgf1_md:sha256) ;;
pkcs1) algo_id=0x70004830 opts=(-pkeyopt rsa_padding_mode:pkcs1) ;;
*) echo "algo must be pss or pkcs1" >&2; exit 2 ;;
esac

{ le32 0x4f545348; le32 1; le32 "$img_size"; le32 $algo_id; le16 32; le16 $sig_size; } >"$tmp/shdr"
hex=${uuid//-/}
[ ${#hex} -eq 32 ] || { echo "bad uuid" >&2; exit 2; }
{ for i in $(seq 0 2 30); do printf "\\x${hex:$i:2}"; done; le32 "$ver"; } >"$tmp/boot"
cat "$tmp/shdr" "$tmp/boot" "$in" | openssl dgst -sha256 -binary >"$tmp/hash"
openssl pkeyutl -sign -inkey "$key" -in "$tmp/hash" -pkeyopt digest:sha256 \
	"${opts[@]}" -out "$tmp/sig"
cat "$tmp/shdr" "$tmp/hash" "$tmp/sig" "$tmp/boot" "$in" >"$out"
