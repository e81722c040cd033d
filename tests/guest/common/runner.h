/*
 * The fork-per-test runner shared by the in-guest test programs (teetest,
 * teec_test, tatest): each test runs in a forked child watched with a
 * bounded wait (a call stuck in the TEE cannot be interrupted), within a
 * total time budget, and reports "P|F detail" through a pipe; the parent
 * prints one "@@RESULT <name> pass|fail <detail>@@" line per test.
 * Also the running test's detail and failed checks, and time helpers.
 */
#ifndef RUNNER_H
#define RUNNER_H

#include <stdbool.h>

#define DETAIL_LEN 480

extern char detail[DETAIL_LEN]; /* the running test's detail (child only) */
extern int failures;		/* the running test's failed checks */

/* Appends to the detail; only the test's main thread calls it. */
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Records a failed check (the first few in the detail). */
void expect(bool ok, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
double now_s(void);
void sleep_ms(unsigned int ms);

struct runner {
	int budget;		 /* seconds for the whole run */
	const char *filter;	 /* substring of the names to run, or NULL */
	bool alarm_backstop;	 /* the child arms alarm(timeout + 5) */
	const char *timeout_why; /* appended to "timed out after N s" */
	double deadline;	 /* set by runner_start() */
	int ran, passed;
};

/* Runs in the forked child; true if the test passed. */
typedef bool (*runner_body)(const void *arg);

void runner_start(struct runner *r);
bool runner_selected(const struct runner *r, const char *name);
/* Prints the result line; d is sanitised in place ('@', CR, LF to ' '). */
void runner_result(const char *name, bool pass, char *d);
/*
 * Runs body(arg) in a child with at most timeout_s (less if the budget has
 * less left) and counts it in ran and passed; the verdict's detail to out
 * (DETAIL_LEN + 64 bytes, may be NULL).
 */
bool runner_run(struct runner *r, const char *name, runner_body body,
		const void *arg, int timeout_s, char *out);

#endif
