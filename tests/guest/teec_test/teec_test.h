/*
 * teec_test: what the files of tests/guest/teec_test share. main.c describes
 * the program; common.c holds the utilities and the state of the running
 * test declared here, the other files the tests (run by main.c's table).
 */
#ifndef TEEC_TEST_H
#define TEEC_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tee_client_api.h>
#include <tee_client_api_extensions.h>

#include "rampart/abi/pta_test.h"

#include "runner.h" /* detail, failures, note, expect, now_s */

#ifdef TEEC_TEST_DEBIAN
#define OURS 0
#define LIB_NAME "debian-3.19"
#else
#define OURS 1
#define LIB_NAME "rampart"
#endif

#define MiB (1024u * 1024u)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define TYPES(a, b) TEEC_PARAM_TYPES(a, b, TEEC_NONE, TEEC_NONE)

extern TEEC_Context ctx;	/* set up by setup() */
extern TEEC_Session sess;
extern _Thread_local uint64_t rng; /* fill_random's, per thread */

/* ---- utilities (common.c) ------------------------------------------------ */

const char *rn(TEEC_Result r);
void fill_random(uint8_t *p, size_t n);
uint64_t fnv1a64(const uint8_t *p, size_t n);
size_t pattern_mismatch(const uint8_t *p, size_t n);
uint64_t value64(const TEEC_Value *v);
TEEC_UUID uuid_from_octets(const uint8_t o[16]);
TEEC_UUID pta_uuid(void);
TEEC_Operation new_op(uint32_t types);
TEEC_SharedMemory shm_desc(void *buffer, size_t size, uint32_t flags);
bool setup(void);
bool allocate(TEEC_SharedMemory *shm);
TEEC_Result hash_call(TEEC_Session *s, TEEC_Operation *op, uint32_t *origin);
void expect_api_refusal(TEEC_Result r, uint32_t origin, const char *what);
bool secure_origin(uint32_t origin);
void expect_tee_refusal(TEEC_Result r, uint32_t origin, const char *what);

/* temp_memref.c */
void temp_inout(size_t n, size_t off);

/* ---- the tests: failed checks go to failures ----------------------------- */

/* session.c: contexts and sessions */
void t_context(void);
void t_open_close(void);
void t_open_with_operation(void);
void t_open_unknown_uuid(void);
void t_open_bad_args(void);
void t_logins(void);
void t_login_application(void);
/* invoke.c: invoke basics, value parameters */
void t_invoke_bad_session(void);
void t_value_add(void);
void t_value_shapes(void);
void t_bad_param_types(void);
/* temp_memref.c: temporary memory references */
void t_temp_memref(void);
void t_temp_zero_and_null(void);
void t_temp_directions(void);
/* shm.c: registered and allocated shared memory in operations */
void t_allocated_shm(void);
void t_allocated_zero(void);
void t_registered_shm(void);
void t_partial_directions(void);
void t_whole_directions(void);
void t_partial_bounds(void);
/* shm_args.c: shared memory arguments and lifetime */
void t_shm_bad_args(void);
void t_shm_oversize(void);
void t_shm_release(void);
void t_register_fd(void);
/* cancel.c: cancellation */
void t_cancel(void);
void t_cancel_one_of_two(void);
void t_cancel_not_running(void);
/* threads.c: threads sharing one context */
void t_threads(void);
/* rpc.c: calls that need tee-supplicant (or the kernel's RPC handling) */
void t_rpc_shm_kernel(void);
void t_rpc_shm_appl(void);
void t_rpc_fs(void);
void t_rpc_load_ta_missing(void);
void t_rpc_rpmb_info(void);
void t_rpc_get_time(void);

#endif
