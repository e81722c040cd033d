#include <fdt_reader.h>
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

/*
 * What the walk tells a visitor: nodes as they open (with their depth, 1 =
 * child of the root) and properties of the innermost open node. A visitor
 * returns true to stop the walk.
 */
struct fdt_visitor {
	bool (*node)(struct fdt_visitor *v, int depth, const char *name,
		     size_t len);
	bool (*prop)(struct fdt_visitor *v, int depth, const char *name,
		     const uint8_t *val, uint32_t len);
};

static TEE_Result fdt_walk(const void *fdt, size_t max_size,
			   struct fdt_visitor *v)
{
	const uint8_t *b = fdt;
	uint32_t total, off_struct, off_strings, size_struct, size_strings;
	uint32_t pos, end;
	int depth = 0;

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
			if (v->node && v->node(v, depth, name, len))
				return TEE_SUCCESS;
			depth++;
			pos += ROUNDUP((uint32_t)len + 1, 4u);
		} else if (token == FDT_END_NODE) {
			if (--depth < 0)
				return TEE_ERROR_BAD_FORMAT;
		} else if (token == FDT_PROP) {
			uint32_t len, nameoff;
			const char *pname;

			if (pos + 8 > end)
				return TEE_ERROR_BAD_FORMAT;
			len = be32(b + pos);
			nameoff = be32(b + pos + 4);
			pos += 8;
			if (len > end - pos || nameoff >= size_strings)
				return TEE_ERROR_BAD_FORMAT;
			pname = (const char *)b + off_strings + nameoff;
			if (strnlen(pname, size_strings - nameoff) ==
			    size_strings - nameoff)
				return TEE_ERROR_BAD_FORMAT;
			if (v->prop && v->prop(v, depth, pname, b + pos, len))
				return TEE_SUCCESS;
			pos += ROUNDUP(len, 4u);
		} else if (token == FDT_END) {
			break;
		} else if (token != FDT_NOP) {
			return TEE_ERROR_BAD_FORMAT;
		}
	}
	return TEE_SUCCESS;
}

static bool name_is(const char *name, size_t len, const char *base)
{
	size_t n = strlen(base);

	return len >= n && !memcmp(name, base, n) &&
	       (len == n || name[n] == '@');
}

struct memory_visitor {
	struct fdt_visitor v;
	int memory_depth; /* depth of the open memory node's props, or -1 */
	bool found;
	uint64_t base, size;
};

static bool memory_node(struct fdt_visitor *v, int depth, const char *name,
			size_t len)
{
	struct memory_visitor *m = (struct memory_visitor *)v;

	m->memory_depth = depth == 1 && name_is(name, len, "memory") ? 2 : -1;
	return false;
}

static bool memory_prop(struct fdt_visitor *v, int depth, const char *name,
			const uint8_t *val, uint32_t len)
{
	struct memory_visitor *m = (struct memory_visitor *)v;

	if (depth != m->memory_depth || strcmp(name, "reg") || len < 16)
		return false;
	m->base = be64(val);
	m->size = be64(val + 8);
	m->found = true;
	return true;
}

TEE_Result fdt_first_memory_range(const void *fdt, size_t max_size,
				  uint64_t *base, uint64_t *size)
{
	struct memory_visitor m = {
		.v = { .node = memory_node, .prop = memory_prop },
		.memory_depth = -1,
	};
	TEE_Result res = fdt_walk(fdt, max_size, &m.v);

	if (res)
		return res;
	if (!m.found)
		return TEE_ERROR_ITEM_NOT_FOUND;
	*base = m.base;
	*size = m.size;
	return TEE_SUCCESS;
}

struct cpu_visitor {
	struct fdt_visitor v;
	bool in_cpus;
	unsigned int count;
};

static bool cpu_node(struct fdt_visitor *v, int depth, const char *name,
		     size_t len)
{
	struct cpu_visitor *c = (struct cpu_visitor *)v;

	if (depth == 1)
		c->in_cpus = len == 4 && !memcmp(name, "cpus", 4);
	else if (depth == 2 && c->in_cpus && len > 4 &&
		 !memcmp(name, "cpu@", 4))
		c->count++;
	return false;
}

TEE_Result fdt_count_cpus(const void *fdt, size_t max_size,
			  unsigned int *count)
{
	struct cpu_visitor c = { .v = { .node = cpu_node } };
	TEE_Result res = fdt_walk(fdt, max_size, &c.v);

	if (res)
		return res;
	if (!c.count)
		return TEE_ERROR_ITEM_NOT_FOUND;
	*count = c.count;
	return TEE_SUCCESS;
}
