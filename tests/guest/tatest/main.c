/*
 * tatest: in-guest tests of user-mode TAs through the GlobalPlatform TEE
 * Client API (our libteec, static): the hello_world example TA and the
 * GP 1.3 test TA gp13_ta (tests/ta/gp13_ta), panics, instance isolation,
 * repeated loading, images the core must refuse, and isolation
 * (isolation_ta: core and other TAs' memory, W^X, stack overflow, leaks).
 *
 * Usage: tatest [--budget SECONDS] [--bad-list FILE] [substring]
 * FILE (written by tests/qemu/test_user_ta.sh) has one "name uuid" line per
 * image installed in /lib/optee_armtz: each is tried as image_<name>
 * (refused with SECURITY, BAD_FORMAT or ITEM_NOT_FOUND from the TEE; the
 * one named "control" must load), then summed up as bad_images.
 *
 * Prints "@@RESULT <name> pass|fail <detail>@@" per test and exits 0 iff
 * every selected test passed. Each test runs in a forked child watched with
 * a timeout (a call stuck in the TEE cannot be interrupted), and the child
 * also arms alarm() as a backstop. Needs tee-supplicant running.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tatest.h"

struct test {
	const char *name;
	void (*fn)(void);
	int timeout_s;
};

static const struct test first[] = {
	{"hello_world", t_hello_world, 30},
	{"gp13_reverse", t_gp13_reverse, 30},
	{"gp13_random", t_gp13_random, 20},
	{"gp13_heap", t_gp13_heap, 30},
	{"gp13_props", t_gp13_props, 20},
	{"gp13_sizes", t_gp13_sizes, 20},
	{"gp13_time", t_gp13_time, 20},
	{"gp13_ta_time_not_set", t_gp13_ta_time_not_set, 20},
	{"gp13_props_ta", t_gp13_props_ta, 30},
	{"gp13_props_tee", t_gp13_props_tee, 30},
	{"gp13_props_client", t_gp13_props_client, 30},
	{"gp13_prop_enum", t_gp13_prop_enum, 30},
	{"gp13_prop_convert", t_gp13_prop_convert, 30},
	{"gp13_client_identity", t_gp13_client_identity, 30},
	{"gp13_mem_access", t_gp13_mem_access, 30},
	{"gp13_memref_access", t_gp13_memref_access, 30},
	{"gp13_mem_api", t_gp13_mem_api, 30},
	{"gp13_random_edges", t_gp13_random_edges, 30},
	{"gp13_raw_syscalls", t_gp13_raw_syscalls, 30},
	{"gp13_time_wait", t_gp13_time_wait, 30},
	{"gp13_ree_time", t_gp13_ree_time, 30},
	{"gp13_cancel_mask", t_gp13_cancel_mask, 30},
	{"gp13_cancel_wait", t_gp13_cancel_wait, 90},
	{"gp13_instance_data", t_gp13_instance_data, 30},
	{"gp13_ta_time", t_gp13_ta_time, 30},
	{"gp13_ta_time_overflow", t_gp13_ta_time_overflow, 30},
	{"gp13_ta_time_per_uuid", t_gp13_ta_time_per_uuid, 30},
	{"gp13_misuse_panics", t_gp13_misuse_panics, 90},
	{"gp13_panic_open_session", t_gp13_panic_open_session, 30},
	{"panic_is_target_dead", t_panic_is_target_dead, 30},
	{"panic_origin_tee", t_panic_origin_tee, 30},
	{"sessions_isolated", t_sessions_isolated, 40},
	{"many_open_close", t_many_open_close, 240},
	{"read_core_memory", t_read_core_memory, 30},
	{"read_other_ta", t_read_other_ta, 40},
	{"syscall_bad_pointers", t_syscall_bad_pointers, 60},
	{"write_own_code", t_write_own_code, 30},
	{"exec_stack", t_exec_stack, 30},
	{"exec_heap", t_exec_heap, 30},
	{"stack_overflow", t_stack_overflow, 30},
	{"no_page_leak", t_no_page_leak, 120},
	{"arith_convert", t_arith_convert, 60},
	{"arith_logic", t_arith_logic, 60},
	{"arith_basic", t_arith_basic, 60},
	{"arith_mod", t_arith_mod, 90},
	{"arith_expmod", t_arith_expmod, 120},
	{"arith_gcd", t_arith_gcd, 60},
	{"arith_prime", t_arith_prime, 120},
	{"arith_fmm", t_arith_fmm, 60},
	{"arith_random", t_arith_random, 180},
	{"arith_panic", t_arith_panic, 90},
	{"bti_bad_landing", t_bti_bad_landing, 30},
	{"bti_legacy_unguarded", t_bti_legacy_unguarded, 30},
	{"pac_corrupt_return", t_pac_corrupt_return, 30},
	{"bti_pac_good_path", t_bti_pac_good_path, 30},
	{"pac_keys_per_instance", t_pac_keys_per_instance, 30},
	{"ta2ta_memref_passed_on", t_ta2ta_memref_passed_on, 30},
	{"ta2ta_identity", t_ta2ta_identity, 30},
	{"ta2ta_depth_limit", t_ta2ta_depth_limit, 60},
	{"ta2ta_callee_panic", t_ta2ta_callee_panic, 30},
	{"ta2ta_foreign_handle", t_ta2ta_foreign_handle, 60},
	{"ta2ta_errors", t_ta2ta_errors, 60},
	{"ta2ta_pta_and_other_ta", t_ta2ta_pta_and_other_ta, 30},
	{"ta2ta_no_leak", t_ta2ta_no_leak, 120},
	{"fp_compute", t_fp_compute, 30},
	{"fp_survives_rpc", t_fp_survives_rpc, 60},
	{"fp_survives_crypto", t_fp_survives_crypto, 60},
	{"fp_ta2ta", t_fp_ta2ta, 60},
	{"fp_concurrent", t_fp_concurrent, 120},
};
static const struct test last = {"core_alive_after", t_core_alive_after, 30};

static struct bad_image images[MAX_BAD];
static size_t num_images;

static const char *read_list(const char *path)
{
	static char err[160];
	char line[256], name[64], uuid[64];
	FILE *f = fopen(path, "r");

	if (!f) {
		snprintf(err, sizeof(err), "cannot open %s: %s", path,
			 strerror(errno));
		return err;
	}
	while (fgets(line, sizeof(line), f) && num_images < MAX_BAD) {
		struct bad_image *b = &images[num_images];

		if (line[0] == '#' || sscanf(line, "%63s %63s", name, uuid) != 2)
			continue;
		if (strlen(name) >= sizeof(b->name) ||
		    !parse_uuid(uuid, &b->uuid)) {
			snprintf(err, sizeof(err), "bad line in %s: %.60s", path,
				 line);
			fclose(f);
			return err;
		}
		snprintf(b->name, sizeof(b->name), "%.47s", name);
		snprintf(b->uuid_str, sizeof(b->uuid_str), "%.39s", uuid);
		num_images++;
	}
	fclose(f);
	return num_images ? NULL : "the list is empty";
}

static struct runner run = {
	.budget = 600,
	.alarm_backstop = true, /* a backstop in the child */
};

/* The child's side: arg points to the test function. */
static bool run_fn(const void *arg)
{
	void (*const *fn)(void) = arg;

	(*fn)();
	return !failures;
}

static bool run_budgeted(const char *name, void (*fn)(void), int timeout_s,
			 char *out)
{
	return runner_run(&run, name, run_fn, &fn, timeout_s, out);
}

static void run_images(const char *list)
{
	char summary[DETAIL_LEN] = "", d[DETAIL_LEN + 64], name[64];
	const char *err = list ? read_list(list) : "no --bad-list given";
	bool all = true;
	size_t n = 0, bad = 0;

	if (!runner_selected(&run, "bad_images") &&
	    !runner_selected(&run, "image_"))
		return;
	if (err) {
		snprintf(d, sizeof(d), "%s", err);
		run.ran++;
		runner_result("bad_images", false, d);
		return;
	}
	for (size_t i = 0; i < num_images; i++) {
		bool ok, control = !strcmp(images[i].name, "control");

		cur_image = &images[i];
		snprintf(name, sizeof(name), "image_%.47s", images[i].name);
		d[0] = 0;
		ok = run_budgeted(name, t_bad_image, 30, d);
		if (control)
			continue;
		bad++;
		all &= ok;
		/* "name=CODE" (the detail's first word) for the summary. */
		*strchrnul(d, ' ') = 0;
		n += (size_t)snprintf(summary + n, n < sizeof(summary)
							   ? sizeof(summary) - n
							   : 0,
				      "%s%s=%s%s", n ? " " : "",
				      images[i].name, d, ok ? "" : "(FAIL)");
		if (n >= sizeof(summary))
			n = sizeof(summary) - 1;
	}
	run.ran++;
	run.passed += all && bad;
	snprintf(d, sizeof(d), "%s", bad ? summary : "no bad images listed");
	runner_result("bad_images", all && bad, d);
}

int main(int argc, char **argv)
{
	const char *list = NULL;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--budget") && i + 1 < argc) {
			run.budget = atoi(argv[++i]);
		} else if (!strcmp(argv[i], "--bad-list") && i + 1 < argc) {
			list = argv[++i];
		} else if (argv[i][0] == '-' || run.filter) {
			fprintf(stderr, "usage: tatest [--budget SECONDS] "
					"[--bad-list FILE] [substring]\n");
			return 2;
		} else {
			run.filter = argv[i];
		}
	}
	runner_start(&run);
	for (size_t i = 0; i < ARRAY_SIZE(first); i++)
		if (runner_selected(&run, first[i].name))
			run_budgeted(first[i].name, first[i].fn,
				     first[i].timeout_s, NULL);
	run_images(list);
	if (runner_selected(&run, last.name))
		run_budgeted(last.name, last.fn, last.timeout_s, NULL);
	printf("tatest: %d of %d passed\n", run.passed, run.ran);
	return run.passed == run.ran && run.ran > 0 ? 0 : 1;
}
