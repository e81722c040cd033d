/*
 * What Linux made of the RNG pseudo TA: the hwrng it bound (sysfs), the
 * quality it credits, and the bytes /dev/hwrng delivers. Also the
 * self-check showing each health test fails on the kind of output it
 * exists to catch.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rngtest.h"

#define TEE_DEVICE                                                             \
	"/sys/bus/tee/devices/optee-ta-ab7a617c-b8e7-4d8f-8301-d09b61036b64"

/* A hw_random attribute, newline stripped; 0 or -1 (noted). */
static int read_attr(const char *name, char *buf, size_t len)
{
	static const char *const dirs[] = {
		"/sys/class/misc/hw_random",
		"/sys/devices/virtual/misc/hw_random",
	};

	for (size_t i = 0; i < ARRAY_SIZE(dirs); i++) {
		char path[128];
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", dirs[i], name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (!fgets(buf, (int)len, f))
			buf[0] = 0;
		fclose(f);
		buf[strcspn(buf, "\n")] = 0;
		return 0;
	}
	note("no hw_random/%s; ", name);
	return -1;
}

static int read_hwrng(uint8_t *buf, size_t n)
{
	int fd = open("/dev/hwrng", O_RDONLY);
	size_t got = 0;

	if (fd < 0) {
		note("open /dev/hwrng: %s; ", strerror(errno));
		return -1;
	}
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);

		if (r <= 0) {
			note("read /dev/hwrng after %zu bytes: %s; ", got,
			     r ? strerror(errno) : "EOF");
			close(fd);
			return -1;
		}
		got += (size_t)r;
	}
	close(fd);
	return 0;
}

static size_t block_size;

static int cmp_blocks(const void *a, const void *b)
{
	return memcmp(a, b, block_size);
}

bool has_equal_blocks(uint8_t *blocks, size_t n, size_t bs)
{
	block_size = bs;
	qsort(blocks, n, bs, cmp_blocks);
	for (size_t i = 1; i < n; i++)
		if (!memcmp(blocks + (i - 1) * bs, blocks + i * bs, bs))
			return true;
	return false;
}

bool t_rng_current(const void *arg)
{
	char cur[64], avail[256], link[256], path[300];
	ssize_t n;

	(void)arg;
	if (read_attr("rng_current", cur, sizeof(cur)) ||
	    read_attr("rng_available", avail, sizeof(avail)))
		return false;
	note("current '%s', available '%s'; ", cur, avail);
	expect(!strcmp(cur, "optee-rng"), "rng_current is not optee-rng");
	expect(strstr(avail, "optee-rng") != NULL, "optee-rng not available");
	/* device.pta listed the RNG PTA and optee-rng bound to that device. */
	snprintf(path, sizeof(path), "%s/driver", TEE_DEVICE);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0) {
		expect(false, "%s: %s", path, strerror(errno));
	} else {
		link[n] = 0;
		note("tee device driver %s; ", strrchr(link, '/') + 1);
		expect(!strcmp(strrchr(link, '/') + 1, "optee-rng"),
		       "TEE device bound to another driver");
	}
	return !failures;
}

bool t_rng_quality_sysfs(const void *arg)
{
	char q[32];

	(void)arg;
	if (expected_quality < 0) {
		note("no --quality given");
		return false;
	}
	if (read_attr("rng_quality", q, sizeof(q)))
		return false;
	note("rng_quality %s, expected %d; ", q, expected_quality);
	return atoi(q) == expected_quality;
}

bool t_hwrng_health(const void *arg)
{
	static uint8_t buf[SAMPLE_BYTES];
	struct health h;

	(void)arg;
	if (read_hwrng(buf, sizeof(buf)))
		return false;
	health_run(buf, sizeof(buf), &h);
	note("%u bytes: ", SAMPLE_BYTES);
	health_note(&h);
	return health_passed(&h);
}

bool t_hwrng_reads_differ(const void *arg)
{
	static uint8_t buf[2 * SAMPLE_BYTES];

	(void)arg;
	if (read_hwrng(buf, SAMPLE_BYTES) ||
	    read_hwrng(buf + SAMPLE_BYTES, SAMPLE_BYTES))
		return false;
	expect(memcmp(buf, buf + SAMPLE_BYTES, SAMPLE_BYTES) != 0,
	       "two reads are equal");
	/* No 16-byte block twice in 128 KiB: no replayed DRBG output. */
	expect(!has_equal_blocks(buf, sizeof(buf) / 16, 16),
	       "a 16-byte block repeats");
	note("2 x %u bytes, no repeated 16-byte block; ", SAMPLE_BYTES);
	return !failures;
}

/* splitmix64 from a fixed seed: a good stream, the same on every run. */
static void good_stream(uint8_t *p, size_t n)
{
	uint64_t s = 1;

	for (size_t i = 0; i < n; i += 8) {
		uint64_t z = (s += 0x9e3779b97f4a7c15ull);

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
		z ^= z >> 31;
		memcpy(p + i, &z, n - i < 8 ? n - i : 8);
	}
}

bool t_health_selfcheck(const void *arg)
{
	static uint8_t p[SAMPLE_BYTES];
	struct health h;

	(void)arg;
	good_stream(p, sizeof(p));
	health_run(p, sizeof(p), &h);
	expect(health_passed(&h), "good stream fails");
	note("good: ");
	health_note(&h);

	memset(p, 0, sizeof(p));
	health_run(p, sizeof(p), &h);
	expect(!h.rct && !h.apt, "all zero passes RCT or APT");

	good_stream(p, sizeof(p));
	memset(p + 1000, 0x42, 5); /* a run of 5 is fine */
	health_run(p, sizeof(p), &h);
	expect(h.rct && h.rct_max == 5, "run of 5: rct %d max %u", h.rct,
	       h.rct_max);
	p[1005] = 0x42; /* a run of 6 is not */
	health_run(p, sizeof(p), &h);
	expect(!h.rct, "run of 6 passes RCT");

	good_stream(p, sizeof(p));
	for (size_t i = 0; i < sizeof(p); i += 16)
		p[i] = 0x55; /* one value in 1/16 of the samples */
	health_run(p, sizeof(p), &h);
	expect(!h.apt, "1/16 of one value passes APT (max %u)", h.apt_max);

	good_stream(p, sizeof(p));
	for (size_t i = 0; i < sizeof(p); i += 8)
		p[i] |= 1; /* bit 0 forced in one byte of 8: ~4096 more ones */
	health_run(p, sizeof(p), &h);
	expect(!h.monobit, "biased bits pass monobit (%+ld)", h.ones_dev);

	for (size_t i = 0; i < sizeof(p); i++)
		p[i] = (uint8_t)i; /* perfectly even: only chi2 low sees it */
	health_run(p, sizeof(p), &h);
	expect(h.rct && h.apt && h.monobit && !h.chi_low,
	       "byte counter: rct %d apt %d monobit %d chi_low %d", h.rct,
	       h.apt, h.monobit, h.chi_low);

	good_stream(p, sizeof(p));
	for (size_t i = 0; i < sizeof(p); i++)
		if (p[i] < 16)
			p[i] += 16; /* 16 values never, 16 twice as often */
	health_run(p, sizeof(p), &h);
	expect(!h.chi_high, "skewed bytes pass chi2 (%.1f)", h.chi2);
	note("bad streams caught; ");
	return !failures;
}
