/* Stage-1 translation table construction, validate-then-perform. */
#include <mm/pgt.h>

#define DESC_VALID BIT(0)
#define DESC_TABLE_OR_PAGE BIT(1)
#define DESC_ATTRIDX_SHIFT 2
#define DESC_NS BIT(5)
#define DESC_AP_EL0 BIT(6)
#define DESC_AP_RO BIT(7)
#define DESC_SH_INNER (3ull << 8)
#define DESC_AF BIT(10)
#define DESC_NG BIT(11)
#define DESC_GP BIT(50)
#define DESC_PXN BIT(53)
#define DESC_UXN BIT(54)
#define DESC_ADDR_MASK 0x0000fffffffff000ull

static unsigned int level_shift(unsigned int level)
{
	return 39 - 9 * level;
}

TEE_Result pgt_init(struct pgt *p, struct pgt_table *pool, size_t pool_size,
		    unsigned int va_bits,
		    paddr_t (*table_pa)(const struct pgt_table *),
		    struct pgt_table *(*table_va)(paddr_t))
{
	if (!pool || !pool_size || va_bits < 25 || va_bits > 48 || !table_pa ||
	    !table_va)
		return TEE_ERROR_BAD_PARAMETERS;
	p->pool = pool;
	p->pool_size = pool_size;
	p->pool_used = 1;
	p->root = &pool[0];
	p->va_bits = va_bits;
	p->start_level = va_bits > 39 ? 0 : va_bits > 30 ? 1 : 2;
	p->table_pa = table_pa;
	p->table_va = table_va;
	for (int i = 0; i < PGT_ENTRIES; i++)
		p->root->entry[i] = 0;
	return TEE_SUCCESS;
}

static uint64_t leaf_desc(paddr_t pa, uint64_t attrs, unsigned int level)
{
	uint64_t mem = (attrs & PGT_ATTR_MEM_MASK) >> PGT_ATTR_MEM_SHIFT;
	uint64_t d = pa | DESC_VALID | DESC_AF | (mem << DESC_ATTRIDX_SHIFT);

	if (level == 3)
		d |= DESC_TABLE_OR_PAGE;
	if ((attrs & PGT_ATTR_MEM_MASK) != PGT_MEM_DEVICE)
		d |= DESC_SH_INNER;
	if (attrs & PGT_ATTR_NS)
		d |= DESC_NS;
	if (attrs & PGT_ATTR_USER)
		d |= DESC_AP_EL0;
	if (!(attrs & PGT_ATTR_W))
		d |= DESC_AP_RO;
	if (attrs & PGT_ATTR_NG)
		d |= DESC_NG;
	if (attrs & PGT_ATTR_GUARDED)
		d |= DESC_GP;
	if (!(attrs & PGT_ATTR_X))
		d |= DESC_PXN | DESC_UXN;
	else if (attrs & PGT_ATTR_USER)
		d |= DESC_PXN; /* the core never executes user code */
	else
		d |= DESC_UXN;
	return d;
}

static uint64_t desc_to_attrs(uint64_t d)
{
	uint64_t a = ((d >> DESC_ATTRIDX_SHIFT) & 7) << PGT_ATTR_MEM_SHIFT;

	if (!(d & DESC_AP_RO))
		a |= PGT_ATTR_W;
	if (d & DESC_AP_EL0)
		a |= PGT_ATTR_USER;
	if (d & DESC_NS)
		a |= PGT_ATTR_NS;
	if (d & DESC_NG)
		a |= PGT_ATTR_NG;
	if (d & DESC_GP)
		a |= PGT_ATTR_GUARDED;
	if ((a & PGT_ATTR_USER) ? !(d & DESC_UXN) : !(d & DESC_PXN))
		a |= PGT_ATTR_X;
	return a;
}

static bool is_table(uint64_t d, unsigned int level)
{
	return level < 3 && (d & (DESC_VALID | DESC_TABLE_OR_PAGE)) ==
				    (DESC_VALID | DESC_TABLE_OR_PAGE);
}

/*
 * One level of the map walk. With @perform false it only checks for
 * overlaps and counts the tables that would be allocated; @t may then be
 * NULL, standing for a table that does not exist yet.
 */
static TEE_Result map_level(struct pgt *p, struct pgt_table *t,
			    unsigned int level, vaddr_t va, paddr_t pa,
			    uint64_t size, uint64_t attrs, bool perform,
			    size_t *tables_needed)
{
	uint64_t block = 1ull << level_shift(level);

	while (size) {
		unsigned int idx = (va >> level_shift(level)) % PGT_ENTRIES;
		uint64_t to_boundary = block - (va & (block - 1));
		uint64_t chunk = size < to_boundary ? size : to_boundary;
		uint64_t d = t ? t->entry[idx] : 0;
		bool leaf_ok = level == 3 ||
			       (level >= 1 && IS_ALIGNED(va | pa, block) &&
				chunk == block);
		TEE_Result res;

		if (leaf_ok && !(d & DESC_VALID)) {
			if (perform)
				t->entry[idx] = leaf_desc(pa, attrs, level);
		} else if ((d & DESC_VALID) && !is_table(d, level)) {
			return TEE_ERROR_BAD_STATE;
		} else {
			struct pgt_table *next = NULL;

			if (d & DESC_VALID) {
				next = p->table_va(d & DESC_ADDR_MASK);
			} else if (perform) {
				next = &p->pool[p->pool_used++];
				for (int i = 0; i < PGT_ENTRIES; i++)
					next->entry[i] = 0;
				t->entry[idx] = p->table_pa(next) | DESC_VALID |
						DESC_TABLE_OR_PAGE;
			} else {
				(*tables_needed)++;
			}
			res = map_level(p, next, level + 1, va, pa, chunk,
					attrs, perform, tables_needed);
			if (res)
				return res;
		}
		va += chunk;
		pa += chunk;
		size -= chunk;
	}
	return TEE_SUCCESS;
}

TEE_Result pgt_map(struct pgt *p, vaddr_t va, paddr_t pa, uint64_t size,
		   uint64_t attrs)
{
	uint64_t va_end, pa_end;
	size_t needed = 0;
	TEE_Result res;

	/* Decode: everything the perform step relies on. */
	if (!size || !IS_ALIGNED(va | pa | size, PGT_PAGE_SIZE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (ADD_OVERFLOW(va, size, &va_end) || ADD_OVERFLOW(pa, size, &pa_end))
		return TEE_ERROR_BAD_PARAMETERS;
	if (va_end > (1ull << p->va_bits) || pa_end > (1ull << 48))
		return TEE_ERROR_BAD_PARAMETERS;
	if (attrs & ~PGT_ATTR_ALL)
		return TEE_ERROR_BAD_PARAMETERS;
	if ((attrs & PGT_ATTR_W) && (attrs & PGT_ATTR_X))
		return TEE_ERROR_BAD_PARAMETERS;
	if ((attrs & PGT_ATTR_GUARDED) && !(attrs & PGT_ATTR_X))
		return TEE_ERROR_BAD_PARAMETERS;
	if ((attrs & PGT_ATTR_MEM_MASK) > PGT_MEM_NC)
		return TEE_ERROR_BAD_PARAMETERS;
	if ((attrs & PGT_ATTR_MEM_MASK) == PGT_MEM_DEVICE &&
	    (attrs & (PGT_ATTR_X | PGT_ATTR_USER)))
		return TEE_ERROR_BAD_PARAMETERS;

	res = map_level(p, p->root, p->start_level, va, pa, size, attrs, false,
			&needed);
	if (res)
		return res;
	if (needed > p->pool_size - p->pool_used)
		return TEE_ERROR_OUT_OF_MEMORY;

	/* Perform: cannot fail now. */
	return map_level(p, p->root, p->start_level, va, pa, size, attrs, true,
			 &needed);
}

TEE_Result pgt_lookup(const struct pgt *p, vaddr_t va, paddr_t *pa,
		      uint64_t *attrs)
{
	const struct pgt_table *t = p->root;

	if (va >= (1ull << p->va_bits))
		return TEE_ERROR_ITEM_NOT_FOUND;
	for (unsigned int level = p->start_level; level <= 3; level++) {
		uint64_t d = t->entry[(va >> level_shift(level)) % PGT_ENTRIES];
		uint64_t block = 1ull << level_shift(level);

		if (!(d & DESC_VALID))
			return TEE_ERROR_ITEM_NOT_FOUND;
		if (is_table(d, level)) {
			t = p->table_va(d & DESC_ADDR_MASK);
			continue;
		}
		*pa = (d & DESC_ADDR_MASK & ~(block - 1)) | (va & (block - 1));
		if (attrs)
			*attrs = desc_to_attrs(d);
		return TEE_SUCCESS;
	}
	return TEE_ERROR_ITEM_NOT_FOUND;
}

/* The level-3 entry for @va, or NULL if a table on the way is missing. */
static uint64_t *leaf_entry(const struct pgt *p, vaddr_t va)
{
	struct pgt_table *t = p->root;

	for (unsigned int level = p->start_level; level < 3; level++) {
		uint64_t d = t->entry[(va >> level_shift(level)) % PGT_ENTRIES];

		if (!is_table(d, level))
			return NULL;
		t = p->table_va(d & DESC_ADDR_MASK);
	}
	return &t->entry[(va >> level_shift(3)) % PGT_ENTRIES];
}

TEE_Result pgt_unmap(struct pgt *p, vaddr_t va, uint64_t size)
{
	uint64_t end;

	if (!size || !IS_ALIGNED(va | size, PGT_PAGE_SIZE) ||
	    ADD_OVERFLOW(va, size, &end) || end > (1ull << p->va_bits))
		return TEE_ERROR_BAD_PARAMETERS;
	for (vaddr_t a = va; a < end; a += PGT_PAGE_SIZE) {
		uint64_t *e = leaf_entry(p, a);

		if (!e || !(*e & DESC_VALID))
			return TEE_ERROR_BAD_STATE;
	}
	for (vaddr_t a = va; a < end; a += PGT_PAGE_SIZE)
		*leaf_entry(p, a) = 0;
	return TEE_SUCCESS;
}
