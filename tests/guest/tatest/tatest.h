/*
 * tatest: what the files of tests/guest/tatest share. main.c describes the
 * program and runs the tests; common.c holds the utilities and the state of
 * the running test; gp13.c tests the gp13_ta commands; lifecycle.c tests
 * loading, panics, instances and refused images; isolation.c tests the
 * isolation of TAs from the core and from each other; arith.c runs the
 * host's Arithmetical API vectors through arith_ta; bti.c tests branch
 * target identification and pointer authentication (bti_ta); fp.c tests
 * FP/SIMD in TAs (fp_ta).
 */
#ifndef TATEST_H
#define TATEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tee_client_api.h>

#include "runner.h" /* detail, failures, note, expect, now_s */

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_BAD 40

extern TEEC_Context ctx;	/* set up by ctx_init() */

/* One image of the host's list: "name uuid" per line. */
struct bad_image {
	char name[48];
	char uuid_str[40];
	TEEC_UUID uuid;
};
extern const struct bad_image *cur_image; /* the image t_bad_image tries */

/* ---- utilities (common.c) ------------------------------------------------ */

const char *rn(TEEC_Result r);
bool parse_uuid(const char *s, TEEC_UUID *u);
TEEC_UUID gp13_uuid(void);
TEEC_UUID hello_uuid(void);
TEEC_Operation new_op(uint32_t types);
bool ctx_init(void);
bool open_ta(TEEC_Session *s, const TEEC_UUID *u, const char *what);
TEEC_Result hello_inc(TEEC_Session *s, uint32_t in, uint32_t *out,
		      uint32_t *origin);
bool hello_roundtrip(const char *what);
TEEC_Result gp13_sizes(TEEC_Session *s, uint32_t *a, uint32_t *b,
		       uint32_t *origin);
TEEC_Result gp13_panic(TEEC_Session *s, uint32_t code, uint32_t *origin);

/* ---- the tests: failed checks go to failures ----------------------------- */

/* gp13.c */
void t_hello_world(void);
void t_gp13_reverse(void);
void t_gp13_random(void);
void t_gp13_heap(void);
void t_gp13_props(void);
void t_gp13_sizes(void);
void t_gp13_time(void);
/* gp13_api.c */
void t_gp13_ta_time_not_set(void);
void t_gp13_props_ta(void);
void t_gp13_props_tee(void);
void t_gp13_props_client(void);
void t_gp13_prop_enum(void);
void t_gp13_prop_convert(void);
void t_gp13_client_identity(void);
void t_gp13_mem_access(void);
void t_gp13_memref_access(void);
void t_gp13_mem_api(void);
void t_gp13_random_edges(void);
void t_gp13_raw_syscalls(void);
void t_gp13_time_wait(void);
void t_gp13_ree_time(void);
void t_gp13_cancel_mask(void);
void t_gp13_cancel_wait(void);
void t_gp13_instance_data(void);
void t_gp13_ta_time(void);
void t_gp13_ta_time_overflow(void);
void t_gp13_ta_time_per_uuid(void);
void t_gp13_misuse_panics(void);
void t_gp13_panic_open_session(void);
/* lifecycle.c */
void t_panic_is_target_dead(void);
void t_panic_origin_tee(void);
void t_sessions_isolated(void);
void t_many_open_close(void);
void t_bad_image(void); /* cur_image */
void t_core_alive_after(void);
/* isolation.c */
void t_read_core_memory(void);
void t_read_other_ta(void);
void t_syscall_bad_pointers(void);
void t_write_own_code(void);
void t_exec_stack(void);
void t_exec_heap(void);
void t_stack_overflow(void);
void t_no_page_leak(void);
/* arith.c */
void t_arith_convert(void);
void t_arith_logic(void);
void t_arith_basic(void);
void t_arith_mod(void);
void t_arith_expmod(void);
void t_arith_gcd(void);
void t_arith_prime(void);
void t_arith_fmm(void);
void t_arith_random(void);
void t_arith_panic(void);
/* bti.c */
void t_bti_bad_landing(void);
void t_bti_legacy_unguarded(void);
void t_pac_corrupt_return(void);
void t_bti_pac_good_path(void);
void t_pac_keys_per_instance(void);
/* ta2ta.c */
void t_ta2ta_memref_passed_on(void);
void t_ta2ta_identity(void);
void t_ta2ta_depth_limit(void);
void t_ta2ta_callee_panic(void);
void t_ta2ta_foreign_handle(void);
void t_ta2ta_errors(void);
void t_ta2ta_pta_and_other_ta(void);
void t_ta2ta_no_leak(void);
/* fp.c */
void t_fp_compute(void);
void t_fp_survives_rpc(void);
void t_fp_survives_crypto(void);
void t_fp_ta2ta(void);
void t_fp_concurrent(void);

#endif
