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
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

static void result(const char *name, bool pass, char *d)
{
	for (char *c = d; *c; c++) /* keep the @@...@@ framing on one line */
		if (*c == '@' || *c == '\n' || *c == '\r')
			*c = ' ';
	printf("@@RESULT %s %s %s@@\n", name, pass ? "pass" : "fail",
	       d[0] ? d : "-");
	fflush(stdout);
}

/*
 * Runs one test in a child that sends "P|F detail\n" through a pipe; the
 * parent waits for that line at most timeout_s (a child with a thread stuck
 * in the TEE may never exit, so it does not wait for EOF or exit).
 */
static bool run_test(const struct test *t, int timeout_s)
{
	char buf[DETAIL_LEN + 4] = "", d[DETAIL_LEN + 64] = "";
	double end = now_s() + timeout_s;
	int pfd[2], status;
	bool pass = false;
	size_t got = 0;
	pid_t pid;

	fflush(stdout);
	if (pipe(pfd) || (pid = fork()) < 0) {
		snprintf(d, sizeof(d), "pipe/fork: %s", strerror(errno));
		result(t->name, false, d);
		return false;
	}
	if (pid == 0) {
		close(pfd[0]);
		alarm((unsigned int)timeout_s + 5); /* backstop */
		t->fn();
		dprintf(pfd[1], "%c %s\n", failures ? 'F' : 'P', detail);
		_exit(0);
	}
	close(pfd[1]);
	while (!memchr(buf, '\n', got) && got < sizeof(buf) - 1) {
		struct pollfd p = {pfd[0], POLLIN, 0};
		double left = end - now_s();
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)(left * 1000) + 1) == 0) {
			snprintf(d, sizeof(d), "timed out after %d s",
				 timeout_s);
			break;
		}
		n = read(pfd[0], buf + got, sizeof(buf) - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(pfd[0]);
	if (memchr(buf, '\n', got) && got >= 2) {
		*strchr(buf, '\n') = 0;
		pass = buf[0] == 'P';
		snprintf(d, sizeof(d), "%s", buf + 2);
	}
	kill(pid, SIGKILL);
	for (int i = 0; i < 100; i++, sleep_ms(10)) {
		if (waitpid(pid, &status, WNOHANG) != pid)
			continue;
		if (!d[0] && WIFSIGNALED(status))
			snprintf(d, sizeof(d), "test died by signal %d",
				 WTERMSIG(status));
		break;
	}
	if (!d[0])
		snprintf(d, sizeof(d), "no verdict from the test process");
	result(t->name, pass, d);
	return pass;
}

int main(int argc, char **argv)
{
	const char *filter = NULL;
	int budget = 240, ran = 0, passed = 0;
	double deadline;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--budget") && i + 1 < argc) {
			budget = atoi(argv[++i]);
		} else if (argv[i][0] == '-' || filter) {
			fprintf(stderr, "usage: teec_test [--budget SECONDS] "
					"[substring]\n");
			return 2;
		} else {
			filter = argv[i];
		}
	}
	printf("teec_test: library %s\n", LIB_NAME);
	deadline = now_s() + budget;
	for (size_t i = 0; i < ARRAY_SIZE(tests); i++) {
		const struct test *t = &tests[i];
		int left = (int)(deadline - now_s());
		char d[80];

		if (filter && !strstr(t->name, filter))
			continue;
		ran++;
		if (left <= 0) {
			snprintf(d, sizeof(d),
				 "not run: the %d s budget is used up", budget);
			result(t->name, false, d);
			continue;
		}
		passed +=
			run_test(t, t->timeout_s < left ? t->timeout_s : left);
	}
	printf("teec_test: %d of %d passed\n", passed, ran);
	return passed == ran && ran > 0 ? 0 : 1;
}
