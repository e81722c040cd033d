/*
 * teetest: in-guest regression tests of the OP-TEE message ABI, driven through
 * the Linux TEE subsystem's raw ioctls on /dev/tee0 (no libteec), against the
 * test pseudo TA (inc/rampart/abi/pta_test.h).
 *
 * Usage: teetest [--with-supplicant] [--budget SECONDS] [substring]
 * Prints one "@@RESULT <name> pass|fail <detail>@@" line per selected test
 * (tests/qemu/lib.sh report_results turns them into PASS/FAIL) and exits 0
 * iff every selected test passed.
 *
 * Each test runs in a forked child that the parent waits for with a timeout:
 * a call stuck in the secure world cannot be interrupted (the driver's SMC
 * loop ignores signals), so the parent never blocks on it. A timeout, a crash
 * or a missing verdict all become a fail line. Because the child is
 * short-lived, tests leave fds, sessions and registered memory to be released
 * by the kernel at exit (which exercises CLOSE_SESSION / UNREGISTER_SHM too).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/tee.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rampart/abi/pta_test.h"

#define NPARAMS 4 /* like libteec: always 4 GP parameters */
#define PAGE 4096u
#define DETAIL_LEN 480

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

static const uint8_t pta_uuid[16] = PTA_TEST_UUID_OCTETS;
static char detail[DETAIL_LEN]; /* the running test's detail (child only) */
static int tee_fd = -1;         /* the child's /dev/tee0 and PTA session */
static uint32_t session;
static int test_arg; /* struct test's arg for the running test */

/* ---- utilities ------------------------------------------------------------ */

/* Appends to the detail; only the test's main thread calls it. */
static void note(const char *fmt, ...)
{
	size_t n = strlen(detail);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(detail + n, sizeof(detail) - n, fmt, ap);
	va_end(ap);
}

static const char *ret_name(uint32_t r)
{
	static const struct { uint32_t v; const char *s; } names[] = {
		{ 0x00000000, "SUCCESS" }, { 0xFFFF0000, "GENERIC" },
		{ 0xFFFF0002, "CANCEL" }, { 0xFFFF0006, "BAD_PARAMETERS" },
		{ 0xFFFF0008, "ITEM_NOT_FOUND" }, { 0xFFFF0009, "NOT_IMPLEMENTED" },
		{ 0xFFFF000A, "NOT_SUPPORTED" }, { 0xFFFF000C, "OUT_OF_MEMORY" },
		{ 0xFFFF000D, "BUSY" }, { 0xFFFF000E, "COMMUNICATION" },
		{ 0xFFFF000F, "SECURITY" }, { 0xFFFF0010, "SHORT_BUFFER" },
		{ 0xFFFF3024, "TARGET_DEAD" }, { IOCTL_FAILED, "ioctl failed" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].v == r)
			return names[i].s;
	return "?";
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_ms(unsigned int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* xorshift64*, seeded per test; the seed is printed for reproduction. */
static uint64_t rng_state;
static void fill_random(uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		rng_state ^= rng_state >> 12;
		rng_state ^= rng_state << 25;
		rng_state ^= rng_state >> 27;
		p[i] = (uint8_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 56);
	}
}

static uint64_t fnv1a64(const uint8_t *p, size_t n)
{
	uint64_t h = PTA_TEST_FNV64_OFFSET;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * PTA_TEST_FNV64_PRIME;
	return h;
}

static param_t val(uint64_t attr, uint64_t a, uint64_t b)
{
	return (param_t){ .attr = attr, .a = a, .b = b };
}

static param_t memref(uint64_t attr, int shm_id, uint64_t offs, uint64_t size)
{
	return (param_t){ attr, offs, size, (uint64_t)shm_id };
}

/* ---- ioctl wrappers: 0 or -errno; the TEE's verdict in ret and origin ---- */

static int open_session(int fd, const uint8_t uuid[16], uint32_t *sess,
			uint32_t *ret, uint32_t *origin)
{
	union {
		struct tee_ioctl_open_session_arg arg;
		uint8_t raw[sizeof(struct tee_ioctl_open_session_arg) +
			    NPARAMS * sizeof(param_t)];
	} u;
	/* The driver insists on buf_len == header + 32 * num_params. */
	struct tee_ioctl_buf_data buf = { (uintptr_t)&u, sizeof(u.raw) };

	memset(&u, 0, sizeof(u));
	memcpy(u.arg.uuid, uuid, 16);
	u.arg.clnt_login = TEE_IOCTL_LOGIN_PUBLIC;
	u.arg.num_params = NPARAMS; /* all NONE */
	u.arg.ret = u.arg.ret_origin = 0xdeadbeef; /* must be overwritten */
	if (ioctl(fd, TEE_IOC_OPEN_SESSION, &buf))
		return -errno;
	*sess = u.arg.session;
	*ret = u.arg.ret;
	*origin = u.arg.ret_origin;
	return 0;
}

/* Invokes func with p[NPARAMS], which is updated with the outputs. */
static int invoke(int fd, uint32_t sess, uint32_t func, uint32_t cancel_id,
		  param_t *p, uint32_t *ret, uint32_t *origin)
{
	union {
		struct tee_ioctl_invoke_arg arg;
		uint8_t raw[sizeof(struct tee_ioctl_invoke_arg) +
			    NPARAMS * sizeof(param_t)];
	} u;
	struct tee_ioctl_buf_data buf = { (uintptr_t)&u, sizeof(u.raw) };

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

static int tee_open(void)
{
	int fd = open("/dev/tee0", O_RDWR);

	if (fd < 0)
		note("open /dev/tee0: %s", strerror(errno));
	return fd;
}

/* Opens tee_fd and a session to the test PTA; -1 (with a note) if not. */
static int connect_pta(int *fd, uint32_t *sess)
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
		note("OPEN_SESSION ret " RET_FMT " origin %u", RET(ret), origin);
	return rc || ret != TEE_SUCCESS ? -1 : 0;
}

static int pta_open(void)
{
	return connect_pta(&tee_fd, &session);
}

/* Invokes cmd on the test's session; the TEE result, or IOCTL_FAILED. */
static uint32_t call(uint32_t cmd, param_t *p)
{
	uint32_t ret;
	int rc = invoke(tee_fd, session, cmd, 0, p, &ret, NULL);

	if (rc) {
		note("INVOKE cmd 0x%x: %s; ", cmd, strerror(-rc));
		return IOCTL_FAILED;
	}
	return ret;
}

static int stats(uint64_t *threads, uint64_t *refusals)
{
	param_t p[NPARAMS] = { val(P_VOUT, 0, 0) };
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
static int shm_register(size_t reg_off, size_t len, uint8_t **map,
			size_t *map_len)
{
	struct tee_ioctl_shm_register_data r = { 0 };

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

/* ---- single-call tests ----------------------------------------------------- */

static int t_version(void)
{
	struct tee_ioctl_version_data v = { 0 };
	uint32_t want = TEE_GEN_CAP_GP | TEE_GEN_CAP_REG_MEM |
			TEE_GEN_CAP_MEMREF_NULL;
	int fd = tee_open();

	if (fd < 0)
		return 1;
	if (ioctl(fd, TEE_IOC_VERSION, &v)) {
		note("VERSION: %s", strerror(errno));
		return 1;
	}
	note("impl_id=%u impl_caps=0x%x gen_caps=0x%x", v.impl_id, v.impl_caps,
	     v.gen_caps);
	if ((v.gen_caps & want) != want)
		note(" missing gen_caps 0x%x", want & ~v.gen_caps);
	return v.impl_id != TEE_IMPL_ID_OPTEE ||
	       !(v.impl_caps & TEE_OPTEE_CAP_TZ) || (v.gen_caps & want) != want;
}

static int t_open_close(void)
{
	struct tee_ioctl_close_session_arg c;

	if (pta_open())
		return 1;
	c.session = session;
	if (ioctl(tee_fd, TEE_IOC_CLOSE_SESSION, &c)) {
		note("CLOSE_SESSION %u: %s", session, strerror(errno));
		return 1;
	}
	note("session %u opened and closed", session);
	return 0;
}

static int t_unknown_uuid(void)
{
	/* A random version 4 UUID that nothing implements. */
	static const uint8_t bogus[16] = { 0x5c, 0x0f, 0x61, 0x3e, 0x9b, 0x2d,
					   0x4a, 0x71, 0x8e, 0x44, 0x02, 0xd9,
					   0x73, 0xa1, 0x6b, 0xf0 };
	uint32_t s, ret, origin;
	int fd = tee_open(), rc;

	if (fd < 0)
		return 1;
	rc = open_session(fd, bogus, &s, &ret, &origin);
	if (rc) {
		note("OPEN_SESSION ioctl: %s", strerror(-rc));
		return 1;
	}
	note("ret " RET_FMT " origin %u", RET(ret), origin);
	return ret != TEE_ERROR_ITEM_NOT_FOUND || origin != TEE_ORIGIN_TEE;
}

static int t_value_add(void)
{
	/* The sum wraps: 0xfffffff0 + 0x20 = 0x10 (mod 2^32). */
	param_t p[NPARAMS] = { val(P_VIN, 0xfffffff0, 0x20), val(P_VOUT, 0, 0) };
	uint32_t ret;

	if (pta_open())
		return 1;
	ret = call(PTA_TEST_CMD_ADD, p);
	note("ret " RET_FMT " out.a=0x%llx out.b=0x%llx", RET(ret), U(p[1].a),
	     U(p[1].b));
	return ret != TEE_SUCCESS || p[1].a != 0x10 ||
	       p[1].b != (0xfffffff0u ^ 0x20u);
}

static int t_bad_param_types(void)
{
	param_t p1[NPARAMS] = { 0 }, p2[NPARAMS] = { val(P_VIN, 1, 2) };
	param_t p3[NPARAMS] = { 0 };
	uint32_t r1, r2, r3, o3 = 0;
	size_t map_len;
	uint8_t *map;
	int id;

	if (pta_open() || (id = shm_register(0, PAGE, &map, &map_len)) < 0)
		return 1;
	p1[0] = memref(P_MIN, id, 0, 16); /* a valid memref where a value goes */
	r1 = call(PTA_TEST_CMD_ADD, p1);
	r2 = call(PTA_TEST_CMD_ADD, p2); /* the VALUE_OUTPUT is missing */
	if (invoke(tee_fd, session, 0x1234, 0, p3, &r3, &o3))
		r3 = IOCTL_FAILED;
	note("memref-for-value:%s missing-output:%s cmd-0x1234:%s(origin %u)",
	     ret_name(r1), ret_name(r2), ret_name(r3), o3);
	return r1 != TEE_ERROR_BAD_PARAMETERS ||
	       r2 != TEE_ERROR_BAD_PARAMETERS ||
	       (r3 != TEE_ERROR_BAD_PARAMETERS &&
		r3 != TEE_ERROR_NOT_IMPLEMENTED && r3 != TEE_ERROR_NOT_SUPPORTED);
}

/* HASH_AND_PATTERN with a NULL memref: the hash of nothing. */
static int t_memref_0(void)
{
	param_t p[NPARAMS] = { memref(P_MINOUT, -1, 0, 0), val(P_VOUT, 0, 0) };
	uint64_t h = PTA_TEST_FNV64_OFFSET;
	uint32_t ret;

	p[0].c = TEE_MEMREF_NULL;
	if (pta_open())
		return 1;
	ret = call(PTA_TEST_CMD_HASH_AND_PATTERN, p);
	note("ret " RET_FMT " hash 0x%08llx%08llx (want 0x%016llx) size %llu",
	     RET(ret), U(p[1].b), U(p[1].a), U(h), U(p[0].b));
	return ret != TEE_SUCCESS || p[1].a != (uint32_t)h ||
	       p[1].b != h >> 32 || p[0].b != 0;
}

/*
 * Runs HASH_AND_PATTERN on the n bytes at `data` (memref p0) and checks: the
 * hash is that of the bytes before the call, the size came back unchanged
 * and every byte now holds PTA_TEST_PATTERN(i).
 */
static int hash_and_check(param_t p0, uint8_t *data, size_t n)
{
	param_t p[NPARAMS] = { p0, val(P_VOUT, 0, 0) };
	uint64_t h = fnv1a64(data, n);
	uint32_t ret = call(PTA_TEST_CMD_HASH_AND_PATTERN, p);

	note("ret " RET_FMT, RET(ret));
	if (ret != TEE_SUCCESS)
		return 1;
	if (p[1].a != (uint32_t)h || p[1].b != h >> 32) {
		note(" hash 0x%08llx%08llx want 0x%016llx", U(p[1].b), U(p[1].a),
		     U(h));
		return 1;
	}
	if (p[0].b != n) {
		note(" size came back as %llu", U(p[0].b));
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		if (data[i] != PTA_TEST_PATTERN(i)) {
			note(" byte %zu is 0x%02x want 0x%02x", i, data[i],
			     PTA_TEST_PATTERN(i));
			return 1;
		}
	}
	note(" hash ok, %zu bytes patterned", n);
	return 0;
}

/*
 * Registered memory: [reg_off, reg_off + reg_len) of a fresh mapping is
 * registered; the memref covers [mem_off, mem_off + n) of the registration.
 * Besides hash and pattern, no byte outside the memref may change.
 */
static int memref_case(size_t reg_off, size_t reg_len, size_t mem_off, size_t n)
{
	size_t map_len, i;
	uint8_t *map, *orig, *data;
	int id;

	note("seed %llx: ", U(rng_state));
	if (pta_open() || (id = shm_register(reg_off, reg_len, &map, &map_len)) < 0)
		return 1;
	orig = malloc(map_len);
	if (!orig) {
		note("out of memory");
		return 1;
	}
	fill_random(map, map_len);
	memcpy(orig, map, map_len);
	data = map + reg_off + mem_off;
	if (hash_and_check(memref(P_MINOUT, id, mem_off, n), data, n))
		return 1;
	for (i = 0; i < map_len; i++) {
		if ((map + i < data || map + i >= data + n) && map[i] != orig[i]) {
			note("; but byte map+%zu outside the memref changed", i);
			return 1;
		}
	}
	return 0;
}

#define BIG (5 * 512 * 1024 + 123) /* 2.5 MiB + 123 */
#define BIG_OFF (123 + 3 * PAGE)
static const struct { size_t reg_off, reg_len, mem_off, n; } memref_cases[] = {
	/* 1: one byte, the last of a page, in a registration from mid-page */
	{ 4000, 200, 95, 1 },
	/* 4096: one whole aligned page */
	{ 0, PAGE, 0, PAGE },
	/*
	 * 2.5 MiB + 123 from byte 123 of the registration's 4th page: 641
	 * pages, so the secure side must follow the page list past its first
	 * 511-entry list page and honour an offset that is not page-aligned.
	 */
	{ 0, BIG_OFF + BIG, BIG_OFF, BIG },
};

static int t_memref(void)
{
	int i = test_arg;

	return memref_case(memref_cases[i].reg_off, memref_cases[i].reg_len,
			   memref_cases[i].mem_off, memref_cases[i].n);
}

/* Driver-allocated shared memory (TEE_IOC_SHM_ALLOC), mapped from its fd. */
static int t_memref_shm_alloc(void)
{
	struct tee_ioctl_shm_alloc_data a = { .size = 8192 };
	uint8_t *buf;
	int shm_fd;

	if (pta_open())
		return 1;
	shm_fd = ioctl(tee_fd, TEE_IOC_SHM_ALLOC, &a);
	if (shm_fd < 0) {
		note("SHM_ALLOC: %s", strerror(errno));
		return 1;
	}
	buf = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, shm_fd, 0);
	if (buf == MAP_FAILED) {
		note("mmap of the shm fd: %s", strerror(errno));
		return 1;
	}
	fill_random(buf, 8192);
	return hash_and_check(memref(P_MINOUT, a.id, 0, 8192), buf, 8192);
}

/* arg: 0 kernel, 1 application (tee-supplicant) memory */
static int t_rpc_shm(void)
{
	int kind = test_arg;
	param_t p[NPARAMS] = { val(P_VIN, 100000, kind) };
	uint32_t ret;

	if (pta_open())
		return 1;
	ret = call(PTA_TEST_CMD_RPC_SHM, p);
	note("100000 bytes of %s memory: ret " RET_FMT,
	     kind ? "application" : "kernel", RET(ret));
	return ret != TEE_SUCCESS;
}

static int t_rpc_get_time(void)
{
	param_t p[NPARAMS] = { val(P_VOUT, 0, 0) };
	long long diff;
	uint32_t ret;

	if (pta_open())
		return 1;
	ret = call(PTA_TEST_CMD_RPC_GET_TIME, p);
	diff = (long long)p[0].a - (long long)time(NULL);
	note("ret " RET_FMT " tee=%llu.%09llu diff %llds", RET(ret), U(p[0].a),
	     U(p[0].b), diff);
	return ret != TEE_SUCCESS || diff > 120 || diff < -120 ||
	       p[0].b >= 1000000000ull;
}

/* ---- multi-threaded tests ------------------------------------------------- */

struct worker {
	pthread_t th;
	int fd, err; /* err: errno of a failed ioctl */
	uint32_t sess, cmd, cancel_id, a, b, ret;
	unsigned int wrong; /* concurrent_fds: wrong results */
	atomic_int done;
	pthread_barrier_t *gate; /* if set: wait here, then call together */
};

/* One call of w->cmd with VALUE_INPUT(a, b) on the worker's session. */
static void *worker_call(void *arg)
{
	struct worker *w = arg;
	param_t p[NPARAMS] = { val(P_VIN, w->a, w->b) };
	int rc;

	if (w->gate)
		pthread_barrier_wait(w->gate);
	rc = invoke(w->fd, w->sess, w->cmd, w->cancel_id, p, &w->ret, NULL);

	if (rc) {
		w->ret = IOCTL_FAILED;
		w->err = -rc;
	}
	atomic_store(&w->done, 1);
	return NULL;
}

/*
 * n threads on tee_fd, each with its own session, all call cmd(a, b) at the
 * same moment. Returns how many got TEE_SUCCESS; notes the others.
 */
static unsigned int run_together(unsigned int n, uint32_t cmd, uint32_t a,
				 uint32_t b)
{
	struct worker *w = calloc(n, sizeof(*w));
	unsigned int i, ok = 0;
	pthread_barrier_t gate;
	uint32_t ret, origin;
	int rc;

	if (!w || pthread_barrier_init(&gate, NULL, n + 1))
		return 0;
	/* Sessions first, so that the calls really start together. */
	for (i = 0; i < n; i++) {
		rc = open_session(tee_fd, pta_uuid, &w[i].sess, &ret, &origin);
		if (rc || ret != TEE_SUCCESS) {
			note("session %u: %s " RET_FMT "; ", i,
			     rc ? strerror(-rc) : "", RET(rc ? IOCTL_FAILED : ret));
			return 0;
		}
		w[i].fd = tee_fd;
		w[i].cmd = cmd;
		w[i].a = a;
		w[i].b = b;
		w[i].gate = &gate;
	}
	for (i = 0; i < n; i++) {
		if (pthread_create(&w[i].th, NULL, worker_call, &w[i])) {
			note("pthread_create failed; ");
			return 0; /* the started ones die with this process */
		}
	}
	pthread_barrier_wait(&gate);
	for (i = 0; i < n; i++) {
		pthread_join(w[i].th, NULL);
		if (w[i].ret == TEE_SUCCESS)
			ok++;
		else
			note("[%u] %s %s; ", i, ret_name(w[i].ret),
			     w[i].err ? strerror(w[i].err) : "");
	}
	return ok;
}

static int t_barrier_threads(void)
{
	uint64_t n, refusals;
	unsigned int ok;

	if (pta_open() || stats(&n, &refusals))
		return 1;
	ok = run_together(n, PTA_TEST_CMD_BARRIER, n, 1);
	note("N=%llu: %u/%llu callers met at the barrier", U(n), ok, U(n));
	return ok != n;
}

/*
 * 2N callers of LONG_RUNNING(1 s) for N secure threads, all at once: at least
 * N of them must be refused with ETHREAD_LIMIT, wait in the driver and be
 * retried. All must succeed, and STATS must have counted the refusals.
 *
 * Not BARRIER(N) as the overflow load: Linux 6.1 wakes a refused caller only
 * when another call completes, and may hand that wake-up to a caller that is
 * still inside the TEE. Callers that wait in the TEE for refused ones can
 * then deadlock until BARRIER's 60 s BUSY (seen in ~1 run of 5); callers
 * that finish on their own always pass the wake-up on.
 */
static int t_ethread_limit(void)
{
	uint64_t n, before, after;
	unsigned int ok;

	if (pta_open() || stats(&n, &before))
		return 1;
	ok = run_together(2 * n, PTA_TEST_CMD_LONG_RUNNING, 1000, 0);
	if (stats(&n, &after))
		return 1;
	note("N=%llu: %u/%llu succeeded; ETHREAD_LIMIT refusals %llu -> %llu",
	     U(n), ok, U(2 * n), U(before), U(after));
	return ok != 2 * n || after <= before;
}

/*
 * A thread runs LONG_RUNNING(30 s) with cancel_id 77; this one cancels it
 * every 20 ms until it returns. The first cancels may reach the TEE before
 * the call does and are then lost; hence the repetition.
 */
static int t_cancel(void)
{
	struct worker w = { 0 };
	struct tee_ioctl_cancel_arg c;
	unsigned int sent = 0, failed = 0;
	int last_err = 0;
	double t0 = now_s();

	if (pta_open())
		return 1;
	w.fd = tee_fd;
	w.sess = c.session = session;
	w.cmd = PTA_TEST_CMD_LONG_RUNNING;
	w.cancel_id = c.cancel_id = 77;
	w.a = 30000;
	if (pthread_create(&w.th, NULL, worker_call, &w)) {
		note("pthread_create failed");
		return 1;
	}
	while (!atomic_load(&w.done) && now_s() - t0 < 40) {
		sleep_ms(20);
		if (atomic_load(&w.done))
			break;
		if (ioctl(tee_fd, TEE_IOC_CANCEL, &c)) {
			failed++;
			last_err = errno;
		}
		sent++;
	}
	if (!atomic_load(&w.done)) {
		/* The parent kills this process; the thread stays in the TEE. */
		note("LONG_RUNNING still running after 40 s and %u cancels",
		     sent);
		return 1;
	}
	pthread_join(w.th, NULL);
	note("ret " RET_FMT " %s after %.2f s and %u cancels", RET(w.ret),
	     w.err ? strerror(w.err) : "", now_s() - t0, sent);
	if (failed)
		note(" (%u CANCEL ioctls failed: %s)", failed,
		     strerror(last_err));
	return w.ret != TEE_ERROR_CANCEL || failed;
}

/* 200 ADDs with operands that vary per call and per thread (w->b). */
static void *worker_adds(void *arg)
{
	struct worker *w = arg;

	for (uint32_t i = 0; i < 200; i++) {
		uint32_t a = 0x9e3779b9u * (i + 1) + w->b, ret;
		uint32_t b = 0x7f4a7c15u ^ (i << 8) ^ (w->b << 24);
		param_t p[NPARAMS] = { val(P_VIN, a, b), val(P_VOUT, 0, 0) };
		int rc = invoke(w->fd, w->sess, PTA_TEST_CMD_ADD, 0, p, &ret,
				NULL);

		if (rc) {
			w->err = -rc;
			break;
		}
		if (ret != TEE_SUCCESS || p[1].a != (uint32_t)(a + b) ||
		    p[1].b != (a ^ b))
			w->wrong++;
	}
	return NULL;
}

/* Four threads, each with its own /dev/tee0 fd and session. */
static int t_concurrent_fds(void)
{
	struct worker w[4];
	unsigned int i, bad = 0;

	memset(w, 0, sizeof(w));
	for (i = 0; i < 4; i++) {
		if (connect_pta(&w[i].fd, &w[i].sess))
			return 1;
		w[i].b = i;
	}
	for (i = 0; i < 4; i++) {
		if (pthread_create(&w[i].th, NULL, worker_adds, &w[i])) {
			note("pthread_create failed");
			return 1;
		}
	}
	for (i = 0; i < 4; i++) {
		pthread_join(w[i].th, NULL);
		if (w[i].wrong || w[i].err) {
			note("[%u] %u wrong %s; ", i, w[i].wrong,
			     w[i].err ? strerror(w[i].err) : "");
			bad = 1;
		}
	}
	if (!bad)
		note("4 fds x 200 ADDs correct");
	return bad;
}

/* ---- tests that need tee-supplicant ---------------------------------------- */

/* cmd with [0] MEMREF_INPUT over a copy of in[len], [1] VALUE_OUTPUT. */
static uint32_t call_with_input(uint32_t cmd, const void *in, size_t len,
				param_t *out)
{
	param_t p[NPARAMS] = { 0 };
	size_t map_len;
	uint8_t *map;
	int id;

	*out = p[1];
	if (pta_open() || (id = shm_register(0, PAGE, &map, &map_len)) < 0)
		return IOCTL_FAILED;
	memcpy(map, in, len);
	p[0] = memref(P_MIN, id, 0, len);
	p[1] = val(P_VOUT, 0, 0);
	uint32_t ret = call(cmd, p);
	*out = p[1];
	return ret;
}

static int t_rpc_fs(void)
{
	char name[64];
	param_t out;
	uint32_t ret;

	snprintf(name, sizeof(name), "teetest-%d", (int)getpid());
	ret = call_with_input(PTA_TEST_CMD_RPC_FS, name, strlen(name) + 1, &out);
	if (ret == IOCTL_FAILED)
		return 1;
	note("%s: ret " RET_FMT " %llu bytes", name, RET(ret), U(out.a));
	return ret != TEE_SUCCESS || out.a == 0;
}

static int t_rpc_load_ta_missing(void)
{
	uint8_t uuid[16];
	param_t out;
	uint32_t ret;

	fill_random(uuid, sizeof(uuid));
	uuid[6] = (uuid[6] & 0x0f) | 0x40; /* a well-formed version 4 UUID */
	uuid[8] = (uuid[8] & 0x3f) | 0x80;
	ret = call_with_input(PTA_TEST_CMD_RPC_LOAD_TA_SIZE, uuid, 16, &out);
	if (ret == IOCTL_FAILED)
		return 1;
	note("ret " RET_FMT, RET(ret));
	return ret != TEE_ERROR_ITEM_NOT_FOUND;
}

static int t_rpc_rpmb(void)
{
	param_t p[NPARAMS] = { val(P_VOUT, 0, 0) };
	uint32_t ret;

	if (pta_open())
		return 1;
	ret = call(PTA_TEST_CMD_RPC_RPMB_INFO, p);
	note("ret " RET_FMT " size_mult %llu rel_wr_sec_c %llu", RET(ret),
	     U(p[0].a), U(p[0].b));
	return ret != TEE_SUCCESS || p[0].a == 0 || p[0].b == 0;
}

/* ---- runner ------------------------------------------------------------------ */

static const struct test {
	const char *name;
	int (*fn)(void); /* 0 = pass */
	int arg;         /* test_arg while it runs */
	int timeout_s;   /* for the whole child */
	int supplicant;  /* only with --with-supplicant */
} tests[] = {
	/* Quick ones first: a TEE wedged by a later test cannot hide them. */
	{ "version", t_version, 0, 15, 0 },
	{ "open_close", t_open_close, 0, 20, 0 },
	{ "unknown_uuid", t_unknown_uuid, 0, 20, 0 },
	{ "value_add", t_value_add, 0, 20, 0 },
	{ "bad_param_types", t_bad_param_types, 0, 20, 0 },
	{ "memref_0", t_memref_0, 0, 20, 0 },
	{ "memref_1", t_memref, 0, 20, 0 },
	{ "memref_4096", t_memref, 1, 20, 0 },
	{ "memref_2_5mib_unaligned", t_memref, 2, 40, 0 },
	{ "memref_shm_alloc", t_memref_shm_alloc, 0, 20, 0 },
	{ "rpc_shm_kernel", t_rpc_shm, 0, 20, 0 },
	{ "rpc_get_time", t_rpc_get_time, 0, 20, 0 },
	{ "concurrent_fds", t_concurrent_fds, 0, 40, 0 },
	{ "cancel", t_cancel, 0, 50, 0 },
	/* BARRIER itself gives up with BUSY after 60 s. */
	{ "barrier_threads", t_barrier_threads, 0, 75, 0 },
	{ "ethread_limit", t_ethread_limit, 0, 40, 0 },
	{ "rpc_shm_appl", t_rpc_shm, 1, 20, 1 },
	{ "rpc_fs", t_rpc_fs, 0, 30, 1 },
	{ "rpc_load_ta_missing", t_rpc_load_ta_missing, 0, 20, 1 },
	{ "rpc_rpmb", t_rpc_rpmb, 0, 20, 1 },
};

static void result(const char *name, int pass, char *d)
{
	for (char *c = d; *c; c++) /* keep the @@...@@ framing on one line */
		if (*c == '@' || *c == '\n' || *c == '\r')
			*c = ' ';
	printf("@@RESULT %s %s %s@@\n", name, pass ? "pass" : "fail",
	       d[0] ? d : "-");
	fflush(stdout);
}

/*
 * Runs one test in a child, which sends "P|F detail\n" through a pipe. The
 * parent reads that one line within timeout_s; it does not wait for EOF: a
 * child with a thread stuck in the TEE keeps the pipe open even after _exit.
 */
static int run_test(const struct test *t, int timeout_s, uint64_t seed)
{
	char buf[DETAIL_LEN + 4] = "", d[DETAIL_LEN + 64] = "";
	double end = now_s() + timeout_s;
	int pfd[2], status, pass = 0;
	size_t got = 0;
	pid_t pid;

	fflush(stdout);
	if (pipe(pfd) || (pid = fork()) < 0) {
		snprintf(d, sizeof(d), "pipe/fork: %s", strerror(errno));
		result(t->name, 0, d);
		return 0;
	}
	if (pid == 0) {
		close(pfd[0]);
		rng_state = seed | 1;
		test_arg = t->arg;
		int bad = t->fn();
		dprintf(pfd[1], "%c %s\n", bad ? 'F' : 'P', detail);
		_exit(0);
	}
	close(pfd[1]);
	while (!memchr(buf, '\n', got) && got < sizeof(buf) - 1) {
		struct pollfd p = { pfd[0], POLLIN, 0 };
		double left = end - now_s();
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)(left * 1000) + 1) == 0) {
			snprintf(d, sizeof(d), "timed out after %d s "
				 "(a TEE call did not return)", timeout_s);
			break;
		}
		n = read(pfd[0], buf + got, sizeof(buf) - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += n;
	}
	close(pfd[0]);
	if (memchr(buf, '\n', got) && got >= 2) {
		*strchr(buf, '\n') = 0;
		pass = buf[0] == 'P';
		snprintf(d, sizeof(d), "%s", buf + 2);
	}
	/* Reap the child, but never wait long for one wedged in the TEE. */
	kill(pid, SIGKILL);
	for (int i = 0; i < 100; i++, sleep_ms(10)) {
		if (waitpid(pid, &status, WNOHANG) != pid)
			continue;
		if (!d[0] && WIFSIGNALED(status))
			snprintf(d, sizeof(d), "test died by signal %d",
				 WTERMSIG(status));
		break;
	}
	if (!d[0])
		snprintf(d, sizeof(d), "no verdict from the test process");
	result(t->name, pass, d);
	return pass;
}

int main(int argc, char **argv)
{
	const char *filter = NULL;
	int with_suppl = 0, budget = 270, ran = 0, passed = 0;
	uint64_t seed = (uint64_t)time(NULL) * 0x9e3779b97f4a7c15ull ^
			(uint64_t)getpid();
	double deadline;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--with-supplicant")) {
			with_suppl = 1;
		} else if (!strcmp(argv[i], "--budget") && i + 1 < argc) {
			budget = atoi(argv[++i]);
		} else if (argv[i][0] == '-' || filter) {
			fprintf(stderr, "usage: teetest [--with-supplicant] "
				"[--budget SECONDS] [substring]\n");
			return 2;
		} else {
			filter = argv[i];
		}
	}
	/* The whole run must end inside the host's QEMU timeout (300 s). */
	deadline = now_s() + budget;
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		const struct test *t = &tests[i];
		int left = (int)(deadline - now_s());
		char d[80];

		if ((t->supplicant && !with_suppl) ||
		    (filter && !strstr(t->name, filter)))
			continue;
		ran++;
		if (left <= 0) {
			snprintf(d, sizeof(d), "not run: the %d s budget is used up",
				 budget);
			result(t->name, 0, d);
			continue;
		}
		passed += run_test(t, t->timeout_s < left ? t->timeout_s : left,
				   seed + i * 0x632be59bd9b4e019ull);
	}
	if (!ran)
		fprintf(stderr, "teetest: no test matches '%s'\n", filter);
	else
		fprintf(stderr, "teetest: %d/%d passed\n", passed, ran);
	return passed == ran && ran ? 0 : 1;
}
