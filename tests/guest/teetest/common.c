/*
 * teetest's utilities and its wrappers of the /dev/tee0 ioctls, and the
 * state of the running test (in the forked child, see main.c; its detail is
 * tests/guest/common/runner.c's).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "teetest.h"

const uint8_t pta_uuid[16] = PTA_TEST_UUID_OCTETS;
int tee_fd = -1;	 /* the child's /dev/tee0 and PTA session */
uint32_t session;
int test_arg; /* struct test's arg for the running test */

/* ---- utilities ----------------------------------------------------------- */

const char *ret_name(uint32_t r)
{
	static const struct {
		uint32_t v;
		const char *s;
	} names[] = {
		{0x00000000, "SUCCESS"},	{0xFFFF0000, "GENERIC"},
		{0xFFFF0002, "CANCEL"},		{0xFFFF0006, "BAD_PARAMETERS"},
		{0xFFFF0008, "ITEM_NOT_FOUND"}, {0xFFFF0009, "NOT_IMPLEMENTED"},
		{0xFFFF000A, "NOT_SUPPORTED"},	{0xFFFF000C, "OUT_OF_MEMORY"},
		{0xFFFF000D, "BUSY"},		{0xFFFF000E, "COMMUNICATION"},
		{0xFFFF000F, "SECURITY"},	{0xFFFF0010, "SHORT_BUFFER"},
		{0xFFFF3024, "TARGET_DEAD"},	{IOCTL_FAILED, "ioctl failed"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (names[i].v == r)
			return names[i].s;
	return "?";
}

/* xorshift64*, seeded per test; the seed is printed for reproduction. */
uint64_t rng_state;
void fill_random(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rng_state ^= rng_state >> 12;
		rng_state ^= rng_state << 25;
		rng_state ^= rng_state >> 27;
		p[i] = (uint8_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 56);
	}
}

uint64_t fnv1a64(const uint8_t *p, size_t n)
{
	uint64_t h = PTA_TEST_FNV64_OFFSET;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * PTA_TEST_FNV64_PRIME;
	return h;
}

param_t val(uint64_t attr, uint64_t a, uint64_t b)
{
	return (param_t){.attr = attr, .a = a, .b = b};
}

param_t memref(uint64_t attr, int shm_id, uint64_t offs, uint64_t size)
{
	return (param_t){attr, offs, size, (uint64_t)shm_id};
}

/* ---- ioctl wrappers: 0 or -errno; the TEE's verdict in ret and origin ---- */

int open_session(int fd, const uint8_t uuid[16], uint32_t *sess, uint32_t *ret,
		 uint32_t *origin)
{
	union {
		struct tee_ioctl_open_session_arg arg;
		uint8_t raw[sizeof(struct tee_ioctl_open_session_arg) +
			    NPARAMS * sizeof(param_t)];
	} u;
	/* The driver insists on buf_len == header + 32 * num_params. */
	struct tee_ioctl_buf_data buf = {(uintptr_t)&u, sizeof(u.raw)};

	memset(&u, 0, sizeof(u));
	memcpy(u.arg.uuid, uuid, 16);
	u.arg.clnt_login = TEE_IOCTL_LOGIN_PUBLIC;
	u.arg.num_params = NPARAMS;		   /* all NONE */
	u.arg.ret = u.arg.ret_origin = 0xdeadbeef; /* must be overwritten */
	if (ioctl(fd, TEE_IOC_OPEN_SESSION, &buf))
		return -errno;
	*sess = u.arg.session;
	*ret = u.arg.ret;
	*origin = u.arg.ret_origin;
	return 0;
}

/* Invokes func with p[NPARAMS], which is updated with the outputs. */
int invoke(int fd, uint32_t sess, uint32_t func, uint32_t cancel_id, param_t *p,
	   uint32_t *ret, uint32_t *origin)
{
	union {
		struct tee_ioctl_invoke_arg arg;
		uint8_t raw[sizeof(struct tee_ioctl_invoke_arg) +
			    NPARAMS * sizeof(param_t)];
	} u;
	struct tee_ioctl_buf_data buf = {(uintptr_t)&u, sizeof(u.raw)};

	memset(&u, 0, sizeof(u));
	u.arg.func = func;
	u.arg.session = sess;
	u.arg.cancel_id = cancel_id;
	u.arg.num_params = NPARAMS;
	u.arg.ret = u.arg.ret_origin = 0xdeadbeef;
	memcpy(u.arg.params, p, NPARAMS * sizeof(*p));
	if (ioctl(fd, TEE_IOC_INVOKE, &buf))
		return -errno;
	memcpy(p, u.arg.params, NPARAMS * sizeof(*p));
	*ret = u.arg.ret;
	if (origin)
		*origin = u.arg.ret_origin;
	return 0;
}

int tee_open(void)
{
	int fd = open("/dev/tee0", O_RDWR);

	if (fd < 0)
		note("open /dev/tee0: %s", strerror(errno));
	return fd;
}

/* Opens tee_fd and a session to the test PTA; -1 (with a note) if not. */
int connect_pta(int *fd, uint32_t *sess)
{
	uint32_t ret, origin;
	int rc;

	*fd = tee_open();
	if (*fd < 0)
		return -1;
	rc = open_session(*fd, pta_uuid, sess, &ret, &origin);
	if (rc)
		note("OPEN_SESSION: %s", strerror(-rc));
	else if (ret != TEE_SUCCESS)
		note("OPEN_SESSION ret " RET_FMT " origin %u", RET(ret),
		     origin);
	return rc || ret != TEE_SUCCESS ? -1 : 0;
}

int pta_open(void)
{
	return connect_pta(&tee_fd, &session);
}

/* Invokes cmd on the test's session; the TEE result, or IOCTL_FAILED. */
uint32_t call(uint32_t cmd, param_t *p)
{
	uint32_t ret;
	int rc = invoke(tee_fd, session, cmd, 0, p, &ret, NULL);

	if (rc) {
		note("INVOKE cmd 0x%x: %s; ", cmd, strerror(-rc));
		return IOCTL_FAILED;
	}
	return ret;
}

int stats(uint64_t *threads, uint64_t *refusals)
{
	param_t p[NPARAMS] = {val(P_VOUT, 0, 0)};
	uint32_t ret = call(PTA_TEST_CMD_STATS, p);

	*threads = p[0].a;
	*refusals = p[0].b;
	if (ret != TEE_SUCCESS)
		note("STATS ret " RET_FMT, RET(ret));
	else if (p[0].a < 1 || p[0].a > 64) /* BARRIER accepts 1..64 */
		note("STATS says %llu secure threads", U(p[0].a));
	else
		return 0;
	return -1;
}

/*
 * Registered ("dynamic") shared memory: a fresh anonymous mapping, of which
 * [reg_off, reg_off + len) is registered with TEE_IOC_SHM_REGISTER. One spare
 * page follows, so that writes past the registration are caught too.
 * Returns the shm id, -1 on failure.
 */
int shm_register(size_t reg_off, size_t len, uint8_t **map, size_t *map_len)
{
	struct tee_ioctl_shm_register_data r = {0};

	*map_len = (reg_off + len + PAGE - 1) / PAGE * PAGE + PAGE;
	*map = mmap(NULL, *map_len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (*map == MAP_FAILED) {
		note("mmap %zu: %s", *map_len, strerror(errno));
		return -1;
	}
	r.addr = (uintptr_t)*map + reg_off;
	r.length = len;
	if (ioctl(tee_fd, TEE_IOC_SHM_REGISTER, &r) < 0) {
		note("SHM_REGISTER %zu bytes at +%zu: %s", len, reg_off,
		     strerror(errno));
		return -1;
	}
	return r.id;
}

/* pta_open() and one registered page (*id, mapped at *map); -1 if not. */
int pta_open_with_page(int *id, uint8_t **map)
{
	size_t map_len;

	if (pta_open() || (*id = shm_register(0, PAGE, map, &map_len)) < 0)
		return -1;
	return 0;
}
