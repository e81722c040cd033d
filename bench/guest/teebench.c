/*
 * Invoke round trip to the test PTA through raw /dev/tee0 ioctls: one
 * warm session, a trivial command with one value parameter, N calls, each
 * timed with CLOCK_MONOTONIC. Prints "invoke_us min=.. median=.. n=..".
 */
#include <fcntl.h>
#include <linux/tee.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "rampart/abi/pta_test.h"

#define MAX_PARAMS 4

struct open_buf {
	struct tee_ioctl_open_session_arg arg;
	struct tee_ioctl_param params[MAX_PARAMS];
};

struct invoke_buf {
	struct tee_ioctl_invoke_arg arg;
	struct tee_ioctl_param params[MAX_PARAMS];
};

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

int main(int argc, char **argv)
{
	const uint8_t uuid[16] = PTA_TEST_UUID_OCTETS;
	int n = argc > 1 ? atoi(argv[1]) : 2000;
	struct open_buf ob = { 0 };
	struct tee_ioctl_buf_data bd;
	uint64_t *t;
	int fd;

	if (n < 1 || !(t = calloc((size_t)n, sizeof(*t))))
		return 2;
	fd = open("/dev/tee0", O_RDWR);
	if (fd < 0) {
		perror("open /dev/tee0");
		return 1;
	}
	memcpy(ob.arg.uuid, uuid, 16);
	ob.arg.clnt_login = TEE_IOCTL_LOGIN_PUBLIC;
	ob.arg.num_params = MAX_PARAMS;
	bd.buf_ptr = (uintptr_t)&ob;
	bd.buf_len = sizeof(ob);
	if (ioctl(fd, TEE_IOC_OPEN_SESSION, &bd) || ob.arg.ret) {
		fprintf(stderr, "open session failed: ret 0x%x\n", ob.arg.ret);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		struct invoke_buf ib = { 0 };
		uint64_t t0;

		ib.arg.func = PTA_TEST_CMD_ADD;
		ib.arg.session = ob.arg.session;
		ib.arg.num_params = MAX_PARAMS;
		ib.params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
		ib.params[0].a = (uint64_t)i;
		ib.params[0].b = 1;
		ib.params[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
		bd.buf_ptr = (uintptr_t)&ib;
		bd.buf_len = sizeof(ib);
		t0 = now_ns();
		if (ioctl(fd, TEE_IOC_INVOKE, &bd) || ib.arg.ret ||
		    ib.params[1].a != (uint64_t)i + 1) {
			fprintf(stderr, "invoke %d failed: ret 0x%x\n", i,
				ib.arg.ret);
			return 1;
		}
		t[i] = now_ns() - t0;
	}
	qsort(t, (size_t)n, sizeof(*t), cmp_u64);
	printf("invoke_us min=%.1f median=%.1f n=%d\n", t[0] / 1000.0,
	       t[n / 2] / 1000.0, n);
	return 0;
}
