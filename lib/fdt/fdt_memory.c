#include <fdt_memory.h>
#include <string.h>

#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_NOP 4u
#define FDT_END 9u

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint64_t be64(const uint8_t *p)
{
	return (uint64_t)be32(p) << 32 | be32(p + 4);
}

static bool name_is_memory(const char *name, size_t len)
{
	return (len == 6 && !memcmp(name, "memory", 6)) ||
	       (len > 7 && !memcmp(name, "memory@", 7));
}

TEE_Result fdt_first_memory_range(const void *fdt, size_t max_size,
				  uint64_t *base, uint64_t *size)
{
	const uint8_t *b = fdt;
	uint32_t total, off_struct, off_strings, size_struct, size_strings;
	uint32_t pos, end;
	int depth = 0;
	bool in_memory = false;

	if (max_size < 40 || be32(b) != FDT_MAGIC)
		return TEE_ERROR_BAD_FORMAT;
	total = be32(b + 4);
	off_struct = be32(b + 8);
	off_strings = be32(b + 12);
	size_strings = be32(b + 32);
	size_struct = be32(b + 36);
	if (total > max_size || off_struct > total ||
	    size_struct > total - off_struct || off_strings > total ||
	    size_strings > total - off_strings)
		return TEE_ERROR_BAD_FORMAT;

	pos = off_struct;
	end = off_struct + size_struct;
	while (pos + 4 <= end) {
		uint32_t token = be32(b + pos);

		pos += 4;
		if (token == FDT_BEGIN_NODE) {
			const char *name = (const char *)b + pos;
			size_t len = strnlen(name, end - pos);

			if (len == end - pos)
				return TEE_ERROR_BAD_FORMAT;
			depth++;
			in_memory = depth == 2 && name_is_memory(name, len);
			pos += ROUNDUP((uint32_t)len + 1, 4u);
		} else if (token == FDT_END_NODE) {
			if (--depth < 0)
				return TEE_ERROR_BAD_FORMAT;
			in_memory = false;
		} else if (token == FDT_PROP) {
			uint32_t len, nameoff;

			if (pos + 8 > end)
				return TEE_ERROR_BAD_FORMAT;
			len = be32(b + pos);
			nameoff = be32(b + pos + 4);
			pos += 8;
			if (len > end - pos || nameoff >= size_strings)
				return TEE_ERROR_BAD_FORMAT;
			if (in_memory &&
			    !strncmp((const char *)b + off_strings + nameoff,
				     "reg", size_strings - nameoff) &&
			    len >= 16) {
				*base = be64(b + pos);
				*size = be64(b + pos + 8);
				return TEE_SUCCESS;
			}
			pos += ROUNDUP(len, 4u);
		} else if (token == FDT_END) {
			break;
		} else if (token != FDT_NOP) {
			return TEE_ERROR_BAD_FORMAT;
		}
	}
	return TEE_ERROR_ITEM_NOT_FOUND;
}
