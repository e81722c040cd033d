/*
 * FP/SIMD in TAs through fp_ta (tests/ta/fp_ta/include/fp_ta.h): results
 * of double, float and NEON code checked bit for bit, and a TA's V0-V31,
 * FPCR and FPSR surviving an RPC (the thread leaves the secure world and
 * may come back on another CPU), a TA-to-TA call to a callee that
 * clobbers them, and other sessions doing the same on other threads.
 * Every entry must also start from a zeroed FP state: nothing of the
 * normal world's, a caller's or another session's shows through.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <fp_ta.h>

#include "tatest.h"

#define FP_TYPES                                                               \
	TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,                  \
			 TEEC_VALUE_OUTPUT, TEEC_NONE)
#define FP_THREADS 4
#define FP_ROUNDS 12

struct fp_out {
	TEEC_Result r;
	uint32_t origin;
	uint32_t a1, b1, a2, b2;
};

static struct fp_out fp_cmd(TEEC_Session *s, uint32_t cmd, uint32_t a,
			    uint32_t b)
{
	TEEC_Operation op = new_op(FP_TYPES);
	struct fp_out o = {0};

	op.params[0].value.a = a;
	op.params[0].value.b = b;
	o.r = TEEC_InvokeCommand(s, cmd, &op, &o.origin);
	o.a1 = op.params[1].value.a;
	o.b1 = op.params[1].value.b;
	o.a2 = op.params[2].value.a;
	o.b2 = op.params[2].value.b;
	return o;
}

static bool open_fp(TEEC_Session *s)
{
	TEEC_UUID u = FP_TA_UUID;

	return ctx_init() && open_ta(s, &u, "fp_ta");
}

void t_fp_compute(void)
{
	static const uint32_t ns[] = {
		0, 1, 3, 7, 10, 100, 12345, 1u << 20, 0x7fffffffu, 0xffffffffu};
	TEEC_Session s;

	if (!open_fp(&s))
		return;
	for (size_t i = 0; i < ARRAY_SIZE(ns); i++) {
		uint32_t n = ns[i], sum = 0, fb;
		volatile double dn = n;
		volatile float fn = (float)n;
		double q = dn / 7.0;
		float f = fn / 3.0f;
		uint64_t qb;
		struct fp_out o = fp_cmd(&s, FP_CMD_COMPUTE, n, 0);

		for (uint32_t k = 0; k < 4; k++)
			sum += (n + k) * (n + k) + 5;
		memcpy(&qb, &q, sizeof(qb));
		memcpy(&fb, &f, sizeof(fb));
		expect(o.r == TEEC_SUCCESS, "compute(%u): 0x%08x %s", n, o.r,
		       rn(o.r));
		expect(((uint64_t)o.a1 << 32 | o.b1) == qb,
		       "%u/7.0: 0x%08x%08x, want 0x%016llx", n, o.a1, o.b1,
		       (unsigned long long)qb);
		expect(o.a2 == fb, "%u/3.0f: 0x%08x, want 0x%08x", n, o.a2, fb);
		expect((o.b2 & ~FP_COMPUTE_ENTRY_DIRTY) ==
			       (sum & ~FP_COMPUTE_ENTRY_DIRTY),
		       "neon(%u): 0x%08x, want 0x%08x", n, o.b2, sum);
		expect(!(o.b2 & FP_COMPUTE_ENTRY_DIRTY),
		       "compute(%u): entry FP state not zeroed", n);
	}
	note("%zu inputs", ARRAY_SIZE(ns));
	TEEC_CloseSession(&s);
}

void t_fp_survives_rpc(void)
{
	TEEC_Session s;
	struct fp_out o;
	unsigned int rounds = 0;

	if (!open_fp(&s))
		return;
	/* The check must see a clobber where the wait would be. */
	o = fp_cmd(&s, FP_CMD_CONTROL, 0x1234, 0x777);
	expect(o.r == TEEC_SUCCESS && o.a1 == FP_CONTROL_CHANGED,
	       "control: 0x%08x, %u values changed (want %u)", o.r, o.a1,
	       FP_CONTROL_CHANGED);
	for (uint32_t i = 0; i < 20 && !failures; i++, rounds++) {
		/* Odd rounds wait 0 ms: no RPC, the registers stay put. */
		o = fp_cmd(&s, FP_CMD_PATTERN_WAIT, 0x10000 * i + i,
			   i % 2 ? 0 : 3);
		expect(o.r == TEEC_SUCCESS, "round %u: 0x%08x %s", i, o.r,
		       rn(o.r));
		expect(o.a1 == 0, "round %u: %u of 66 values changed", i, o.a1);
		expect(o.b1 == 0, "round %u: entry FP state not zeroed", i);
	}
	note("%u rounds with TEE_Wait", rounds);
	TEEC_CloseSession(&s);
}

void t_fp_survives_crypto(void)
{
	TEEC_Session s;
	struct fp_out o;
	unsigned int rounds = 0;

	if (!open_fp(&s))
		return;
	for (uint32_t i = 0; i < 20 && !failures; i++, rounds++) {
		o = fp_cmd(&s, FP_CMD_PATTERN_CRYPTO, 0x20000 * i + i, 0);
		expect(o.r == TEEC_SUCCESS, "round %u: 0x%08x %s", i, o.r,
		       rn(o.r));
		expect(o.a1 == 0, "round %u: %u of 66 values changed", i, o.a1);
		expect(o.b1 == 0, "round %u: entry FP state not zeroed", i);
		expect(o.a2 == 1, "round %u: two runs differ", i);
	}
	note("%u rounds of AES-CBC over 8 KiB between fill and check", rounds);
	TEEC_CloseSession(&s);
}

void t_fp_ta2ta(void)
{
	TEEC_Session s;
	unsigned int rounds = 0;

	if (!open_fp(&s))
		return;
	for (uint32_t i = 0; i < 6 && !failures; i++, rounds++) {
		struct fp_out o = fp_cmd(&s, FP_CMD_TA2TA, 0xc0de0000 + i, 0);

		expect(o.r == TEEC_SUCCESS, "round %u: 0x%08x %s origin %u", i,
		       o.r, rn(o.r), o.origin);
		expect(o.a2 == TEEC_SUCCESS, "round %u: callee 0x%08x", i,
		       o.a2);
		expect(o.a1 == 0, "round %u: caller lost %u of 66 values", i,
		       o.a1);
		expect(o.b2 == 0, "round %u: callee saw the caller's FP state",
		       i);
		expect(o.b1 == 0, "round %u: entry FP state not zeroed", i);
	}
	note("%u TA-to-TA rounds", rounds);
	TEEC_CloseSession(&s);
}

struct fp_worker {
	pthread_t th;
	unsigned int id;
	bool opened;
	unsigned int ok, bad;
	struct fp_out first_bad;
};

/* Each worker has its own context and session; main checks the counts. */
static void *fp_worker_main(void *arg)
{
	struct fp_worker *w = arg;
	TEEC_Context c;
	TEEC_Session s;
	TEEC_UUID u = FP_TA_UUID;
	uint32_t origin;

	if (TEEC_InitializeContext(NULL, &c))
		return NULL;
	if (TEEC_OpenSession(&c, &s, &u, TEEC_LOGIN_PUBLIC, NULL, NULL,
			     &origin)) {
		TEEC_FinalizeContext(&c);
		return NULL;
	}
	w->opened = true;
	for (uint32_t i = 0; i < FP_ROUNDS; i++) {
		uint32_t seed = (w->id + 1) * 0x01010101u + i * 0x100;
		uint32_t cmd = i % 3 == 2 ? FP_CMD_TA2TA : FP_CMD_PATTERN_WAIT;
		struct fp_out o = fp_cmd(&s, cmd, seed, 2);
		bool good = o.r == TEEC_SUCCESS && o.a1 == 0 && o.b1 == 0 &&
			    (cmd != FP_CMD_TA2TA || (o.a2 == 0 && o.b2 == 0));

		if (good) {
			w->ok++;
		} else if (!w->bad++) {
			w->first_bad = o;
		}
	}
	TEEC_CloseSession(&s);
	TEEC_FinalizeContext(&c);
	return NULL;
}

void t_fp_concurrent(void)
{
	struct fp_worker w[FP_THREADS];
	unsigned int total = 0;

	memset(w, 0, sizeof(w));
	for (unsigned int i = 0; i < FP_THREADS; i++) {
		w[i].id = i;
		expect(!pthread_create(&w[i].th, NULL, fp_worker_main, &w[i]),
		       "pthread_create %u", i);
	}
	for (unsigned int i = 0; i < FP_THREADS; i++) {
		pthread_join(w[i].th, NULL);
		expect(w[i].opened, "worker %u: could not open fp_ta", i);
		expect(w[i].bad == 0,
		       "worker %u: %u bad rounds, first r=0x%08x changed=%u "
		       "dirty=%u callee=0x%08x/%u",
		       i, w[i].bad, w[i].first_bad.r, w[i].first_bad.a1,
		       w[i].first_bad.b1, w[i].first_bad.a2, w[i].first_bad.b2);
		total += w[i].ok;
	}
	expect(total == FP_THREADS * FP_ROUNDS, "%u of %u rounds good", total,
	       FP_THREADS * FP_ROUNDS);
	note("%u threads x %u rounds, all registers intact", FP_THREADS,
	     FP_ROUNDS);
}
