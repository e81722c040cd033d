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
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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

static void result(const char *name, int pass, char *d)
{
	for (char *c = d; *c; c++) /* keep the @@...@@ framing on one line */
		if (*c == '@' || *c == '\n' || *c == '\r')
			*c = ' ';
	printf("@@RESULT %s %s %s@@\n", name, pass ? "pass" : "fail",
	       d[0] ? d : "-");
	fflush(stdout);
}

/*
 * Runs one test in a child, which sends "P|F detail\n" through a pipe. The
 * parent reads that one line within timeout_s; it does not wait for EOF: a
 * child with a thread stuck in the TEE keeps the pipe open even after _exit.
 */
static int run_test(const struct test *t, int timeout_s, uint64_t seed)
{
	char buf[DETAIL_LEN + 4] = "", d[DETAIL_LEN + 64] = "";
	double end = now_s() + timeout_s;
	int pfd[2], status, pass = 0;
	size_t got = 0;
	pid_t pid;

	fflush(stdout);
	if (pipe(pfd) || (pid = fork()) < 0) {
		snprintf(d, sizeof(d), "pipe/fork: %s", strerror(errno));
		result(t->name, 0, d);
		return 0;
	}
	if (pid == 0) {
		close(pfd[0]);
		rng_state = seed | 1;
		test_arg = t->arg;
		int bad = t->fn();
		dprintf(pfd[1], "%c %s\n", bad ? 'F' : 'P', detail);
		_exit(0);
	}
	close(pfd[1]);
	while (!memchr(buf, '\n', got) && got < sizeof(buf) - 1) {
		struct pollfd p = {pfd[0], POLLIN, 0};
		double left = end - now_s();
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)(left * 1000) + 1) == 0) {
			snprintf(d, sizeof(d),
				 "timed out after %d s "
				 "(a TEE call did not return)",
				 timeout_s);
			break;
		}
		n = read(pfd[0], buf + got, sizeof(buf) - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += n;
	}
	close(pfd[0]);
	if (memchr(buf, '\n', got) && got >= 2) {
		*strchr(buf, '\n') = 0;
		pass = buf[0] == 'P';
		snprintf(d, sizeof(d), "%s", buf + 2);
	}
	/* Reap the child, but never wait long for one wedged in the TEE. */
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
	int with_suppl = 0, budget = 270, ran = 0, passed = 0;
	uint64_t seed = (uint64_t)time(NULL) * 0x9e3779b97f4a7c15ull ^
			(uint64_t)getpid();
	double deadline;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--with-supplicant")) {
			with_suppl = 1;
		} else if (!strcmp(argv[i], "--budget") && i + 1 < argc) {
			budget = atoi(argv[++i]);
		} else if (argv[i][0] == '-' || filter) {
			fprintf(stderr, "usage: teetest [--with-supplicant] "
					"[--budget SECONDS] [substring]\n");
			return 2;
		} else {
			filter = argv[i];
		}
	}
	/* The whole run must end inside the host's QEMU timeout (300 s). */
	deadline = now_s() + budget;
	for (size_t i = 0; i < ARRAY_SIZE(tests); i++) {
		const struct test *t = &tests[i];
		int left = (int)(deadline - now_s());
		char d[80];

		if ((t->supplicant && !with_suppl) ||
		    (filter && !strstr(t->name, filter)))
			continue;
		ran++;
		if (left <= 0) {
			snprintf(d, sizeof(d),
				 "not run: the %d s budget is used up", budget);
			result(t->name, 0, d);
			continue;
		}
		passed += run_test(t, t->timeout_s < left ? t->timeout_s : left,
				   seed + i * 0x632be59bd9b4e019ull);
	}
	if (!ran)
		fprintf(stderr, "teetest: no test matches '%s'\n", filter);
	else
		fprintf(stderr, "teetest: %d/%d passed\n", passed, ran);
	return passed == ran && ran ? 0 : 1;
}
