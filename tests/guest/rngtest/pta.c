/*
 * The RNG pseudo TA and the device-enumeration PTA called directly from
 * user space with raw TEE ioctls: what optee-rng sees, the login policy,
 * and the refusals of malformed calls.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "rngtest.h"

#define NULL_SHM (-1) /* memref() turns it into TEE_MEMREF_NULL */

const uint8_t rng_uuid[16] = PTA_RNG_UUID_OCTETS;
const uint8_t device_pta_uuid[16] = {0x70, 0x11, 0xa6, 0x88, 0xdd, 0xde,
				     0x40, 0x53, 0xa5, 0xa9, 0x7b, 0x3c,
				     0x4d, 0xdf, 0x13, 0xb8};

/* One call with p0 (and p1); the TEE result, or IOCTL_FAILED. */
static uint32_t call(int fd, uint32_t sess, uint32_t cmd, param_t p0,
		     param_t p1, param_t *out0)
{
	param_t p[NPARAMS] = {p0, p1};
	uint32_t ret;

	invoke(fd, sess, cmd, p, &ret);
	if (out0)
		*out0 = p[0];
	return ret;
}

static bool all_bytes(const uint8_t *p, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

bool t_pta_rng_info(const void *arg)
{
	param_t out, none = {0};
	uint32_t sess, ret;
	int fd;

	(void)arg;
	if (pta_connect(rng_uuid, &fd, &sess))
		return false;
	ret = call(fd, sess, PTA_CMD_GET_RNG_INFO,
		   (param_t){.attr = P_VOUT, .a = 77, .b = 77}, none, &out);
	note("GET_RNG_INFO 0x%08x(%s) rate %llu quality %llu, expected %d; ",
	     ret, ret_name(ret), (unsigned long long)out.a,
	     (unsigned long long)out.b, expected_quality);
	expect(ret == TEE_SUCCESS, "GET_RNG_INFO failed");
	expect(out.a == 0, "rate not 0");
	expect(expected_quality >= 0 && out.b == (uint64_t)expected_quality,
	       "quality");
	return !failures;
}

bool t_pta_login_refused(const void *arg)
{
	static const struct {
		uint32_t login;
		const char *name;
	} refused[] = {
		{TEE_IOCTL_LOGIN_USER, "USER"},
		{TEE_IOCTL_LOGIN_GROUP, "GROUP"},
	};
	uint32_t sess, ret, origin;
	int fd = tee_open(), rc;

	(void)arg;
	if (fd < 0)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(refused); i++) {
		ret = origin = 0;
		rc = open_session(fd, rng_uuid, refused[i].login, &sess, &ret,
				  &origin);
		note("%s: %s 0x%08x(%s) origin %u; ", refused[i].name,
		     rc ? strerror(-rc) : "ok", ret, ret_name(ret), origin);
		expect(!rc && ret == TEE_ERROR_ACCESS_DENIED, "%s not refused",
		       refused[i].name);
	}
	/* User space cannot claim the kernel's login: Linux says EPERM. */
	rc = open_session(fd, rng_uuid, TEE_IOCTL_LOGIN_REE_KERNEL, &sess, &ret,
			  &origin);
	note("REE_KERNEL: %s; ", rc ? strerror(-rc) : "accepted");
	expect(rc == -EPERM, "REE_KERNEL from user space not EPERM");
	/* PUBLIC (6.1's in-kernel login) gets in: the refusals are policy. */
	rc = open_session(fd, rng_uuid, TEE_IOCTL_LOGIN_PUBLIC, &sess, &ret,
			  &origin);
	expect(!rc && ret == TEE_SUCCESS, "PUBLIC refused: 0x%08x", ret);
	return !failures;
}

bool t_pta_get_entropy(const void *arg)
{
	static uint8_t first[PAGE];
	param_t out, none = {0};
	uint32_t sess, ret;
	uint8_t *map;
	int fd, id;

	(void)arg;
	if (pta_connect(rng_uuid, &fd, &sess) ||
	    (id = shm_register(fd, PAGE, &map)) < 0)
		return false;
	memset(map, 0xa5, PAGE);
	ret = call(fd, sess, PTA_CMD_GET_ENTROPY, memref(P_MINOUT, id, PAGE),
		   none, &out);
	expect(ret == TEE_SUCCESS && out.b == PAGE,
	       "4096 bytes: 0x%08x size %llu", ret, (unsigned long long)out.b);
	expect(!all_bytes(map, PAGE, 0xa5), "buffer untouched");
	memcpy(first, map, PAGE);
	ret = call(fd, sess, PTA_CMD_GET_ENTROPY, memref(P_MINOUT, id, PAGE),
		   none, &out);
	expect(ret == TEE_SUCCESS && memcmp(first, map, PAGE),
	       "second 4096 bytes: 0x%08x, equal %d", ret,
	       !memcmp(first, map, PAGE));
	/* 100 bytes asked: 100 written, the rest of the page left alone. */
	memset(map, 0xa5, PAGE);
	ret = call(fd, sess, PTA_CMD_GET_ENTROPY, memref(P_MINOUT, id, 100),
		   none, &out);
	expect(ret == TEE_SUCCESS && out.b == 100,
	       "100 bytes: 0x%08x size %llu", ret, (unsigned long long)out.b);
	expect(!all_bytes(map, 100, 0xa5) &&
		       all_bytes(map + 100, PAGE - 100, 0xa5),
	       "100 bytes: wrong extent written");
	note("4096, 4096 (different), 100 (exact extent) bytes; ");
	return !failures;
}

bool t_pta_bad_params(const void *arg)
{
	const size_t big_len = 1u << 20;
	param_t none = {0}, vin = {.attr = P_VIN}, vout = {.attr = P_VOUT};
	uint32_t sess, ret;
	uint8_t *map, *big;
	int fd, id, big_id;

	(void)arg;
	if (pta_connect(rng_uuid, &fd, &sess) ||
	    (id = shm_register(fd, PAGE, &map)) < 0 ||
	    (big_id = shm_register(fd, big_len, &big)) < 0)
		return false;
	const struct {
		const char *what;
		uint32_t cmd;
		param_t p0, p1;
	} bad[] = {
		{"memref output", PTA_CMD_GET_ENTROPY, memref(P_MOUT, id, 16),
		 none},
		{"memref input", PTA_CMD_GET_ENTROPY, memref(P_MIN, id, 16),
		 none},
		{"value", PTA_CMD_GET_ENTROPY, vout, none},
		{"no param", PTA_CMD_GET_ENTROPY, none, none},
		{"extra param", PTA_CMD_GET_ENTROPY, memref(P_MINOUT, id, 16),
		 vin},
		{"param in slot 1", PTA_CMD_GET_ENTROPY, none,
		 memref(P_MINOUT, id, 16)},
		{"4097 bytes", PTA_CMD_GET_ENTROPY,
		 memref(P_MINOUT, big_id, 4097), none},
		{"64 KiB", PTA_CMD_GET_ENTROPY,
		 memref(P_MINOUT, big_id, 64 * 1024), none},
		{"1 MiB", PTA_CMD_GET_ENTROPY,
		 memref(P_MINOUT, big_id, big_len), none},
		{"NULL size 16", PTA_CMD_GET_ENTROPY,
		 memref(P_MINOUT, NULL_SHM, 16), none},
		{"NULL size 0", PTA_CMD_GET_ENTROPY,
		 memref(P_MINOUT, NULL_SHM, 0), none},
		{"info memref", PTA_CMD_GET_RNG_INFO, memref(P_MINOUT, id, 8),
		 none},
		{"info value in", PTA_CMD_GET_RNG_INFO, vin, none},
		{"info two values", PTA_CMD_GET_RNG_INFO, vout, vout},
		{"info no param", PTA_CMD_GET_RNG_INFO, none, none},
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		ret = call(fd, sess, bad[i].cmd, bad[i].p0, bad[i].p1, NULL);
		expect(ret == TEE_ERROR_BAD_PARAMETERS, "%s: 0x%08x(%s)",
		       bad[i].what, ret, ret_name(ret));
	}
	ret = call(fd, sess, 2, memref(P_MINOUT, id, 16), none, NULL);
	expect(ret == TEE_ERROR_NOT_IMPLEMENTED, "cmd 2: 0x%08x", ret);
	ret = call(fd, sess, 0xffffffffu, vout, none, NULL);
	expect(ret == TEE_ERROR_NOT_IMPLEMENTED, "cmd ~0: 0x%08x", ret);
	/* Still serving. */
	ret = call(fd, sess, PTA_CMD_GET_ENTROPY, memref(P_MINOUT, id, 16),
		   none, NULL);
	expect(ret == TEE_SUCCESS, "good call after: 0x%08x", ret);
	note("%zu malformed calls refused, 2 unknown commands; ",
	     ARRAY_SIZE(bad));
	return !failures;
}

#define PAR_THREADS 4
#define PAR_CALLS 50
#define PAR_BYTES 256

struct par {
	pthread_t th;
	int fd, id;
	uint32_t sess, bad_ret;
	uint8_t *map;
	uint8_t *out; /* PAR_CALLS * PAR_BYTES */
};

static void *par_body(void *arg)
{
	struct par *t = arg;

	for (int i = 0; i < PAR_CALLS; i++) {
		param_t p0 = memref(P_MINOUT, t->id, PAR_BYTES), none = {0};
		uint32_t ret = call(t->fd, t->sess, PTA_CMD_GET_ENTROPY, p0,
				    none, NULL);

		if (ret) {
			t->bad_ret = ret;
			break;
		}
		memcpy(t->out + i * PAR_BYTES, t->map, PAR_BYTES);
	}
	return NULL;
}

/* Several sessions drawing at once (SMP): no error, no repeated block. */
bool t_pta_parallel(const void *arg)
{
	static uint8_t out[PAR_THREADS * PAR_CALLS * PAR_BYTES];
	struct par t[PAR_THREADS];

	(void)arg;
	memset(t, 0, sizeof(t));
	for (int i = 0; i < PAR_THREADS; i++) {
		if (pta_connect(rng_uuid, &t[i].fd, &t[i].sess) ||
		    (t[i].id = shm_register(t[i].fd, PAGE, &t[i].map)) < 0)
			return false;
		t[i].out = out + (size_t)i * PAR_CALLS * PAR_BYTES;
	}
	for (int i = 0; i < PAR_THREADS; i++)
		if (pthread_create(&t[i].th, NULL, par_body, &t[i]))
			return false;
	for (int i = 0; i < PAR_THREADS; i++) {
		pthread_join(t[i].th, NULL);
		expect(!t[i].bad_ret, "thread %d: 0x%08x", i, t[i].bad_ret);
	}
	expect(!has_equal_blocks(out, sizeof(out) / 16, 16),
	       "a 16-byte block repeats");
	note("%d threads x %d calls x %d bytes; ", PAR_THREADS, PAR_CALLS,
	     PAR_BYTES);
	return !failures;
}

bool t_device_enum(const void *arg)
{
	param_t out, none = {0};
	uint32_t sess, ret;
	uint8_t *map;
	int fd, id;

	(void)arg;
	if (pta_connect(device_pta_uuid, &fd, &sess) ||
	    (id = shm_register(fd, PAGE, &map)) < 0)
		return false;
	/* Linux's size query: a NULL buffer of size 0. */
	ret = call(fd, sess, 0, memref(P_MOUT, NULL_SHM, 0), none, &out);
	expect(ret == TEE_ERROR_SHORT_BUFFER && out.b == 16,
	       "size query: 0x%08x size %llu", ret, (unsigned long long)out.b);
	ret = call(fd, sess, 0, memref(P_MOUT, id, 16), none, &out);
	expect(ret == TEE_SUCCESS && out.b == 16 && !memcmp(map, rng_uuid, 16),
	       "16 bytes: 0x%08x size %llu", ret, (unsigned long long)out.b);
	ret = call(fd, sess, 0, memref(P_MOUT, id, PAGE), none, &out);
	expect(ret == TEE_SUCCESS && out.b == 16, "a page: 0x%08x size %llu",
	       ret, (unsigned long long)out.b);
	/* Nothing needs the supplicant, and nothing may be listed twice. */
	ret = call(fd, sess, 1, memref(P_MOUT, NULL_SHM, 0), none, &out);
	expect(ret == TEE_SUCCESS && out.b == 0,
	       "GET_DEVICES_SUPP: 0x%08x size %llu", ret,
	       (unsigned long long)out.b);
	note("GET_DEVICES: rng.pta only; GET_DEVICES_SUPP: empty; ");
	return !failures;
}
