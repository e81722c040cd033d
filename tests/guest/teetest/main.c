/*
 * teetest: in-guest regression tests of the OP-TEE message ABI, driven through
 * the Linux TEE subsystem's raw ioctls on /dev/tee0 (no libteec), against the
 * test pseudo TA (inc/rampart/abi/pta_test.h).
 *
 * Usage: teetest [--with-supplicant] [--budget SECONDS] [substring]
 * Prints one "@@RESULT <name> pass|fail <detail>@@" line per selected test
 * (tests/qemu/lib.sh report_results turns them into PASS/FAIL) and exits 0
 * iff every selected test passed.
 *
 * Each test runs in a forked child that the parent waits for with a timeout:
 * a call stuck in the secure world cannot be interrupted (the driver's SMC
 * loop ignores signals), so the parent never blocks on it. A timeout, a crash
 * or a missing verdict all become a fail line. Because the child is
 * short-lived, tests leave fds, sessions and registered memory to be released
 * by the kernel at exit (which exercises CLOSE_SESSION / UNREGISTER_SHM too).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "teetest.h"

static const struct test {
	const char *name;
	int (*fn)(void); /* 0 = pass */
	int arg;	 /* test_arg while it runs */
	int timeout_s;	 /* for the whole child */
	int supplicant;	 /* only with --with-supplicant */
} tests[] = {
	/* Quick ones first: a TEE wedged by a later test cannot hide them. */
	{"version", t_version, 0, 15, 0},
	{"open_close", t_open_close, 0, 20, 0},
	{"unknown_uuid", t_unknown_uuid, 0, 20, 0},
	{"value_add", t_value_add, 0, 20, 0},
	{"bad_param_types", t_bad_param_types, 0, 20, 0},
	{"memref_0", t_memref_0, 0, 20, 0},
	{"memref_1", t_memref, 0, 20, 0},
	{"memref_4096", t_memref, 1, 20, 0},
	{"memref_2_5mib_unaligned", t_memref, 2, 40, 0},
	{"memref_shm_alloc", t_memref_shm_alloc, 0, 20, 0},
	{"rpc_shm_kernel", t_rpc_shm, 0, 20, 0},
	{"rpc_get_time", t_rpc_get_time, 0, 20, 0},
	{"concurrent_fds", t_concurrent_fds, 0, 40, 0},
	{"cancel", t_cancel, 0, 50, 0},
	/* BARRIER itself gives up with BUSY after 60 s. */
	{"barrier_threads", t_barrier_threads, 0, 75, 0},
	{"ethread_limit", t_ethread_limit, 0, 40, 0},
	{"rpc_shm_appl", t_rpc_shm, 1, 20, 1},
	{"rpc_fs", t_rpc_fs, 0, 30, 1},
	{"rpc_load_ta_missing", t_rpc_load_ta_missing, 0, 20, 1},
	{"rpc_rpmb", t_rpc_rpmb, 0, 20, 1},
};

/* What the child runs: the test with its arg and seed. */
struct child {
	const struct test *t;
	uint64_t seed;
};

static bool run_fn(const void *arg)
{
	const struct child *c = arg;

	rng_state = c->seed | 1;
	test_arg = c->t->arg;
	return !c->t->fn();
}

int main(int argc, char **argv)
{
	struct runner run = {
		.budget = 270,
		.timeout_why = " (a TEE call did not return)",
	};
	int with_suppl = 0;
	uint64_t seed = (uint64_t)time(NULL) * 0x9e3779b97f4a7c15ull ^
			(uint64_t)getpid();

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--with-supplicant")) {
			with_suppl = 1;
		} else if (!strcmp(argv[i], "--budget") && i + 1 < argc) {
			run.budget = atoi(argv[++i]);
		} else if (argv[i][0] == '-' || run.filter) {
			fprintf(stderr, "usage: teetest [--with-supplicant] "
					"[--budget SECONDS] [substring]\n");
			return 2;
		} else {
			run.filter = argv[i];
		}
	}
	/* The whole run must end inside the host's QEMU timeout (300 s). */
	runner_start(&run);
	for (size_t i = 0; i < ARRAY_SIZE(tests); i++) {
		struct child c = {&tests[i], seed + i * 0x632be59bd9b4e019ull};

		if ((tests[i].supplicant && !with_suppl) ||
		    !runner_selected(&run, tests[i].name))
			continue;
		runner_run(&run, tests[i].name, run_fn, &c, tests[i].timeout_s,
			   NULL);
	}
	if (!run.ran)
		fprintf(stderr, "teetest: no test matches '%s'\n", run.filter);
	else
		fprintf(stderr, "teetest: %d/%d passed\n", run.passed, run.ran);
	return run.passed == run.ran && run.ran ? 0 : 1;
}
