/*
 * rngtest: what the files of tests/guest/rngtest share. main.c describes
 * the program; tee.c wraps the /dev/tee0 ioctls, health.c holds the
 * statistical health tests, hwrng.c and pta.c the tests main.c runs.
 */
#ifndef RNGTEST_H
#define RNGTEST_H

#include <linux/tee.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rampart/abi/pta_rng.h"
#include "runner.h" /* detail, note, expect */

#define NPARAMS 4
#define PAGE 4096u
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define SAMPLE_BYTES 65536u /* one health-tested read */

#define TEE_SUCCESS 0x00000000u
#define TEE_ERROR_ACCESS_DENIED 0xFFFF0001u
#define TEE_ERROR_BAD_PARAMETERS 0xFFFF0006u
#define TEE_ERROR_NOT_IMPLEMENTED 0xFFFF0009u
#define TEE_ERROR_OUT_OF_MEMORY 0xFFFF000Cu
#define TEE_ERROR_SHORT_BUFFER 0xFFFF0010u
#define IOCTL_FAILED 0xffffffffu /* no TEE result: the ioctl failed */

#define P_VOUT TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT
#define P_VIN TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT
#define P_MIN TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT
#define P_MOUT TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT
#define P_MINOUT TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT

typedef struct tee_ioctl_param param_t;

extern const uint8_t rng_uuid[16];
extern const uint8_t device_pta_uuid[16];
extern int expected_quality; /* from --quality, -1 if not given */

/* ---- tee.c: 0 or -errno; the TEE's verdict in *ret ----------------------- */
const char *ret_name(uint32_t r);
int tee_open(void);
int open_session(int fd, const uint8_t uuid[16], uint32_t login, uint32_t *sess,
		 uint32_t *ret, uint32_t *origin);
int invoke(int fd, uint32_t sess, uint32_t func, param_t p[NPARAMS],
	   uint32_t *ret);
/* A session with login PUBLIC on a fresh fd; -1 (with a note) if not. */
int pta_connect(const uint8_t uuid[16], int *fd, uint32_t *sess);
/* Registers a fresh zeroed mapping of len bytes; its shm id, or -1. */
int shm_register(int fd, size_t len, uint8_t **map);
param_t memref(uint64_t attr, int shm_id, uint64_t size);

/* ---- health.c -------------------------------------------------------------
 */
struct health {
	bool rct, apt, monobit, chi_high, chi_low; /* true = passed */
	unsigned int rct_max, apt_max; /* longest run, largest window count */
	long ones_dev;		       /* ones minus half the bits */
	double chi2;
};
/* n must be a multiple of 512 (the APT window) and at least one window. */
void health_run(const uint8_t *p, size_t n, struct health *h);
bool health_passed(const struct health *h);
void health_note(const struct health *h);

/* ---- the tests: true = pass ------------------------------------------------
 */
bool t_health_selfcheck(const void *arg);
bool t_rng_current(const void *arg);
bool t_rng_quality_sysfs(const void *arg);
bool t_hwrng_health(const void *arg);
bool t_hwrng_reads_differ(const void *arg);
bool t_pta_rng_info(const void *arg);
bool t_pta_login_refused(const void *arg);
bool t_pta_get_entropy(const void *arg);
bool t_pta_bad_params(const void *arg);
bool t_pta_parallel(const void *arg);
bool t_device_enum(const void *arg);

/* Blocks of bs bytes: true if two of the n are equal (sorts blocks). */
bool has_equal_blocks(uint8_t *blocks, size_t n, size_t bs);

#endif
