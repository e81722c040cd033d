/*
 * Symmetric crypto throughput in a TA (bench/ta/perf_ta), through libteec:
 *
 *   cryptobench [TARGET_MS [REPS]]
 *     For AES-128 ECB/CBC/CTR/GCM/XTS and SHA-1/256/512 on 1 KiB, 64 KiB
 *     and 1 MiB buffers, one line each:
 *       crypto <alg> <bytes> iters=N ta_best=X ta_median=Y invoke=Z
 *     ta_best/ta_median (MiB/s): the TA loops N times over its own buffer
 *     and times the loop itself (TEE_GetSystemTime, ms), N chosen so that
 *     one run lasts about TARGET_MS (default 500), REPS runs (default 3);
 *     no world switch is inside the timed part.
 *     invoke (MiB/s): closer to OP-TEE's xtest --aes-perf/--sha-perf
 *     defaults (one operation per invocation, timed by the client): one
 *     operation per TEEC_InvokeCommand, timed here with CLOCK_MONOTONIC,
 *     median over the invocations (xtest reports the mean). It includes the
 *     round trip and, unlike xtest, the TA's key setup; the TA works on its
 *     own buffer (xtest's on the shared memory buffer), without refilling it.
 *
 *   cryptobench check
 *     Runs every command once with 3 chained iterations on 1 KiB and
 *     compares the output with known answers (computed with OpenSSL by
 *     bench/ta/perf_ta/known_answers.py), so the TA cannot skip the
 *     work. Prints @@RESULT perf_<alg> pass|fail ...@@ lines.
 *
 *   cryptobench work ALG BYTES ITERATIONS
 *     One TA loop of a fixed size, to compare builds by the host CPU time
 *     QEMU spends (bench/crypto_cpu_time.sh).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tee_client_api.h>
#include <time.h>

#include "perf_ta.h"

struct alg {
	const char *name;
	uint32_t cmd, a, b; /* [0] of the command */
	uint64_t check_fnv; /* FNV-1a 64 of the check run's output */
	size_t check_len;
};

static const struct alg algs[] = {
	{"aes128-ecb", PERF_CMD_AES, PERF_AES_ECB, 128, 0x53e0e82e0dd02e55ull,
	 1024},
	{"aes128-cbc", PERF_CMD_AES, PERF_AES_CBC, 128, 0xdd8de6f12a15a202ull,
	 1024},
	{"aes128-ctr", PERF_CMD_AES, PERF_AES_CTR, 128, 0xa26695c8354e3611ull,
	 1024},
	{"aes128-gcm", PERF_CMD_AES, PERF_AES_GCM, 128, 0xa873ed30da7d730bull,
	 1040},
	{"aes128-xts", PERF_CMD_AES, PERF_AES_XTS, 128, 0x8d668b72a4e2cb9aull,
	 1024},
	{"sha1", PERF_CMD_SHA, PERF_SHA1, 0, 0xe04c0d44155ab8f8ull, 20},
	{"sha256", PERF_CMD_SHA, PERF_SHA256, 0, 0x03d9b0bf0276d9d2ull, 32},
	{"sha512", PERF_CMD_SHA, PERF_SHA512, 0, 0xaeabbab728402121ull, 64},
};
#define NUM_ALGS (sizeof(algs) / sizeof(algs[0]))

static const uint32_t sizes[] = {1024, 64 * 1024, 1024 * 1024};
#define CHECK_SIZE 1024
#define CHECK_ITERATIONS 3
#define MAX_ITERATIONS 1000000u
#define INVOKE_BUDGET_MS 300.0

static TEEC_Context ctx;
static TEEC_Session sess;

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static uint64_t fnv1a64(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

/* One command; *ms = the TA's time. out may be NULL (no [3]). */
static TEEC_Result run(const struct alg *a, uint32_t size, uint32_t iters,
		       uint32_t *ms, void *out, size_t *out_len)
{
	TEEC_Operation op = {0};
	uint32_t ro;
	TEEC_Result res;

	op.paramTypes = TEEC_PARAM_TYPES(
		TEEC_VALUE_INPUT, TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
		out ? TEEC_MEMREF_TEMP_OUTPUT : TEEC_NONE);
	op.params[0].value.a = a->a;
	op.params[0].value.b = a->b;
	op.params[1].value.a = size;
	op.params[1].value.b = iters;
	if (out) {
		op.params[3].tmpref.buffer = out;
		op.params[3].tmpref.size = *out_len;
	}
	res = TEEC_InvokeCommand(&sess, a->cmd, &op, &ro);
	if (res)
		fprintf(stderr, "%s %u x%u: 0x%x origin %u\n", a->name, size,
			iters, res, ro);
	*ms = op.params[2].value.a;
	if (out)
		*out_len = op.params[3].tmpref.size;
	return res;
}

/* Requests perf_ta must refuse with BAD_PARAMETERS (and survive). */
static int check_refusals(void)
{
	static const struct {
		uint32_t cmd, a, b, size;
	} bad[] = {
		{PERF_CMD_AES, PERF_AES_CBC, 128, 17},
		{PERF_CMD_AES, PERF_AES_CBC, 128, 0},
		{PERF_CMD_AES, PERF_AES_CBC, 128, PERF_MAX_BUF + 16},
		{PERF_CMD_AES, 99, 128, 1024},
		{PERF_CMD_AES, PERF_AES_ECB, 100, 1024},
		{PERF_CMD_SHA, 99, 0, 1024},
	};
	uint32_t ms;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct alg a = {"bad", bad[i].cmd, bad[i].a, bad[i].b, 0, 0};
		TEEC_Result res = run(&a, bad[i].size, 1, &ms, NULL, NULL);

		if (res != TEEC_ERROR_BAD_PARAMETERS) {
			printf("@@RESULT perf_bad_params fail case %zu: "
			       "0x%x@@\n",
			       i, res);
			return 1;
		}
	}
	/* The session still works after the refusals. */
	if (run(&algs[0], 1024, 1, &ms, NULL, NULL)) {
		printf("@@RESULT perf_bad_params fail session unusable@@\n");
		return 1;
	}
	printf("@@RESULT perf_bad_params pass %zu refused@@\n",
	       sizeof(bad) / sizeof(bad[0]));
	return 0;
}

static int check(void)
{
	uint8_t out[CHECK_SIZE + 16];
	int failed = 0;

	for (size_t i = 0; i < NUM_ALGS; i++) {
		const struct alg *a = &algs[i];
		size_t len = sizeof(out);
		uint32_t ms;
		uint64_t h;

		if (run(a, CHECK_SIZE, CHECK_ITERATIONS, &ms, out, &len)) {
			printf("@@RESULT perf_%s fail command failed@@\n",
			       a->name);
			failed++;
			continue;
		}
		h = fnv1a64(out, len);
		if (len == a->check_len && h == a->check_fnv) {
			printf("@@RESULT perf_%s pass %zu bytes, fnv "
			       "%016llx@@\n",
			       a->name, len, (unsigned long long)h);
		} else {
			printf("@@RESULT perf_%s fail %zu bytes (want %zu), "
			       "fnv "
			       "%016llx (want %016llx)@@\n",
			       a->name, len, a->check_len,
			       (unsigned long long)h,
			       (unsigned long long)a->check_fnv);
			failed++;
		}
	}
	failed += check_refusals();
	return failed ? 1 : 0;
}

/*
 * A fixed amount of work (for comparing builds by the host CPU time QEMU
 * spends, which a loaded host does not distort as it does the TA's clock).
 */
static int fixed_work(const char *name, uint32_t size, uint32_t iters)
{
	uint32_t ms;

	for (size_t i = 0; i < NUM_ALGS; i++) {
		if (strcmp(algs[i].name, name))
			continue;
		if (run(&algs[i], size, iters, &ms, NULL, NULL))
			return 1;
		printf("work %s %u x %u: %u ms\n", name, size, iters, ms);
		return 0;
	}
	fprintf(stderr, "unknown algorithm %s\n", name);
	return 2;
}

static double mibs(uint32_t size, uint32_t iters, double ms)
{
	return ms > 0 ? (double)size * iters / (ms / 1e3) / (1024.0 * 1024.0)
		      : 0;
}

/* Iterations for about target_ms of TA time. */
static int calibrate(const struct alg *a, uint32_t size, unsigned target_ms,
		     uint32_t *iters)
{
	uint32_t n = 1, ms;

	for (;;) {
		if (run(a, size, n, &ms, NULL, NULL))
			return -1;
		if (ms >= target_ms / 4 || n >= MAX_ITERATIONS)
			break;
		n = ms < 8 ? n * 16 : (uint32_t)((uint64_t)n * target_ms / ms);
		if (n > MAX_ITERATIONS)
			n = MAX_ITERATIONS;
	}
	if (ms) {
		uint64_t want = (uint64_t)n * target_ms / ms;

		n = want < 1		    ? 1
		    : want > MAX_ITERATIONS ? MAX_ITERATIONS
					    : (uint32_t)want;
	}
	*iters = n;
	return 0;
}

static int bench_one(const struct alg *a, uint32_t size, unsigned target_ms,
		     int reps)
{
	double ta[16], inv[200], per_op;
	uint32_t n, ms;
	int k;

	if (calibrate(a, size, target_ms, &n))
		return -1;
	for (int r = 0; r < reps; r++) {
		if (run(a, size, n, &ms, NULL, NULL))
			return -1;
		ta[r] = mibs(size, n, ms);
	}
	qsort(ta, (size_t)reps, sizeof(ta[0]), cmp_double);
	/* One operation per invocation, a budget of ~INVOKE_BUDGET_MS. */
	per_op = (double)target_ms / n;
	k = (int)(INVOKE_BUDGET_MS / (per_op + 0.5));
	k = k < 5 ? 5 : k > 200 ? 200 : k;
	for (int i = 0; i < k; i++) {
		double t0 = now_ms();

		if (run(a, size, 1, &ms, NULL, NULL))
			return -1;
		inv[i] = now_ms() - t0;
	}
	qsort(inv, (size_t)k, sizeof(inv[0]), cmp_double);
	printf("crypto %s %u iters=%u ta_best=%.2f ta_median=%.2f "
	       "invoke=%.2f invoke_n=%d\n",
	       a->name, size, n, ta[reps - 1], ta[reps / 2],
	       mibs(size, 1, inv[k / 2]), k);
	fflush(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	const TEEC_UUID uuid = PERF_TA_UUID;
	unsigned target_ms = 500;
	int reps = 3, failed = 0;
	uint32_t ro;
	TEEC_Result res;

	if (TEEC_InitializeContext(NULL, &ctx)) {
		fprintf(stderr, "TEEC_InitializeContext failed\n");
		return 2;
	}
	res = TEEC_OpenSession(&ctx, &sess, &uuid, TEEC_LOGIN_PUBLIC, NULL,
			       NULL, &ro);
	if (res) {
		fprintf(stderr, "open perf_ta: 0x%x origin %u\n", res, ro);
		return 2;
	}
	if (argc > 1 && !strcmp(argv[1], "check")) {
		failed = check();
	} else if (argc == 5 && !strcmp(argv[1], "work")) {
		failed = fixed_work(argv[2], (uint32_t)atoi(argv[3]),
				    (uint32_t)atoi(argv[4]));
	} else {
		if (argc > 1)
			target_ms = (unsigned)atoi(argv[1]);
		if (argc > 2)
			reps = atoi(argv[2]);
		if (target_ms < 10 || target_ms > 60000 || reps < 1 ||
		    reps > 16)
			return 2;
		for (size_t i = 0; i < NUM_ALGS; i++)
			for (size_t s = 0; s < sizeof(sizes) / sizeof(*sizes);
			     s++)
				if (bench_one(&algs[i], sizes[s], target_ms,
					      reps)) {
					printf("crypto %s %u fail\n",
					       algs[i].name, sizes[s]);
					failed = 1;
				}
	}
	TEEC_CloseSession(&sess);
	TEEC_FinalizeContext(&ctx);
	return failed;
}
