/*
 * teetest: memory references, to registered and to driver-allocated shared
 * memory, checked with the test PTA's HASH_AND_PATTERN.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include "teetest.h"

/* HASH_AND_PATTERN with a NULL memref: the hash of nothing. */
int t_memref_0(void)
{
	param_t p[NPARAMS] = {memref(P_MINOUT, -1, 0, 0), val(P_VOUT, 0, 0)};
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
	param_t p[NPARAMS] = {p0, val(P_VOUT, 0, 0)};
	uint64_t h = fnv1a64(data, n);
	uint32_t ret = call(PTA_TEST_CMD_HASH_AND_PATTERN, p);

	note("ret " RET_FMT, RET(ret));
	if (ret != TEE_SUCCESS)
		return 1;
	if (p[1].a != (uint32_t)h || p[1].b != h >> 32) {
		note(" hash 0x%08llx%08llx want 0x%016llx", U(p[1].b),
		     U(p[1].a), U(h));
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
	if (pta_open() ||
	    (id = shm_register(reg_off, reg_len, &map, &map_len)) < 0)
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
		if ((map + i < data || map + i >= data + n) &&
		    map[i] != orig[i]) {
			note("; but byte map+%zu outside the memref changed",
			     i);
			return 1;
		}
	}
	return 0;
}

#define BIG (5 * 512 * 1024 + 123) /* 2.5 MiB + 123 */
#define BIG_OFF (123 + 3 * PAGE)
static const struct {
	size_t reg_off, reg_len, mem_off, n;
} memref_cases[] = {
	/* 1: one byte, the last of a page, in a registration from mid-page */
	{4000, 200, 95, 1},
	/* 4096: one whole aligned page */
	{0, PAGE, 0, PAGE},
	/*
	 * 2.5 MiB + 123 from byte 123 of the registration's 4th page: 641
	 * pages, so the secure side must follow the page list past its first
	 * 511-entry list page and honour an offset that is not page-aligned.
	 */
	{0, BIG_OFF + BIG, BIG_OFF, BIG},
};

int t_memref(void)
{
	int i = test_arg;

	return memref_case(memref_cases[i].reg_off, memref_cases[i].reg_len,
			   memref_cases[i].mem_off, memref_cases[i].n);
}

/* Driver-allocated shared memory (TEE_IOC_SHM_ALLOC), mapped from its fd. */
int t_memref_shm_alloc(void)
{
	struct tee_ioctl_shm_alloc_data a = {.size = 8192};
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
