/*
 * Shared helpers of the supplicant unit tests (test_helpers.h).
 */
#define _GNU_SOURCE
#include "test_helpers.h"

#include "log.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void test_recv_build(struct test_recv *r, uint32_t func, unsigned n,
		     const struct tee_ioctl_param *p)
{
	struct tee_iocl_supp_recv_arg hdr = { .func = func,
					      .num_params = n + 1 };
	struct tee_ioctl_param meta = {
		.attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT |
			TEE_IOCTL_PARAM_ATTR_META,
		.a = 7,
	};

	memset(r, 0, sizeof(*r));
	r->len = sizeof(r->buf);
	memcpy(r->buf, &hdr, sizeof(hdr));
	memcpy(r->buf + sizeof(hdr), &meta, sizeof(meta));
	if (n)
		memcpy(r->buf + sizeof(hdr) + sizeof(meta), p,
		       n * sizeof(*p));
}

struct tee_ioctl_param test_val(uint64_t attr, uint64_t a, uint64_t b,
				uint64_t c)
{
	return (struct tee_ioctl_param){ .attr = attr, .a = a, .b = b, .c = c };
}

struct tee_ioctl_param test_mem(uint64_t attr, uint64_t shm_id,
				uint64_t offs, uint64_t size)
{
	return (struct tee_ioctl_param){
		.attr = attr, .a = offs, .b = size, .c = shm_id
	};
}

uint32_t test_decode(const struct test_recv *r, struct supp_request *req)
{
	return supp_request_decode(r->buf, r->len, req);
}

void test_tmpdir(char *out)
{
	strcpy(out, "/tmp/supp-test-XXXXXX");
	if (!mkdtemp(out)) {
		perror("mkdtemp");
		exit(2);
	}
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		return rmdir(path);
	return unlink(path);
}

void test_rmrf(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

int test_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

size_t test_unhex(const char *hex, uint8_t *out, size_t cap)
{
	size_t n = 0;

	while (hex[0] && hex[1] && n < cap) {
		unsigned v;

		sscanf(hex, "%2x", &v);
		out[n++] = (uint8_t)v;
		hex += 2;
	}
	return n;
}

/* The code under test logs its refusals; keep the test output to verdicts
 * unless SUPP_TEST_LOG is set. */
__attribute__((constructor)) static void quiet_logs(void)
{
	supp_log_set_level(getenv("SUPP_TEST_LOG") ? SUPP_LOG_DEBUG
						   : SUPP_LOG_NONE);
}
