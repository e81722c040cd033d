/*
 * Round trips through raw /dev/tee0 ioctls, each timed with
 * CLOCK_MONOTONIC:
 *   teebench [N]            N invokes of a one-value command on a warm
 *                           session with the test PTA -> "invoke_us ..."
 *   teebench ta-invoke [N]  the same with a user TA (gp13_ta's SIZES
 *                           command, which does not log) -> "ta_invoke_us ..."
 *   teebench ta-open [N]    N open+close of the hello_world TA; it is not
 *                           kept alive, so every open loads, verifies and
 *                           maps it again -> "ta_open_us ..."
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

static const uint8_t hello_uuid[16] = { 0x8a, 0xaa, 0xf2, 0x00, 0x24, 0x50,
					       0x11, 0xe4, 0xab, 0xe2, 0x00, 0x02,
					       0xa5, 0xd5, 0xc5, 0x1b };

static const uint8_t gp13_uuid[16] = { 0x40, 0xc5, 0x19, 0x87, 0x3c, 0x41,
				      0x4c, 0x2c, 0x8d, 0xe6, 0x32, 0x46,
				      0xfa, 0x4e, 0xf1, 0x58 };
#define GP13_CMD_SIZES 4

static int open_session(int fd, const uint8_t uuid[16], uint32_t *session)
{
	struct open_buf ob = { 0 };
	struct tee_ioctl_buf_data bd = { (uintptr_t)&ob, sizeof(ob) };

	memcpy(ob.arg.uuid, uuid, 16);
	ob.arg.clnt_login = TEE_IOCTL_LOGIN_PUBLIC;
	ob.arg.num_params = MAX_PARAMS;
	if (ioctl(fd, TEE_IOC_OPEN_SESSION, &bd) || ob.arg.ret) {
		fprintf(stderr, "open session failed: ret 0x%x\n", ob.arg.ret);
		return -1;
	}
	*session = ob.arg.session;
	return 0;
}

static void report(const char *what, uint64_t *t, int n)
{
	qsort(t, (size_t)n, sizeof(*t), cmp_u64);
	printf("%s min=%.1f median=%.1f n=%d\n", what, t[0] / 1000.0,
	       t[n / 2] / 1000.0, n);
}

static int bench_open(int fd, uint64_t *t, int n)
{
	for (int i = 0; i < n; i++) {
		struct tee_ioctl_close_session_arg c = { 0 };
		uint64_t t0 = now_ns();

		if (open_session(fd, hello_uuid, &c.session))
			return 1;
		ioctl(fd, TEE_IOC_CLOSE_SESSION, &c);
		t[i] = now_ns() - t0;
	}
	report("ta_open_us", t, n);
	return 0;
}

int main(int argc, char **argv)
{
	const uint8_t pta_uuid[16] = PTA_TEST_UUID_OCTETS;
	const uint8_t *uuid = pta_uuid;
	const char *what = "invoke_us";
	int mode_open = 0;
	int n;

	if (argc > 1 && !strcmp(argv[1], "ta-invoke")) {
		uuid = gp13_uuid;
		what = "ta_invoke_us";
		argv++;
		argc--;
	} else if (argc > 1 && !strcmp(argv[1], "ta-open")) {
		mode_open = 1;
		argv++;
		argc--;
	}
	n = argc > 1 ? atoi(argv[1]) : 2000;
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
	if (mode_open)
		return bench_open(fd, t, n);
	if (open_session(fd, uuid, &ob.arg.session))
		return 1;
	for (int i = 0; i < n; i++) {
		struct invoke_buf ib = { 0 };
		uint64_t t0;

		ib.arg.func = uuid == pta_uuid ? PTA_TEST_CMD_ADD : GP13_CMD_SIZES;
		ib.arg.session = ob.arg.session;
		ib.arg.num_params = MAX_PARAMS;
		ib.params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
		ib.params[0].a = (uint64_t)i;
		ib.params[0].b = 1;
		if (uuid == pta_uuid)
			ib.params[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
		else
			ib.params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
		bd.buf_ptr = (uintptr_t)&ib;
		bd.buf_len = sizeof(ib);
		t0 = now_ns();
		if (ioctl(fd, TEE_IOC_INVOKE, &bd) || ib.arg.ret ||
		    (uuid == pta_uuid ? ib.params[1].a != (uint64_t)i + 1
				      : ib.params[0].a != 8)) {
			fprintf(stderr, "invoke %d failed: ret 0x%x\n", i,
				ib.arg.ret);
			return 1;
		}
		t[i] = now_ns() - t0;
	}
	report(what, t, n);
	return 0;
}
