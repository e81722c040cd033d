/*
 * tatest: TA instance life cycle: panics (TARGET_DEAD, then a fresh
 * instance), isolation between instances, repeated loads, and images the
 * core must refuse to load (installed by tests/qemu/test_user_ta.sh).
 */
#include <stdio.h>
#include <string.h>

#include <gp13_ta.h>

#include "tatest.h"

#define PANIC_CODE 0xbad0c0de

void t_panic_is_target_dead(void)
{
	TEEC_UUID u = gp13_uuid();
	TEEC_Session a, b;
	uint32_t x = 0, y = 0, origin;
	TEEC_Result r;

	if (!ctx_init() || !open_ta(&a, &u, "gp13"))
		return;
	r = gp13_sizes(&a, &x, &y, &origin);
	expect(r == TEEC_SUCCESS && x == 8, "before: 0x%08x %s", r, rn(r));

	r = gp13_panic(&a, PANIC_CODE, &origin);
	expect(r == TEEC_ERROR_TARGET_DEAD,
	       "panic: 0x%08x %s origin %u, want TARGET_DEAD", r, rn(r),
	       origin);
	note("panic: 0x%08x origin %u; ", r, origin);

	r = gp13_sizes(&a, &x, &y, &origin);
	expect(r == TEEC_ERROR_TARGET_DEAD,
	       "next invoke: 0x%08x %s origin %u, want TARGET_DEAD", r, rn(r),
	       origin);
	note("next: 0x%08x origin %u; ", r, origin);
	TEEC_CloseSession(&a);

	/* A new session gets a new instance. */
	if (open_ta(&b, &u, "gp13 after the panic")) {
		r = gp13_sizes(&b, &x, &y, &origin);
		expect(r == TEEC_SUCCESS && x == 8 && y == 16,
		       "new session: 0x%08x %s origin %u (%u, %u)", r, rn(r),
		       origin, x, y);
		note("new session: %s", rn(r));
		TEEC_CloseSession(&b);
	}
	TEEC_FinalizeContext(&ctx);
}

/*
 * GP: TARGET_DEAD comes from the TEE (TEEC_ORIGIN_TEE), on the panicking
 * call and on every later one. Kept apart from panic_is_target_dead so that
 * a wrong origin shows as its own result.
 */
void t_panic_origin_tee(void)
{
	TEEC_UUID u = gp13_uuid();
	TEEC_Session a;
	uint32_t x, y, o1 = 0, o2 = 0;
	TEEC_Result r1, r2;

	if (!ctx_init() || !open_ta(&a, &u, "gp13"))
		return;
	r1 = gp13_panic(&a, PANIC_CODE + 1, &o1);
	r2 = gp13_sizes(&a, &x, &y, &o2);
	expect(r1 == TEEC_ERROR_TARGET_DEAD && o1 == TEEC_ORIGIN_TEE,
	       "panicking call: 0x%08x %s origin %u, want TARGET_DEAD/TEE(3)",
	       r1, rn(r1), o1);
	expect(r2 == TEEC_ERROR_TARGET_DEAD && o2 == TEEC_ORIGIN_TEE,
	       "next call: 0x%08x %s origin %u, want TARGET_DEAD/TEE(3)", r2,
	       rn(r2), o2);
	note("origins %u, %u", o1, o2);
	TEEC_CloseSession(&a);
	TEEC_FinalizeContext(&ctx);
}

/*
 * hello_world (multi-instance: a TA instance per session) and gp13
 * (single-instance, multi-session) side by side; gp13 panics through one
 * session. The hello_world instances keep working; the other session on
 * the same gp13 instance is dead too (GP: the instance dies with all its
 * sessions); a new gp13 session gets a fresh instance that works while
 * the dead one's sessions are still open.
 */
void t_sessions_isolated(void)
{
	TEEC_UUID g = gp13_uuid(), h = hello_uuid();
	TEEC_Session h1, h2, a, b, c;
	uint32_t x, y, out, origin;
	TEEC_Result r;

	if (!ctx_init() || !open_ta(&h1, &h, "hello 1"))
		return;
	if (!open_ta(&h2, &h, "hello 2") || !open_ta(&a, &g, "gp13 a") ||
	    !open_ta(&b, &g, "gp13 b"))
		return;
	r = gp13_sizes(&b, &x, &y, &origin);
	expect(r == TEEC_SUCCESS, "b before: 0x%08x %s", r, rn(r));

	r = gp13_panic(&a, PANIC_CODE + 2, &origin);
	expect(r == TEEC_ERROR_TARGET_DEAD, "panic a: 0x%08x %s", r, rn(r));

	r = hello_inc(&h1, 42, &out, &origin);
	expect(r == TEEC_SUCCESS && out == 43,
	       "hello 1 after the panic: 0x%08x %s value %u", r, rn(r), out);
	r = hello_inc(&h2, 100, &out, &origin);
	expect(r == TEEC_SUCCESS && out == 101,
	       "hello 2 after the panic: 0x%08x %s value %u", r, rn(r), out);
	note("hello instances ok; ");

	r = gp13_sizes(&b, &x, &y, &origin);
	expect(r == TEEC_ERROR_TARGET_DEAD,
	       "b (same single instance): 0x%08x %s, want TARGET_DEAD", r,
	       rn(r));
	note("gp13 b on the dead instance: %s; ", rn(r));

	if (open_ta(&c, &g, "gp13 c (new instance)")) {
		r = gp13_sizes(&c, &x, &y, &origin);
		expect(r == TEEC_SUCCESS && x == 8,
		       "c: 0x%08x %s origin %u", r, rn(r), origin);
		r = hello_inc(&h1, 7, &out, &origin);
		expect(r == TEEC_SUCCESS && out == 8,
		       "hello 1 again: 0x%08x %s value %u", r, rn(r), out);
		note("new gp13 instance: %s", rn(r));
		TEEC_CloseSession(&c);
	}
	TEEC_CloseSession(&a);
	TEEC_CloseSession(&b);
	TEEC_CloseSession(&h2);
	TEEC_CloseSession(&h1);
	TEEC_FinalizeContext(&ctx);
}

/* Open, invoke and close 50 times, with a hello_world session kept open. */
void t_many_open_close(void)
{
	TEEC_UUID g = gp13_uuid(), h = hello_uuid();
	TEEC_Session keep, s;
	uint32_t x, y, out, origin;
	double t0 = now_s();
	int done = 0;
	TEEC_Result r;

	if (!ctx_init() || !open_ta(&keep, &h, "hello (kept)"))
		return;
	for (int i = 0; i < 50 && failures < 3; i++) {
		TEEC_UUID u = i % 5 == 4 ? h : g;

		if (!open_ta(&s, &u, i % 5 == 4 ? "hello" : "gp13"))
			continue;
		if (i % 5 == 4) {
			r = hello_inc(&s, (uint32_t)i, &out, &origin);
			expect(r == TEEC_SUCCESS && out == (uint32_t)i + 1,
			       "cycle %d hello: 0x%08x %s", i, r, rn(r));
		} else {
			r = gp13_sizes(&s, &x, &y, &origin);
			expect(r == TEEC_SUCCESS && x == 8,
			       "cycle %d gp13: 0x%08x %s", i, r, rn(r));
		}
		TEEC_CloseSession(&s);
		done += r == TEEC_SUCCESS;
	}
	r = hello_inc(&keep, 1, &out, &origin);
	expect(r == TEEC_SUCCESS && out == 2, "kept session: 0x%08x %s", r,
	       rn(r));
	TEEC_CloseSession(&keep);
	note("%d/50 cycles in %.1f s", done, now_s() - t0);
	expect(done == 50, "only %d of 50 cycles worked", done);
	TEEC_FinalizeContext(&ctx);
}

/*
 * cur_image: "control" (the gp13 ELF, its ta_head UUID patched, signed
 * with the dev key under a fresh UUID) must load; every other image must
 * be refused by the TEE with a loading error.
 */
void t_bad_image(void)
{
	const struct bad_image *b = cur_image;
	TEEC_Session s;
	uint32_t origin = 0, x, y;
	TEEC_Result r;

	if (!ctx_init())
		return;
	r = TEEC_OpenSession(&ctx, &s, &b->uuid, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin);
	note("%s 0x%08x origin %u", rn(r), r, origin);
	if (!strcmp(b->name, "control")) {
		expect(r == TEEC_SUCCESS, "the control image must load");
		if (r == TEEC_SUCCESS) {
			r = gp13_sizes(&s, &x, &y, &origin);
			expect(r == TEEC_SUCCESS && x == 8,
			       "control invoke: 0x%08x %s", r, rn(r));
		}
	} else {
		expect(r != TEEC_SUCCESS, "loaded");
		expect(r == TEEC_SUCCESS || origin == TEEC_ORIGIN_TEE,
		       "origin %u, want TEE(3)", origin);
		expect(r == TEEC_SUCCESS || r == TEEC_ERROR_SECURITY ||
			       r == TEEC_ERROR_BAD_FORMAT ||
			       r == TEEC_ERROR_ITEM_NOT_FOUND,
		       "want SECURITY, BAD_FORMAT or ITEM_NOT_FOUND");
	}
	if (r == TEEC_SUCCESS)
		TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&ctx);
}

void t_core_alive_after(void)
{
	TEEC_UUID g = gp13_uuid();
	TEEC_Session s;
	uint32_t x, y, origin;
	TEEC_Result r;

	if (!ctx_init())
		return;
	if (hello_roundtrip("hello_world"))
		note("hello_world 42 -> 43; ");
	if (open_ta(&s, &g, "gp13")) {
		r = gp13_sizes(&s, &x, &y, &origin);
		expect(r == TEEC_SUCCESS && x == 8, "gp13: 0x%08x %s", r,
		       rn(r));
		note("gp13 %s", rn(r));
		TEEC_CloseSession(&s);
	}
	TEEC_FinalizeContext(&ctx);
}
