/*
 * teec_test: in-guest tests of the GlobalPlatform TEE Client API, through
 * <tee_client_api.h> only (no raw ioctls), against the test pseudo TA
 * (inc/rampart/abi/pta_test.h).
 *
 * Built twice (client/libteec/libteec.mk): teec_test, statically against
 * Rampart's libteec.a, and teec_test_debian (-DTEEC_TEST_DEBIAN), against
 * Debian's libteec.so.1 (optee_client 3.19) but compiled with Rampart's
 * header, which is therefore also a binary-compatibility test. Where 3.19
 * behaves differently by design (documented in client/libteec/README.md),
 * the expectation follows the library under test; checks that would crash
 * 3.19 (it dereferences some NULL arguments) are run for ours only.
 *
 * Usage: teec_test [--budget SECONDS] [substring]
 * Prints "@@RESULT <name> pass|fail <detail>@@" per test and exits 0 iff
 * every selected test passed. Each test runs in a forked child watched with
 * a timeout (a call stuck in the TEE cannot be interrupted), and the child
 * also arms alarm() as a backstop; every wait inside a test is bounded.
 * Needs tee-supplicant running (the rpc_* tests).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "teec_test.h"

static const struct test {
	const char *name;
	void (*fn)(void);
	int timeout_s;
} tests[] = {
	{"context", t_context, 15},
	{"open_close", t_open_close, 15},
	{"open_with_operation", t_open_with_operation, 15},
	{"open_unknown_uuid", t_open_unknown_uuid, 20},
	{"open_bad_args", t_open_bad_args, 15},
	{"logins", t_logins, 15},
	{"login_application", t_login_application, 15},
	{"invoke_bad_session", t_invoke_bad_session, 15},
	{"value_add", t_value_add, 15},
	{"value_shapes", t_value_shapes, 15},
	{"bad_param_types", t_bad_param_types, 15},
	{"temp_memref", t_temp_memref, 40},
	{"temp_zero_and_null", t_temp_zero_and_null, 15},
	{"temp_directions", t_temp_directions, 15},
	{"allocated_shm", t_allocated_shm, 20},
	{"allocated_zero", t_allocated_zero, 15},
	{"registered_shm", t_registered_shm, 20},
	{"partial_directions", t_partial_directions, 20},
	{"whole_directions", t_whole_directions, 15},
	{"partial_bounds", t_partial_bounds, 15},
	{"shm_bad_args", t_shm_bad_args, 15},
	{"shm_oversize", t_shm_oversize, 20},
	{"shm_release", t_shm_release, 15},
	{"register_fd", t_register_fd, 15},
	{"cancel", t_cancel, 30},
	{"cancel_one_of_two", t_cancel_one_of_two, 20},
	{"cancel_not_running", t_cancel_not_running, 15},
	{"threads", t_threads, 100},
	{"rpc_shm_kernel", t_rpc_shm_kernel, 20},
	{"rpc_shm_appl", t_rpc_shm_appl, 20},
	{"rpc_fs", t_rpc_fs, 30},
	{"rpc_load_ta_missing", t_rpc_load_ta_missing, 20},
	{"rpc_rpmb_info", t_rpc_rpmb_info, 20},
	{"rpc_get_time", t_rpc_get_time, 20},
};

/* The child's side: arg is the struct test. */
static bool run_fn(const void *arg)
{
	const struct test *t = arg;

	t->fn();
	return !failures;
}

int main(int argc, char **argv)
{
	struct runner run = {
		.budget = 240,
		.alarm_backstop = true, /* a backstop in the child */
	};

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--budget") && i + 1 < argc) {
			run.budget = atoi(argv[++i]);
		} else if (argv[i][0] == '-' || run.filter) {
			fprintf(stderr, "usage: teec_test [--budget SECONDS] "
					"[substring]\n");
			return 2;
		} else {
			run.filter = argv[i];
		}
	}
	printf("teec_test: library %s\n", LIB_NAME);
	runner_start(&run);
	for (size_t i = 0; i < ARRAY_SIZE(tests); i++)
		if (runner_selected(&run, tests[i].name))
			runner_run(&run, tests[i].name, run_fn, &tests[i],
				   tests[i].timeout_s, NULL);
	printf("teec_test: %d of %d passed\n", run.passed, run.ran);
	return run.passed == run.ran && run.ran > 0 ? 0 : 1;
}
