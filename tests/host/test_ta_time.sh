#!/bin/bash
# core/tee/ta_time.c (TA persistent time) built for the host with ASan and
# UBSan over fakes of what it calls: the system counter, the running TA
# (its UUID and address space) and copy_from_user/copy_to_user over a fake
# TA memory. Checks TIME_NOT_SET, the offset arithmetic, GP's OVERFLOW with
# the seconds modulo 2^32, one time per UUID, the 64-UUID bound
# (OUT_OF_MEMORY), millis >= 1000 and every pointer check. The in-QEMU
# suite (tatest gp13_ta_time*) runs the same code under real TAs.
set -u
REPO=$(cd "$(dirname "$0")/../.." && pwd)
HOST_CC=${HOST_CC:-gcc}
WORK=$REPO/out/tests/ta_time
mkdir -p "$WORK"

cat >"$WORK/t.c" <<'C'
#include <drivers/secure_timer.h>
#include <kernel/user_access.h>
#include <mm/uspace.h>
#include <rampart/abi/utee.h>
#include <stdio.h>
#include <string.h>
#include <tee/ta_time.h>
#include <tee/user_ta.h>

static int fails;
#define T(name, cond) do { if (cond) printf("PASS ta_time/%s\n", name); \
	else { printf("FAIL ta_time/%s (line %d)\n", name, __LINE__); fails++; } } while (0)

#define FREQ 62500000ull
#define MEM_BASE 0x40000000ull /* the fake TA's memory: 2 pages */
#define RO_END (MEM_BASE + 4096) /* first page read-only */
static uint8_t mem[8192];
static uint64_t counter;
static uint8_t cur_uuid[16];
static bool running = true;

uint64_t system_counter(void) { return counter; }
uint64_t secure_timer_freq(void) { return FREQ; }
struct ta_instance *user_ta_current(void)
{
	return running ? (struct ta_instance *)cur_uuid : NULL;
}
const uint8_t *user_ta_uuid(const struct ta_instance *ta)
{
	return (const uint8_t *)ta;
}
const struct uspace *user_ta_current_uspace(void)
{
	return running ? (const struct uspace *)mem : NULL;
}
bool uspace_access_ok(const struct uspace *u, uaddr_t va, size_t len, bool write)
{
	(void)u;
	if (va < MEM_BASE || len > sizeof(mem) || va - MEM_BASE > sizeof(mem) - len)
		return false;
	return !write || va >= RO_END;
}
void copy_from_user(void *dst, uaddr_t src, size_t len) { memcpy(dst, mem + (src - MEM_BASE), len); }
void copy_to_user(uaddr_t dst, const void *src, size_t len) { memcpy(mem + (dst - MEM_BASE), src, len); }

static const uaddr_t RW = RO_END + 64, RO = MEM_BASE + 64;

static void as_ta(unsigned int n) { memset(cur_uuid, 0, 16); cur_uuid[0] = 0x40; cur_uuid[14] = (uint8_t)(n >> 8); cur_uuid[15] = (uint8_t)n; }
static TEE_Result set(uint32_t s, uint32_t ms)
{
	struct utee_time t = { s, ms };
	memcpy(mem + (RO - MEM_BASE), &t, sizeof(t));
	return ta_time_set(RO); /* read-only memory is fine to read from */
}
static TEE_Result get(struct utee_time *t)
{
	TEE_Result r;
	memset(mem + (RW - MEM_BASE), 0xee, sizeof(*t));
	r = ta_time_get(RW);
	memcpy(t, mem + (RW - MEM_BASE), sizeof(*t));
	return r;
}
static void advance_ms(uint64_t ms) { counter += ms * (FREQ / 1000); }

int main(void)
{
	struct utee_time t;
	TEE_Result r;
	int ok;

	counter = 123456789ull * FREQ; /* a long uptime */
	as_ta(1);
	r = get(&t);
	T("not_set", r == 0xFFFF5000u && t.seconds == 0xeeeeeeee);
	T("set", set(1000, 500) == TEE_SUCCESS);
	T("get_right_after", get(&t) == TEE_SUCCESS && t.seconds == 1000 && t.millis == 500);
	advance_ms(1250);
	T("runs_with_the_counter", get(&t) == TEE_SUCCESS && t.seconds == 1001 && t.millis == 750);
	T("millis_1000_refused", set(7, 1000) == TEE_ERROR_BAD_PARAMETERS &&
	  get(&t) == TEE_SUCCESS && t.seconds == 1001);
	T("set_back_in_time", set(3, 0) == TEE_SUCCESS && get(&t) == TEE_SUCCESS &&
	  t.seconds == 3 && t.millis == 0);

	as_ta(2);
	r = get(&t);
	ok = r == 0xFFFF5000u;
	ok &= set(5, 0) == TEE_SUCCESS;
	as_ta(1);
	ok &= get(&t) == TEE_SUCCESS && t.seconds == 3;
	T("per_uuid", ok);

	T("overflow_at_set", set(UINT32_MAX, 999) == TEE_SUCCESS && get(&t) == TEE_SUCCESS &&
	  t.seconds == UINT32_MAX && t.millis == 999);
	advance_ms(10);
	r = get(&t);
	T("overflow_modulo_2_32", r == TEE_ERROR_OVERFLOW && t.seconds == 0 && t.millis == 9);
	advance_ms(5000);
	r = get(&t);
	T("overflow_stays", r == TEE_ERROR_OVERFLOW && t.seconds == 5 && t.millis == 9);
	T("set_after_overflow", set(10, 0) == TEE_SUCCESS && get(&t) == TEE_SUCCESS && t.seconds == 10);

	/* Pointer checks: get needs 8 writable bytes, set 8 readable ones. */
	T("get_read_only", ta_time_get(RO) == TEE_ERROR_ACCESS_DENIED);
	T("get_unmapped", ta_time_get(0x1000) == TEE_ERROR_ACCESS_DENIED &&
	  ta_time_get(0) == TEE_ERROR_ACCESS_DENIED);
	T("get_straddling", ta_time_get(MEM_BASE + sizeof(mem) - 4) == TEE_ERROR_ACCESS_DENIED);
	T("get_wrapping", ta_time_get(UINT64_MAX - 3) == TEE_ERROR_ACCESS_DENIED);
	T("set_unmapped", ta_time_set(0) == TEE_ERROR_ACCESS_DENIED &&
	  ta_time_set(MEM_BASE + sizeof(mem) - 4) == TEE_ERROR_ACCESS_DENIED &&
	  ta_time_set(UINT64_MAX - 3) == TEE_ERROR_ACCESS_DENIED);
	as_ta(3);
	T("bad_pointer_before_not_set", ta_time_get(RO) == TEE_ERROR_ACCESS_DENIED);
	running = false;
	T("no_ta_running", ta_time_get(RW) == TEE_ERROR_BAD_STATE &&
	  ta_time_set(RO) == TEE_ERROR_BAD_STATE);
	running = true;

	/* 64 UUIDs: 1 and 2 hold one already; 62 more fit, the next does not. */
	ok = 1;
	for (unsigned int n = 100; n < 162; n++) {
		as_ta(n);
		ok &= set(n, 0) == TEE_SUCCESS;
	}
	T("64_uuids", ok);
	as_ta(500);
	T("65th_out_of_memory", set(1, 0) == TEE_ERROR_OUT_OF_MEMORY && get(&t) == 0xFFFF5000u);
	as_ta(2);
	T("full_table_updates", set(77, 0) == TEE_SUCCESS && get(&t) == TEE_SUCCESS && t.seconds == 77);
	as_ta(161);
	T("full_table_reads", get(&t) == TEE_SUCCESS && t.seconds == 161);
	return fails != 0;
}
C
if (cd "$REPO" && $HOST_CC -std=gnu11 -O1 -g -Wall -Wextra -Werror \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-Iinc -Icore/include -Iplat/qemu_virt/include -idirafter lib/libc/include \
	core/tee/ta_time.c "$WORK/t.c" -o "$WORK/t") >"$WORK/build.log" 2>&1; then
	"$WORK/t" 2>"$WORK/run.log"
	rc=$?
	if grep -q . "$WORK/run.log" || [ $rc -gt 1 ]; then
		echo "FAIL ta_time/sanitizers ($(head -c 300 "$WORK/run.log"))"
	else
		echo "PASS ta_time/sanitizers"
	fi
else
	echo "FAIL ta_time/build ($(head -c 400 "$WORK/build.log" | tr '\n' ' '))"
fi
