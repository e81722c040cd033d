/*
 * Helpers shared by the supplicant's host unit tests: building RECV
 * buffers as the kernel fills them, temporary directories, hex.
 */
#ifndef TESTS_SUPPLICANT_TEST_HELPERS_H
#define TESTS_SUPPLICANT_TEST_HELPERS_H

#include <linux/tee.h>
#include <stddef.h>
#include <stdint.h>

#include "request.h"

#define VIN TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT
#define VOUT TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT
#define VINOUT TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT
#define MIN TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT
#define MOUT TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT
#define MINOUT TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT

/* A RECV buffer as the kernel returns it. */
struct test_recv {
	uint8_t buf[SUPP_ARG_SIZE];
	size_t len; /* bytes offered to decode (default: whole buffer) */
};

/* func with n request params (copied from p), meta id 7. */
void test_recv_build(struct test_recv *r, uint32_t func, unsigned n,
		     const struct tee_ioctl_param *p);
struct tee_ioctl_param test_val(uint64_t attr, uint64_t a, uint64_t b,
				uint64_t c);
struct tee_ioctl_param test_mem(uint64_t attr, uint64_t shm_id,
				uint64_t offs, uint64_t size);
/* Decodes r into req. */
uint32_t test_decode(const struct test_recv *r, struct supp_request *req);

/* mkdtemp under /tmp; path in out[256]. */
void test_tmpdir(char *out);
/* rm -rf (no symlink following). */
void test_rmrf(const char *path);
/* Whether path exists (lstat). */
int test_exists(const char *path);

/* Hex string → bytes; returns the count. */
size_t test_unhex(const char *hex, uint8_t *out, size_t cap);

#endif
