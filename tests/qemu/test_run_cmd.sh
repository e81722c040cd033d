#!/bin/bash
# `make run CMD=...` returns the guest command's status; OVERLAY= files
# reach the guest.
set -u
. "$(dirname "$0")/lib.sh"

dir="$TEST_OUT/user-overlay"
rm -rf "$dir"
mkdir -p "$dir/usr/bin"
printf '#!/bin/sh\necho "overlay-marker-$1"\n' > "$dir/usr/bin/hello-overlay"
chmod +x "$dir/usr/bin/hello-overlay"

out="$TEST_OUT/make-run.out"
make -s -C "$REPO" run OVERLAY="$dir" CMD='hello-overlay 42; exit 7' >"$out" 2>&1
rc=$?
if [ $rc -eq 7 ]; then
	pass "run/exit_status" "make run returned 7"
else
	fail "run/exit_status" "make run returned $rc" "$out"
fi
if grep -q "overlay-marker-42" "$out"; then
	pass "run/overlay"
else
	fail "run/overlay" "marker missing" "$out"
fi
