/*
 * rngtest: in-guest tests of the core's RNG pseudo TA as Linux uses it.
 * Linux must have bound optee-rng to it (device enumeration) and made it
 * the current hwrng; /dev/hwrng output must pass health tests; the quality
 * Linux credits and GET_RNG_INFO's must be the one expected for this CPU;
 * only kernel-style logins may open it; malformed calls are refused.
 *
 * Usage: rngtest --quality N [--budget SECONDS] [substring]
 * N is the quality (entropy bits per 1024) expected on this CPU model.
 * Prints one "@@RESULT <name> pass|fail <detail>@@" line per test and
 * exits 0 iff every selected test passed. Each test runs in a forked child
 * (tests/guest/common/runner.c), so a call stuck in the TEE or a crash
 * becomes a fail line instead of ending the run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rngtest.h"

int expected_quality = -1;

static const struct test {
	const char *name;
	runner_body fn;
	int timeout_s;
} tests[] = {
	{"health_selfcheck", t_health_selfcheck, 20},
	{"rng_current", t_rng_current, 10},
	{"rng_quality_sysfs", t_rng_quality_sysfs, 10},
	{"pta_rng_info", t_pta_rng_info, 20},
	{"pta_login_refused", t_pta_login_refused, 20},
	{"device_enum", t_device_enum, 20},
	{"pta_get_entropy", t_pta_get_entropy, 20},
	{"pta_bad_params", t_pta_bad_params, 30},
	{"pta_parallel", t_pta_parallel, 60},
	{"hwrng_health", t_hwrng_health, 60},
	{"hwrng_reads_differ", t_hwrng_reads_differ, 90},
};

int main(int argc, char **argv)
{
	struct runner run = {
		.budget = 300,
		.timeout_why = " (a TEE call or a read did not return)",
	};

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--quality") && i + 1 < argc) {
			expected_quality = atoi(argv[++i]);
		} else if (!strcmp(argv[i], "--budget") && i + 1 < argc) {
			run.budget = atoi(argv[++i]);
		} else if (argv[i][0] == '-' || run.filter) {
			fprintf(stderr, "usage: rngtest --quality N "
					"[--budget SECONDS] [substring]\n");
			return 2;
		} else {
			run.filter = argv[i];
		}
	}
	runner_start(&run);
	for (size_t i = 0; i < ARRAY_SIZE(tests); i++)
		if (runner_selected(&run, tests[i].name))
			runner_run(&run, tests[i].name, tests[i].fn, NULL,
				   tests[i].timeout_s, NULL);
	if (!run.ran)
		fprintf(stderr, "rngtest: no test matches '%s'\n", run.filter);
	else
		fprintf(stderr, "rngtest: %d/%d passed\n", run.passed, run.ran);
	return run.passed == run.ran && run.ran ? 0 : 1;
}
