# Shared helpers for the in-QEMU tests (sourced). Every test prints
# "PASS name" / "FAIL name" lines; tests/run-all.sh counts them.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_QEMU="$REPO/scripts/run-qemu.sh"
TEST_OUT="$REPO/out/tests/qemu"
mkdir -p "$TEST_OUT"

pass() { echo "PASS $1${2:+ ($2)}"; }
fail() {
	echo "FAIL $1${2:+ ($2)}"
	if [ -n "${3:-}" ] && [ -f "$3" ]; then
		echo "---- last lines of $3 ----"
		tail -n 25 "$3"
		echo "----"
	fi
}

# A directory with the guest-side test programs, for --overlay: the scripts
# in tests/qemu/guest plus the built guest binaries in out/guest (if any).
guest_overlay() {
	local dir="$TEST_OUT/overlay"
	rm -rf "$dir"
	mkdir -p "$dir/usr/bin"
	cp "$REPO"/tests/qemu/guest/* "$dir/usr/bin/"
	if [ -d "$REPO/out/guest" ]; then
		find "$REPO/out/guest" -maxdepth 1 -type f \
			-exec cp {} "$dir/usr/bin/" \;
	fi
	chmod +x "$dir"/usr/bin/*
	echo "$dir"
}

# report_results PREFIX CONSOLE_LOG SECURE_LOG EXPECTED_NAMES...
# Turns the guest's @@RESULT lines into PASS/FAIL; a missing one fails.
report_results() {
	local prefix=$1 console=$2 secure=$3
	shift 3
	local name
	for name in "$@"; do
		local line
		line=$(grep -a "@@RESULT $name " "$console" | tail -1 | tr -d '\r')
		if [ -z "$line" ]; then
			fail "$prefix/$name" "no result from the guest" "$secure"
		elif echo "$line" | grep -q "@@RESULT $name pass"; then
			pass "$prefix/$name" "$(echo "$line" | sed 's/.* pass //; s/@@$//')"
		else
			fail "$prefix/$name" "$(echo "$line" | sed 's/.* fail //; s/@@$//')" "$secure"
		fi
	done
}
