/*
 * The fork-per-test runner shared by the in-guest test programs; see
 * runner.h.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runner.h"

char detail[DETAIL_LEN];
int failures;

static void vnote(const char *fmt, va_list ap)
{
	size_t n = strlen(detail);

	if (n < sizeof(detail) - 1)
		vsnprintf(detail + n, sizeof(detail) - n, fmt, ap);
}

void note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vnote(fmt, ap);
	va_end(ap);
}

void expect(bool ok, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return;
	if (++failures <= 5) {
		note("[");
		va_start(ap, fmt);
		vnote(fmt, ap);
		va_end(ap);
		note("] ");
	}
}

double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void sleep_ms(unsigned int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

void runner_start(struct runner *r)
{
	r->deadline = now_s() + r->budget;
}

bool runner_selected(const struct runner *r, const char *name)
{
	return !r->filter || strstr(name, r->filter);
}

void runner_result(const char *name, bool pass, char *d)
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
 * parent reads that one line within timeout_s; it does not wait for EOF or
 * exit: a child with a thread stuck in the TEE keeps the pipe open even
 * after _exit, and may never exit.
 */
static bool run_child(const struct runner *r, const char *name,
		      runner_body body, const void *arg, int timeout_s,
		      char *out)
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
		runner_result(name, false, d);
		return false;
	}
	if (pid == 0) {
		bool ok;

		close(pfd[0]);
		if (r->alarm_backstop)
			alarm((unsigned int)timeout_s + 5);
		ok = body(arg);
		dprintf(pfd[1], "%c %s\n", ok ? 'P' : 'F', detail);
		_exit(0);
	}
	close(pfd[1]);
	while (!memchr(buf, '\n', got) && got < sizeof(buf) - 1) {
		struct pollfd p = {pfd[0], POLLIN, 0};
		double left = end - now_s();
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)(left * 1000) + 1) == 0) {
			snprintf(d, sizeof(d), "timed out after %d s%s",
				 timeout_s,
				 r->timeout_why ? r->timeout_why : "");
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
	runner_result(name, pass, d);
	if (out)
		snprintf(out, DETAIL_LEN + 64, "%s", d);
	return pass;
}

bool runner_run(struct runner *r, const char *name, runner_body body,
		const void *arg, int timeout_s, char *out)
{
	int left = (int)(r->deadline - now_s());
	char d[80];
	bool ok;

	r->ran++;
	if (left <= 0) {
		snprintf(d, sizeof(d), "not run: the %d s budget is used up",
			 r->budget);
		runner_result(name, false, d);
		return false;
	}
	ok = run_child(r, name, body, arg, timeout_s < left ? timeout_s : left,
		       out);
	r->passed += ok;
	return ok;
}
