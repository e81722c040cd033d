/*
 * tatest: isolation of user-mode TAs, with isolation_ta
 * (tests/ta/isolation_ta), which misbehaves on request, and the debug
 * pseudo TA (inc/rampart/abi/pta_debug.h), which tells core addresses and
 * the TA page pool's free pages. A TA touching core memory or another TA's
 * memory, or handing such pointers to a system call, is killed
 * (TARGET_DEAD) or refused (ACCESS_DENIED); W^X holds; a stack overflow
 * kills the TA; the other sessions and the core live on; loading, killing
 * and closing TAs leaks no page of the pool.
 */
#include <stdio.h>
#include <string.h>

#include <gp13_ta.h>
#include <isolation_ta.h>
#include <rampart/abi/pta_debug.h>

#include "tatest.h"

#define VIN TEEC_VALUE_INPUT
#define VOUT TEEC_VALUE_OUTPUT
#define NONE TEEC_NONE
#define FAR (4ull << 20) /* "not in the attacker's own mappings" margin */

static TEEC_UUID iso_uuid(void)
{
	TEEC_UUID u = ISOLATION_TA_UUID;

	return u;
}

static TEEC_UUID debug_uuid(void)
{
	static const uint8_t o[16] = PTA_DEBUG_UUID_OCTETS;
	TEEC_UUID u;

	u.timeLow = (uint32_t)o[0] << 24 | (uint32_t)o[1] << 16 |
		    (uint32_t)o[2] << 8 | o[3];
	u.timeMid = (uint16_t)(o[4] << 8 | o[5]);
	u.timeHiAndVersion = (uint16_t)(o[6] << 8 | o[7]);
	memcpy(u.clockSeqAndNode, o + 8, 8);
	return u;
}

static uint64_t get_addr(const TEEC_Value *v)
{
	return (uint64_t)v->a | (uint64_t)v->b << 32;
}

static void set_addr(TEEC_Value *v, uint64_t a)
{
	v->a = (uint32_t)a;
	v->b = (uint32_t)(a >> 32);
}

static bool open_iso(TEEC_Session *s, const char *what)
{
	TEEC_UUID u = iso_uuid();

	return open_ta(s, &u, what);
}

/* The addresses of a local (stack), a global and a function of s. */
struct iso_addrs {
	uint64_t local, global, func;
	uint32_t magic;
};

static TEEC_Result iso_report(TEEC_Session *s, struct iso_addrs *a)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VOUT, VOUT, VOUT, VOUT));
	uint32_t origin = 0;
	TEEC_Result r = TEEC_InvokeCommand(s, ISO_CMD_REPORT_ADDRS, &op,
					   &origin);

	a->local = get_addr(&op.params[0].value);
	a->global = get_addr(&op.params[1].value);
	a->func = get_addr(&op.params[2].value);
	a->magic = op.params[3].value.a;
	return r;
}

/* s still works: REPORT_ADDRS succeeds with the global's magic value. */
static bool iso_alive(TEEC_Session *s, const char *what)
{
	struct iso_addrs a;
	TEEC_Result r = iso_report(s, &a);

	expect(r == TEEC_SUCCESS && a.magic == ISO_GLOBAL_MAGIC,
	       "%s: REPORT_ADDRS 0x%08x %s magic 0x%x", what, r, rn(r),
	       a.magic);
	return r == TEEC_SUCCESS && a.magic == ISO_GLOBAL_MAGIC;
}

static TEEC_Result iso_read(TEEC_Session *s, uint64_t addr, uint32_t *origin)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VIN, VOUT, NONE, NONE));

	set_addr(&op.params[0].value, addr);
	*origin = 0;
	return TEEC_InvokeCommand(s, ISO_CMD_READ_ADDR, &op, origin);
}

static TEEC_Result iso_syscall(TEEC_Session *s, uint64_t addr, uint32_t mode,
			       uint32_t *origin)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VIN, VIN, NONE, NONE));

	set_addr(&op.params[0].value, addr);
	op.params[1].value.a = mode;
	*origin = 0;
	return TEEC_InvokeCommand(s, ISO_CMD_SYSCALL_BAD_PTR, &op, origin);
}

static TEEC_Result iso_cmd(TEEC_Session *s, uint32_t cmd, uint32_t *origin)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(VOUT, NONE, NONE, NONE));

	*origin = 0;
	return TEEC_InvokeCommand(s, cmd, &op, origin);
}

static TEEC_Result debug_cmd(TEEC_Session *d, uint32_t cmd, TEEC_Value *v0,
			     TEEC_Value *v1)
{
	TEEC_Operation op = new_op(TEEC_PARAM_TYPES(
		VOUT, cmd == PTA_DEBUG_CMD_CORE_ADDRS ? VOUT : NONE, NONE,
		NONE));
	uint32_t origin = 0;
	TEEC_Result r = TEEC_InvokeCommand(d, cmd, &op, &origin);

	*v0 = op.params[0].value;
	if (v1)
		*v1 = op.params[1].value;
	return r;
}

static bool core_addrs(uint64_t *data, uint64_t *text)
{
	TEEC_UUID u = debug_uuid();
	TEEC_Value v0, v1;
	TEEC_Session d;
	TEEC_Result r;

	if (!open_ta(&d, &u, "debug PTA"))
		return false;
	r = debug_cmd(&d, PTA_DEBUG_CMD_CORE_ADDRS, &v0, &v1);
	TEEC_CloseSession(&d);
	expect(r == TEEC_SUCCESS, "CORE_ADDRS: 0x%08x %s", r, rn(r));
	*data = get_addr(&v0);
	*text = get_addr(&v1);
	return r == TEEC_SUCCESS;
}

static uint64_t dist(uint64_t a, uint64_t b)
{
	return a > b ? a - b : b - a;
}

/*
 * Opens an isolation_ta instance none of whose own stack, data or code is
 * near target (ASLR makes that likely; a few tries make it certain), so
 * that reading target is reading someone else's memory.
 */
static bool open_attacker(TEEC_Session *s, uint64_t target)
{
	struct iso_addrs a;

	for (int i = 0; i < 8; i++) {
		if (!open_iso(s, "attacker"))
			return false;
		if (iso_report(s, &a) == TEEC_SUCCESS &&
		    dist(a.local, target) > FAR &&
		    dist(a.global, target) > FAR && dist(a.func, target) > FAR)
			return true;
		TEEC_CloseSession(s);
	}
	expect(false, "no attacker instance far from 0x%llx in 8 tries",
	       (unsigned long long)target);
	return false;
}

/* One misbehaving command: TARGET_DEAD from the TEE, then dead for good. */
static void expect_killed(TEEC_Session *s, TEEC_Result r, uint32_t origin,
			  const char *what)
{
	uint32_t o2;
	TEEC_Result r2;

	expect(r == TEEC_ERROR_TARGET_DEAD && origin == TEEC_ORIGIN_TEE,
	       "%s: 0x%08x %s origin %u, want TARGET_DEAD/TEE", what, r,
	       rn(r), origin);
	r2 = iso_cmd(s, ISO_CMD_REPORT_ADDRS, &o2);
	expect(r2 == TEEC_ERROR_TARGET_DEAD || r2 == TEEC_ERROR_BAD_PARAMETERS,
	       "%s, next call: 0x%08x %s", what, r2, rn(r2));
	note("%s: %s; ", what, rn(r));
}

void t_read_core_memory(void)
{
	uint64_t data, text;
	TEEC_Session a, b;
	uint32_t origin;

	if (!ctx_init() || !core_addrs(&data, &text))
		return;
	note("core data 0x%llx text 0x%llx; ", (unsigned long long)data,
	     (unsigned long long)text);
	if (!open_iso(&b, "bystander"))
		return;
	if (open_iso(&a, "attacker")) {
		expect_killed(&a, iso_read(&a, data, &origin), origin,
			      "core data");
		TEEC_CloseSession(&a);
	}
	if (open_iso(&a, "attacker 2")) {
		expect_killed(&a, iso_read(&a, text, &origin), origin,
			      "core text");
		TEEC_CloseSession(&a);
	}
	if (iso_alive(&b, "bystander"))
		note("bystander alive");
	TEEC_CloseSession(&b);
	TEEC_FinalizeContext(&ctx);
}

void t_read_other_ta(void)
{
	struct iso_addrs v;
	TEEC_Session victim, a;
	uint32_t origin;
	TEEC_Result r;

	if (!ctx_init() || !open_iso(&victim, "victim"))
		return;
	r = iso_report(&victim, &v);
	expect(r == TEEC_SUCCESS, "victim REPORT_ADDRS: 0x%08x %s", r, rn(r));
	if (r != TEEC_SUCCESS)
		return;
	if (open_attacker(&a, v.global)) {
		expect_killed(&a, iso_read(&a, v.global, &origin), origin,
			      "victim global");
		TEEC_CloseSession(&a);
	}
	if (open_attacker(&a, v.local)) {
		expect_killed(&a, iso_read(&a, v.local, &origin), origin,
			      "victim stack");
		TEEC_CloseSession(&a);
	}
	if (open_attacker(&a, v.func)) {
		expect_killed(&a, iso_read(&a, v.func, &origin), origin,
			      "victim code");
		TEEC_CloseSession(&a);
	}
	if (iso_alive(&victim, "victim"))
		note("victim alive");
	TEEC_CloseSession(&victim);
	TEEC_FinalizeContext(&ctx);
}

void t_syscall_bad_pointers(void)
{
	static const char *const modes[] = {"check read", "check write",
					    "random"};
	struct iso_addrs v, own;
	uint64_t data, text, targets[3];
	static const char *const tname[] = {"core data", "core text",
					    "victim global"};
	TEEC_Session victim, a;
	uint32_t origin;
	TEEC_Result r;
	int denied = 0, killed = 0;

	if (!ctx_init() || !core_addrs(&data, &text) ||
	    !open_iso(&victim, "victim"))
		return;
	r = iso_report(&victim, &v);
	expect(r == TEEC_SUCCESS, "victim REPORT_ADDRS: 0x%08x %s", r, rn(r));
	targets[0] = data;
	targets[1] = text;
	targets[2] = v.global;
	for (int t = 0; t < 3; t++) {
		for (uint32_t m = 0; m < 3; m++) {
			if (!open_attacker(&a, targets[t]))
				continue;
			r = iso_syscall(&a, targets[t], m, &origin);
			expect(r == TEEC_ERROR_ACCESS_DENIED ||
				       r == TEEC_ERROR_TARGET_DEAD,
			       "%s on %s: 0x%08x %s", modes[m], tname[t], r,
			       rn(r));
			if (r == TEEC_ERROR_ACCESS_DENIED) {
				denied++;
				iso_alive(&a, "after ACCESS_DENIED");
			} else if (r == TEEC_ERROR_TARGET_DEAD) {
				killed++;
			}
			TEEC_CloseSession(&a);
		}
	}
	/* The control: the attacker's own global is fine. */
	if (open_iso(&a, "control") && iso_report(&a, &own) == TEEC_SUCCESS) {
		r = iso_syscall(&a, own.global, 1, &origin);
		expect(r == TEEC_SUCCESS, "check write on own global: 0x%08x %s",
		       r, rn(r));
		TEEC_CloseSession(&a);
	}
	note("%d denied, %d killed; ", denied, killed);
	if (iso_alive(&victim, "victim"))
		note("victim alive");
	TEEC_CloseSession(&victim);
	TEEC_FinalizeContext(&ctx);
}

/* cmd kills the TA; a bystander instance and a fresh one work. */
static void killed_by(uint32_t cmd, const char *what)
{
	TEEC_Session a, b;
	uint32_t origin;

	if (!ctx_init() || !open_iso(&b, "bystander"))
		return;
	if (open_iso(&a, what)) {
		expect_killed(&a, iso_cmd(&a, cmd, &origin), origin, what);
		TEEC_CloseSession(&a);
	}
	iso_alive(&b, "bystander");
	if (open_iso(&a, "fresh instance")) {
		if (iso_alive(&a, "fresh instance"))
			note("bystander and fresh instance alive");
		TEEC_CloseSession(&a);
	}
	TEEC_CloseSession(&b);
	TEEC_FinalizeContext(&ctx);
}

void t_write_own_code(void)
{
	killed_by(ISO_CMD_WRITE_OWN_CODE, "write own code");
}

void t_exec_stack(void)
{
	killed_by(ISO_CMD_EXEC_STACK, "exec stack");
}

void t_exec_heap(void)
{
	killed_by(ISO_CMD_EXEC_HEAP, "exec heap");
}

void t_stack_overflow(void)
{
	killed_by(ISO_CMD_STACK_OVERFLOW, "stack overflow");
}

/* One open/panic/close and one open/invoke/close of each TA. */
static void cycle(int i)
{
	TEEC_UUID g = gp13_uuid();
	TEEC_Session s;
	uint32_t origin, x, y;
	TEEC_Result r;

	if (open_ta(&s, &g, "gp13")) {
		r = gp13_panic(&s, 0xbad00000u + (uint32_t)i, &origin);
		expect(r == TEEC_ERROR_TARGET_DEAD, "cycle %d gp13 panic: %s",
		       i, rn(r));
		TEEC_CloseSession(&s);
	}
	if (open_ta(&s, &g, "gp13")) {
		r = gp13_sizes(&s, &x, &y, &origin);
		expect(r == TEEC_SUCCESS, "cycle %d gp13: %s", i, rn(r));
		TEEC_CloseSession(&s);
	}
	if (open_iso(&s, "isolation_ta")) {
		r = iso_cmd(&s, i % 2 ? ISO_CMD_STACK_OVERFLOW
				      : ISO_CMD_EXEC_HEAP,
			    &origin);
		expect(r == TEEC_ERROR_TARGET_DEAD, "cycle %d iso abort: %s",
		       i, rn(r));
		TEEC_CloseSession(&s);
	}
	if (open_iso(&s, "isolation_ta")) {
		iso_alive(&s, "cycle");
		TEEC_CloseSession(&s);
	}
}

void t_no_page_leak(void)
{
	TEEC_UUID u = debug_uuid();
	TEEC_Value before, after, v;
	TEEC_Session d, s;
	TEEC_Result r;

	if (!ctx_init() || !open_ta(&d, &u, "debug PTA"))
		return;
	cycle(-1); /* warm up: anything allocated once for good */
	r = debug_cmd(&d, PTA_DEBUG_CMD_PAGE_POOL_FREE, &before, NULL);
	expect(r == TEEC_SUCCESS && before.b && before.a <= before.b,
	       "PAGE_POOL_FREE: 0x%08x %s (%u of %u)", r, rn(r), before.a,
	       before.b);
	/* The count means something: an open instance holds pages. */
	if (open_iso(&s, "isolation_ta (held)")) {
		debug_cmd(&d, PTA_DEBUG_CMD_PAGE_POOL_FREE, &v, NULL);
		expect(v.a < before.a, "free pages %u with a TA open, %u without",
		       v.a, before.a);
		note("%u with a TA open; ", v.a);
		TEEC_CloseSession(&s);
	}
	for (int i = 0; i < 20 && failures < 3; i++) {
		cycle(i);
		if (i == 9) {
			debug_cmd(&d, PTA_DEBUG_CMD_PAGE_POOL_FREE, &v, NULL);
			note("after 10: %u; ", v.a);
		}
	}
	r = debug_cmd(&d, PTA_DEBUG_CMD_PAGE_POOL_FREE, &after, NULL);
	expect(r == TEEC_SUCCESS && after.a == before.a,
	       "free pages %u before, %u after 20 cycles (%s)", before.a,
	       after.a, rn(r));
	note("free pages %u of %u before, %u after", before.a, before.b,
	     after.a);
	TEEC_CloseSession(&d);
	TEEC_FinalizeContext(&ctx);
}
