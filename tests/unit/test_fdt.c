/* The device-tree reader: facts from a dtc-built blob, and corrupt blobs. */
#include <fdt_reader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static uint8_t *load(size_t *len)
{
	const char *path = getenv("RAMPART_TEST_DTB");
	FILE *f = fopen(path ? path : "out/tests/virt_like.dtb", "rb");
	uint8_t *b = malloc(65536);

	*len = f ? fread(b, 1, 65536, f) : 0;
	if (f)
		fclose(f);
	return b;
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

TEST(fdt_reads_memory_and_cpus)
{
	size_t len;
	uint8_t *b = load(&len);
	uint64_t base = 0, size = 0;
	unsigned int n = 0;

	CHECK(len > 40);
	CHECK_EQ(fdt_first_memory_range(b, len, &base, &size), TEE_SUCCESS);
	CHECK_EQ(base, 0x40000000);
	CHECK_EQ(size, 0x40000000);
	/* cpu@7 outside /cpus and cpu-map are not CPUs. */
	CHECK_EQ(fdt_count_cpus(b, len, &n), TEE_SUCCESS);
	CHECK_EQ(n, 3);
	free(b);
}

TEST(fdt_rejects_corrupt_blobs)
{
	size_t len;
	uint8_t *b = load(&len), *c = malloc(len);
	uint64_t base, size;
	unsigned int n;
	uint32_t off_struct;

	CHECK(len > 40);
	/* Bad magic; a limit smaller than the blob; totalsize too big. */
	memcpy(c, b, len);
	c[0] ^= 1;
	CHECK_EQ(fdt_first_memory_range(c, len, &base, &size),
		 TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(fdt_count_cpus(b, len / 2, &n), TEE_ERROR_BAD_FORMAT);
	CHECK_EQ(fdt_count_cpus(b, 10, &n), TEE_ERROR_BAD_FORMAT);
	memcpy(c, b, len);
	put_be32(c + 36, 0xfffffff0); /* size_dt_struct */
	CHECK_EQ(fdt_count_cpus(c, len, &n), TEE_ERROR_BAD_FORMAT);
	memcpy(c, b, len);
	put_be32(c + 32, 0xfffffff0); /* size_dt_strings */
	CHECK_EQ(fdt_count_cpus(c, len, &n), TEE_ERROR_BAD_FORMAT);
	/* An unknown token where the first node begins. */
	memcpy(c, b, len);
	off_struct = (uint32_t)c[8] << 24 | c[9] << 16 | c[10] << 8 | c[11];
	put_be32(c + off_struct, 0x77);
	CHECK_EQ(fdt_count_cpus(c, len, &n), TEE_ERROR_BAD_FORMAT);
	/* Every single-byte corruption of the structure block is survived. */
	for (size_t i = off_struct; i < len; i++) {
		memcpy(c, b, len);
		c[i] ^= 0xff;
		fdt_count_cpus(c, len, &n);
		fdt_first_memory_range(c, len, &base, &size);
	}
	free(b);
	free(c);
}
