/*
 * teetest: what the files of tests/guest/teetest share. main.c describes the
 * program; common.c holds the utilities and the /dev/tee0 ioctl wrappers
 * declared here, the other files the tests (run by main.c's table).
 */
#ifndef TEETEST_H
#define TEETEST_H

#include <linux/tee.h>
#include <stddef.h>
#include <stdint.h>

#include "rampart/abi/pta_test.h"
#include "runner.h" /* detail, note, now_s, sleep_ms */

#define NPARAMS 4 /* like libteec: always 4 GP parameters */
#define PAGE 4096u
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define TEE_SUCCESS 0x00000000u
#define TEE_ERROR_CANCEL 0xFFFF0002u
#define TEE_ERROR_BAD_PARAMETERS 0xFFFF0006u
#define TEE_ERROR_ITEM_NOT_FOUND 0xFFFF0008u
#define TEE_ERROR_NOT_IMPLEMENTED 0xFFFF0009u
#define TEE_ERROR_NOT_SUPPORTED 0xFFFF000Au
#define TEE_ORIGIN_TEE 3u
#define IOCTL_FAILED 0xffffffffu /* stands for "no TEE result" below */

#define P_NONE TEE_IOCTL_PARAM_ATTR_TYPE_NONE
#define P_VIN TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT
#define P_VOUT TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT
#define P_MIN TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT
#define P_MINOUT TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT

#define U(x) ((unsigned long long)(x))
#define RET_FMT "0x%08x(%s)"
#define RET(r) (r), ret_name(r)

typedef struct tee_ioctl_param param_t;

extern const uint8_t pta_uuid[16];
extern int tee_fd;		/* the child's /dev/tee0 and PTA session */
extern uint32_t session;
extern int test_arg;	   /* struct test's arg for the running test */
extern uint64_t rng_state; /* fill_random's, seeded per test */

/* ---- utilities (common.c) ------------------------------------------------ */

const char *ret_name(uint32_t r);
void fill_random(uint8_t *p, size_t n);
uint64_t fnv1a64(const uint8_t *p, size_t n);
param_t val(uint64_t attr, uint64_t a, uint64_t b);
param_t memref(uint64_t attr, int shm_id, uint64_t offs, uint64_t size);

/* ---- ioctl wrappers (common.c) ------------------------------------------- */

int open_session(int fd, const uint8_t uuid[16], uint32_t *sess, uint32_t *ret,
		 uint32_t *origin);
int invoke(int fd, uint32_t sess, uint32_t func, uint32_t cancel_id, param_t *p,
	   uint32_t *ret, uint32_t *origin);
int tee_open(void);
int connect_pta(int *fd, uint32_t *sess);
int pta_open(void);
uint32_t call(uint32_t cmd, param_t *p);
int stats(uint64_t *threads, uint64_t *refusals);
int shm_register(size_t reg_off, size_t len, uint8_t **map, size_t *map_len);
int pta_open_with_page(int *id, uint8_t **map);

/* ---- the tests: 0 = pass ------------------------------------------------- */

/* basic.c: single calls */
int t_version(void);
int t_open_close(void);
int t_unknown_uuid(void);
int t_value_add(void);
int t_bad_param_types(void);
/* memref.c: memory references */
int t_memref_0(void);
int t_memref(void);
int t_memref_shm_alloc(void);
/* threads.c: several threads */
int t_concurrent_fds(void);
int t_cancel(void);
int t_barrier_threads(void);
int t_ethread_limit(void);
/* rpc.c: calls the kernel or tee-supplicant serves */
int t_rpc_shm(void);
int t_rpc_get_time(void);
int t_rpc_fs(void);
int t_rpc_load_ta_missing(void);
int t_rpc_rpmb(void);

#endif
